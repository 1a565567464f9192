"""The Attribution record (annotate/attribution.py): kind from its content ranges."""

from __future__ import annotations

from storyline.annotate.attribution import SPEECH_VERBS, Attribution


def test_kind_follows_the_quoted_ranges() -> None:
    att = Attribution(3, "say", (0, 2), 1, [(10, 40)])
    assert att.kind == "indirect" and att.speech
    att.nested.append((20, 30))
    assert att.kind == "mixed"
    quoted = Attribution(3, "say", (0, 2), 1)
    quoted.add_quote(50, 90)
    assert quoted.kind == "direct" and quoted.content == [(50, 90)]


def test_speech_verbs_and_according_to_are_speech() -> None:
    assert {"say", "tell", "write"} <= SPEECH_VERBS
    assert Attribution(0, "according to", None, None).speech
    assert not Attribution(0, "believe", None, None, cue_class="cognition").speech
