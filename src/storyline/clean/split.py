"""Splitting a text page into stories: the main article and any other stories the page
holds (teasers under "Related Articles" and the like), each with its own title.

Lines are classified (``boilerplate.classify``), then read in order by a small state
machine. A short line starts a new story only on strong evidence: it is repeated (teaser
cards print their headline two or three times), it is followed by an outlet or a
timestamp, or it comes after a "Related"/"Comments" heading. A short line between two
paragraphs of a story without such evidence is a subheading and stays in the story.
After a "Comments" heading, lines are dropped until the next story starts. Text is never
moved from one story into another.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .boilerplate import Line, LineKind, classify, is_terminal, word_count
from .text import normalise_line

__all__ = ["Story", "split_stories"]

_TITLE_MAX_WORDS = 30
_ORPHAN_MIN_WORDS = 30
_LINK_RUN = 3


@dataclass(slots=True)
class Story:
    title: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    source: str | None = None
    byline: str | None = None
    date: str | None = None
    prose: int = 0  # number of prose lines

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass(slots=True)
class _State:
    lines: list[Line]
    paragraph_mode: bool
    outlets: set[str]
    headings_only: bool = False
    key_counts: dict[str, int] = field(default_factory=dict)
    stories: list[Story] = field(default_factory=list)
    current: Story | None = None
    section: LineKind | None = None  # COMMENTS or RELATED once such a heading was seen
    blank_before: bool = False
    joinable: bool = False  # last paragraph may be continued by the next line


def split_stories(text: str, *, title_first: bool = True, headings_only: bool = False) -> list[Story]:
    """The stories of a plain-text page, main story first. With ``title_first`` the first
    non-junk line is the main story's title whatever its shape. With ``headings_only``
    (text already extracted from HTML) only "Related"/"Comments" headings end the main
    story; repeated lines and timestamps do not."""
    lines = [classify(normalise_line(raw)) for raw in text.splitlines()]
    lines = _mark_link_lists(_mark_outlets(_mark_captions(lines)))
    state = _State(lines, _paragraph_mode(lines), _outlets(lines), headings_only)
    for line in lines:
        if line.kind == LineKind.SHORT:
            state.key_counts[line.key] = state.key_counts.get(line.key, 0) + 1
    for i, line in enumerate(lines):
        _step(state, i, line, title_first)
    _close(state)
    return [s for s in state.stories if s.prose > 0]


def _mark_captions(lines: list[Line]) -> list[Line]:
    """A line repeated as the start of a credited caption is that caption's first copy."""
    out = list(lines)
    for i, line in enumerate(lines):
        if line.kind != LineKind.CAPTION:
            continue
        j = i - 1
        while j >= 0 and lines[j].kind == LineKind.BLANK:
            j -= 1
        if j >= 0 and len(lines[j].text) > 20 and line.text.startswith(lines[j].text):
            out[j] = Line(lines[j].text, LineKind.CAPTION)
    return out


def _neighbour(lines: list[Line], i: int, step: int) -> Line | None:
    j = i + step
    while 0 <= j < len(lines) and lines[j].kind == LineKind.BLANK:
        j += step
    return lines[j] if 0 <= j < len(lines) else None


def _mark_outlets(lines: list[Line]) -> list[Line]:
    """A short name between a headline and a bare timestamp is the outlet (teaser cards)."""
    out = list(lines)
    for i, line in enumerate(lines):
        if line.kind != LineKind.SHORT or word_count(line.text) > 5:
            continue
        before, after = _neighbour(lines, i, -1), _neighbour(lines, i, 1)
        if (
            before is not None
            and after is not None
            and before.kind == LineKind.SHORT
            and before.key != line.key
            and after.kind == LineKind.META
            and not after.outlet
            and not after.byline
        ):
            out[i] = Line(line.text, LineKind.META, outlet=line.text)
    return out


def _mark_link_lists(lines: list[Line]) -> list[Line]:
    """Three or more short title-case lines in a row, after the first one, are a list of links
    ("Top stories" without its heading, a menu of sections), not subheadings."""
    out = list(lines)
    run: list[int] = []
    for i, line in enumerate([*lines, Line("", LineKind.PROSE)]):
        if line.kind == LineKind.BLANK:
            continue
        if line.kind == LineKind.SHORT and _title_case(line.text):
            run.append(i)
            continue
        if len(run) >= _LINK_RUN:
            for j in run[1:] if run[0] == _first_text(lines) else run:
                out[j] = Line(lines[j].text, LineKind.JUNK)
        run = []
    return out


def _first_text(lines: list[Line]) -> int:
    return next((i for i, ln in enumerate(lines) if ln.kind not in (LineKind.BLANK, LineKind.JUNK)), -1)


