"""evaluation: readers and scorers for benchmark data sets (``storyline eval ...``)."""
