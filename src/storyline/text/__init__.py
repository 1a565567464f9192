"""text: word lists and name helpers shared by ``annotate`` and ``link`` (no spaCy)."""
