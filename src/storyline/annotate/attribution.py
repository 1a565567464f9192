"""An attribution as the quote finder sees it: a cue, its source and its content."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["SPEECH_VERBS", "Attribution"]

_SPEECH_TEXT = """
say tell add write tweet post state announce note explain claim argue insist report
declare ask reply respond answer comment confirm deny warn suggest acknowledge admit
remark recall predict promise testify assert contend maintain stress emphasize
emphasise reiterate repeat reveal disclose complain mention quip joke shout yell vow
pledge urge charge allege concede observe speculate proclaim boast brag caution
counter continue conclude inform advise assure lament retort recount describe
estimate affirm propose
"""
SPEECH_VERBS = frozenset(_SPEECH_TEXT.split())


@dataclass(slots=True)
class Attribution:
    """One cue with its source and content, in token and character terms."""

    cue: int  # token index of the cue word
    lemma: str  # "say", "according to", ... ("" for an unattributed quote)
    source: tuple[int, int] | None  # token range of the source as written
    speaker: int | None  # token index of the source head
    content: list[tuple[int, int]] = field(default_factory=list)  # character ranges
    direct: set[int] = field(default_factory=set)  # indexes of content ranges that are quotes
    nested: list[tuple[int, int]] = field(default_factory=list)  # quotes inside content
    entity: int | None = None  # resolved LocalEntity key
    group: int = -1  # quote group of an unattributed quote
    cue_class: str = "speech"  # speech, cognition, intention, stance, nominal (attribution_cues)
    weak: bool = False  # content guessed from the clause around the cue, yields to a quote
    written: str | None = None  # the source's own words when it is no entity ("critics")

    def add_quote(self, start: int, end: int) -> None:
        self.direct.add(len(self.content))
        self.content.append((start, end))

    @property
    def kind(self) -> str:
        if self.direct and len(self.direct) == len(self.content):
            return "direct"
        return "mixed" if self.direct or self.nested else "indirect"

    @property
    def speech(self) -> bool:
        return self.lemma in SPEECH_VERBS or self.lemma == "according to"