def _title_case(text: str) -> bool:
    words = [w for w in text.split() if w[:1].isalpha()]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def _paragraph_mode(lines: list[Line]) -> bool:
    """True when paragraphs are separated by blank lines (so single newlines are soft wraps)."""
    prose = [i for i, ln in enumerate(lines) if ln.kind == LineKind.PROSE]
    if len(prose) < 2:
        return False
    followed = sum(1 for i in prose if i + 1 < len(lines) and lines[i + 1].kind == LineKind.BLANK)
    return followed >= 0.5 * len(prose)


def _outlets(lines: list[Line]) -> set[str]:
    return {ln.outlet.casefold() for ln in lines if ln.kind == LineKind.META and ln.outlet}


def _next_lines(state: _State, i: int, limit: int = 4) -> list[Line]:
    out = []
    for line in state.lines[i + 1 :]:
        if line.kind == LineKind.BLANK:
            continue
        out.append(line)
        if len(out) == limit:
            break
    return out


def _is_outlet(state: _State, line: Line) -> bool:
    return line.kind == LineKind.SHORT and line.text.casefold() in state.outlets


def _strong_title(state: _State, i: int, line: Line) -> bool:
    """A short line that heads a story: repeated, or followed by outlet/timestamp lines."""
    if state.headings_only and state.section is None:
        return False
    for nxt in _next_lines(state, i):
        if nxt.key == line.key:
            return True
        if nxt.kind == LineKind.META or _is_outlet(state, nxt):
            return True
        if nxt.kind != LineKind.JUNK:
            return False
    return False


def _start(state: _State, title: str | None) -> None:
    _close(state)
    state.current = Story(title=title)
    state.joinable = False


def _close(state: _State) -> None:
    story = state.current
    if story is None:
        return
    while story.prose and story.paragraphs and story.paragraphs[-1].endswith(":"):
        story.paragraphs.pop()  # a trailing lead-in to something removed ("Explore ...:")
    state.stories.append(story)
    state.current = None


def _add_text(state: _State, line: Line) -> None:
    story = state.current
    assert story is not None
    if story.paragraphs and story.paragraphs[-1] == line.text:
        return
    can_join = state.joinable and story.paragraphs and (
        (state.paragraph_mode and not state.blank_before) or story.paragraphs[-1].endswith((",", ";"))
    )
    if can_join:
        story.paragraphs[-1] = story.paragraphs[-1] + " " + line.text
    else:
        story.paragraphs.append(line.text)
    if line.kind == LineKind.PROSE:
        story.prose += 1
    state.joinable = line.kind == LineKind.PROSE and not is_terminal(story.paragraphs[-1])


def _meta(state: _State, line: Line) -> None:
    story = state.current
    if story is None:
        return
    story.source = story.source or line.outlet
    story.byline = story.byline or line.byline
    story.date = story.date or line.date


def _step(state: _State, i: int, line: Line, title_first: bool) -> None:
    kind = line.kind
    if kind == LineKind.BLANK:
        state.blank_before = True
        return
    blank_before, state.blank_before = state.blank_before, False
    if kind in (LineKind.COMMENTS, LineKind.RELATED):
        _close(state)
        state.section = kind
    elif kind == LineKind.META:
        _meta(state, line)
    elif _is_outlet(state, line):
        _meta(state, Line(line.text, LineKind.META, outlet=line.text))
    elif kind in (LineKind.JUNK, LineKind.CAPTION):
        state.joinable = False
    elif kind == LineKind.SHORT:
        _short(state, i, line, title_first)
    else:
        state.blank_before = blank_before
        _prose(state, line, title_first)
        state.blank_before = False


def _short(state: _State, i: int, line: Line, title_first: bool) -> None:
    story = state.current
    if story is not None and story.title and line.key == _key_of(story.title):
        return  # the title again
    strong = _strong_title(state, i, line)
    if story is None:
        first = not state.stories and state.section is None
        if strong or first or state.section == LineKind.RELATED:
            _start(state, line.text)
        return
    if story.prose == 0:
        if strong and not (story.title and _strong_title_text(state, story.title)):
            story.title = line.text  # the earlier short line was a kicker or stray label
        elif story.paragraphs or story.title:
            _add_text(state, line)
        return
    if strong or state.section == LineKind.RELATED:
        _start(state, line.text)
    elif state.section is None:
        _add_text(state, line)  # a subheading


def _strong_title_text(state: _State, title: str) -> bool:
    return state.key_counts.get(_key_of(title), 0) > 1


def _key_of(text: str) -> str:
    return classify(text).key


def _prose(state: _State, line: Line, title_first: bool) -> None:
    if state.current is None:
        if state.section is None and not state.stories:
            words = word_count(line.text)
            if title_first and words <= _TITLE_MAX_WORDS:
                _start(state, line.text)
                return
            _start(state, None)
        elif word_count(line.text) >= _ORPHAN_MIN_WORDS and state.section != LineKind.COMMENTS:
            _start(state, None)
        else:
            return  # comment text, or a snippet without a headline
    _add_text(state, line)
