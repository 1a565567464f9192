"""Line-level boilerplate detection for text copied from web pages.

Each line is classified by general rules, not by the strings of any one page:

- ``junk``: interface words and phrases (logo, share, menu, advertisement, "Try our AI
  features"), image alt texts ("Orange background"), app and newsletter promotions,
  copyright lines;
- ``comments`` / ``related``: section headings after which the main story is over
  ("Comments", "Related Articles", "More stories", "Most read", ...);
- ``meta``: relative timestamps ("a day ago", "time2 hours ago"), possibly glued to the
  outlet's name ("Korea Heralda day ago"), "Updated: ..." lines, bullet lines
  ("• Korea Herald"), bylines ("By Jane Doe"), date lines;
- ``caption``: photo captions with a credit ("... PHOTO: EPA-EFE");
- furniture by shape: live-blog clock times (``meta``), bare numbers, speaker or section labels
  ("Fiorina :"), numbered teasers without a sentence end and corrections footers (``junk``);
- ``prose``: sentences; ``short``: anything else (title or subheading candidates).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from .dates import parse_published

__all__ = ["Line", "LineKind", "classify", "is_terminal", "unglue_stamps", "word_count", "words"]


class LineKind(StrEnum):
    BLANK = "blank"
    JUNK = "junk"
    COMMENTS = "comments"
    RELATED = "related"
    META = "meta"
    CAPTION = "caption"
    SHORT = "short"
    PROSE = "prose"


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    kind: LineKind
    outlet: str | None = None  # an outlet named by a meta line
    byline: str | None = None
    date: str | None = None  # a date written on a meta line
    folded: str | None = None  # the comparison key, when already computed

    @property
    def key(self) -> str:
        return self.folded if self.folded is not None else _key(self.text)


_UI_WORDS = frozenset(
    (
        "logo", "menu", "search", "home", "share", "print", "email", "e-mail", "facebook",
        "twitter", "x", "linkedin", "whatsapp", "reddit", "telegram", "pinterest", "instagram",
        "youtube", "tiktok", "copy", "link", "copied", "close", "open", "skip", "advertisement",
        "advertising", "ad", "ads", "sponsored", "promoted", "more", "next", "previous", "prev",
        "back", "top", "bookmark", "save", "saved", "comment", "reply", "like", "likes",
        "report", "translate", "trending", "live", "watch", "video", "videos", "photo", "photos",
        "gallery", "image", "images", "icon", "avatar", "thumbnail", "play", "pause", "mute",
        "unmute", "loading", "listen", "login", "register", "subscribe", "subscribed", "follow",
        "following", "unfollow", "toggle", "navigation", "nav", "expand", "collapse", "zoom",
        "fullscreen", "download", "upload", "edit", "delete", "cancel", "ok", "accept",
        "decline", "cookies", "settings", "notifications", "alerts", "sign", "in", "log", "out",
        "up", "now", "the", "to", "this", "article", "story", "page", "on", "of", "for", "our",
        "us", "with", "app", "apps", "store", "get", "started", "free", "try", "font", "size",
        "text", "a", "aa", "continue", "reading", "view", "all", "see", "show", "hide", "load",
    )
)
_FILLER = frozenset(
    (
        "a", "the", "to", "this", "on", "of", "for", "our", "us", "with", "in", "up", "now",
        "all", "more",
    )
)
_UI_PHRASES = frozenset(
    p.strip()
    for p in """
    no comments yet|be the first to comment|leave a comment|view comments|show comments|
    post comment|add a comment|write a comment|log in to comment|sign in to comment|
    try our ai features|ai summary|ai features|listen to this article|read more|continue reading|
    skip to content|skip to main content|back to top|share this article|share on facebook|
    share on twitter|copy link|link copied|click here|follow us|all rights reserved|
    breaking news|just now|yesterday|today|read full article|read the full article|
    view original|see original|open in app|get the app|download the app|download app|
    loading|loading...|please wait|enable javascript|advertisement|scroll to continue
    """.replace("\n", "").split("|")
) - {""}
_COMMENTS_HEADINGS = re.compile(
    r"^(?:\d+\s+)?(?:comments?|reader comments|join the conversation|discussion|"
    r"leave a reply|conversation)(?:\s*\(\d+\))?$"
)
_RELATED_HEADINGS = re.compile(
    r"^(?:related(?: articles| stories| news| posts| content| coverage| links)?|"
    r"more (?:stories|news|articles|headlines|from [\w .'-]{1,40})|"
    r"more on this(?: story| topic)?|read next|what to read next|recommended(?: for you| stories)?|"
    r"you (?:may|might) (?:also )?like|most (?:popular|read|viewed|shared)|popular(?: now| stories)?|"
    r"trending(?: now| stories)?|latest(?: news| stories| headlines)?|top stories|also read|"
    r"see also|editor'?s picks|in other news|other news|further reading|recent posts)$"
)
_ALT_TEXT = re.compile(
    r"^(?:[\w'-]+\s){0,3}(?:logo|icon|background|avatar|thumbnail|banner|placeholder|image|"
    r"photo|picture|illustration)$"
)
_PROMO = re.compile(
    r"\b(?:download|get|install|open)\b.{0,30}\bapps?\b|\bapp[\s-]?store|play[\s-]?store\b|"
    r"\bgoogle play\b|\bai features?\b|\bsign up\b|\bsubscribe\b|\bnewsletter\b|"
    r"\bcan do for you\b|\bfollow us\b|\bclick here\b|\ball rights reserved\b|^©|^copyright\b|"
    r"\b(?:terms of (?:use|service)|privacy policy|cookie policy)\b|\bcookies\b|"
    r"\bpush notifications?\b|\bpremium\b.{0,20}\b(?:subscri|member)"
)
_PROMO_WORDS = (
    "app", "store", "google play", "ai feature", "sign up", "subscri", "newsletter", "for you",
    "follow us", "click here", "rights reserved", "©", "copyright", "terms of", "privacy",
    "cookie", "notification", "premium",
)
_SECOND_PERSON = re.compile(r"\b(?:you|your|our app|today)\b")
_NUMBER_WORDS = r"an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+"
_RELATIVE_TIME = re.compile(
    rf"^(?P<prefix>.*?)\s*(?:(?:{_NUMBER_WORDS})\s*"
    r"(?:secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?|months?|years?)\s+ago|just now|"
    r"yesterday)\.?$",
    re.I,
)
_ICON_PREFIX = re.compile(
    r"^(?:time|clock|schedule|updated|published|posted|calendar)\s*[:|•·-]?\s*", re.I
)
_STAMP_LINE = re.compile(
    r"^(?:published|updated|posted|last updated|first published|modified|date)\b"
    r"\s*(?:on|:)?\s*(.*)$",
    re.I,
)
# A page's update stamp, with a clock time: "Page last updated at 07:39 GMT, Wednesday, 27 January
# 2010", "27 September 2005 Last updated at 04:16 GMT", "(Updated 3:14 p.m.)"
_PAGE_STAMP = re.compile(
    r"^\(?(?:[\w,]+\s+){0,4}?(?:last\s+)?(?:updated|published|posted)\s*:?\s+(?:at\s+|on\s+)?"
    r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:GMT|BST|UTC|E[SD]?T)?"
    r"(?:\s*,?\s*(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)?"
    r"(?:\s*,?\s*(?:\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}))?\)?",
    re.I,
)
_BULLET = re.compile(r"^[•·▪●◦‣∙|>»]\s*(.+)$")
_BYLINE = re.compile(
    r"^(?i:by|written by|reported by|reporter|words by)\s*:?\s+"
    r"([A-Z][\w.'\-]+(?:\s+(?:[A-Z][\w.'\-]+|de|van|von|al|bin|and|&))*)"
    r"(?:\s*[,|/]\s*.{0,60})?$",
)
_CAPTION_CREDIT = re.compile(
    r"(?:PHOTOS?|Photos?|PHOTO CREDIT|Photo credit|IMAGE|Image|Credit|CREDIT|Picture|FILE PHOTO)\s*:\s*"
    r"[\w\s/.,&'-]{1,60}$"
)
_TERMINAL = re.compile(
    r"[.!?…。！？](?:[\"'”’)\]」』）]+)?$|[.!?]\s*\((?:[A-Z][\w -]{1,30})\)$"
)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_TABLE_ROW = re.compile(r"^\|.*\|.*\|\s*$")
_INNER_STOP = re.compile(r"[a-z0-9][.!?][\"'”’]?\s+[A-Z“\"]")
_CONTINUATIONS = frozenset(
    (
        "a", "an", "the", "and", "or", "but", "while", "whether", "that", "which", "who", "whom",
        "whose", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "than", "if",
        "when", "because", "although", "though", "into", "about", "after", "before", "since",
        "until",
    )
)
_ONLY_DATE = re.compile(r"^[\w ,.:/|-]{6,60}$")
# Live-blog furniture: a bare clock time ("10.32am ET", "Updated at 3:45 pm GMT"), a bare number
# or year ("1998", "P13"), a speaker or section label ("Fiorina :", "Update:").
_CLOCK = re.compile(
    r"^(?:(?:updated|posted|published)\s+(?:at\s+)?)?\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*[A-Z]{2,4})?(?:\s+\w{3,9}\s+\d{1,2}(?:\s+\w+\s+\d{4})?)?$",
    re.I,
)
_BARE_NUMBER = re.compile(r"^\W*[A-Z]?\d{1,4}\W*$")
_LABEL = re.compile(r"^(?:[A-Z][\w.'-]*\s+){0,3}[A-Z][\w.'-]*\s*:$")
# A numbered teaser with no sentence end: "1. Cruz wins Iowa", "P13 The best of the week".
_NUMBERED = re.compile(r"^(?:\d{1,2}[.)]|P\d{1,3})\s+[A-Z\"“']")
# A corrections footer: "This article was amended on 3 May 2013 to correct ...".
_CORRECTION = re.compile(
    r"^(?:this|the|an earlier version of this) (?:article|story|post|piece|report|blog)\b.{0,40}?"
    r"\b(?:was|has been|is being) (?:amended|corrected|updated|changed|edited)\b"
)


def words(text: str) -> list[str]:
    return text.split()


def word_count(text: str) -> int:
    """Words in ``text``; for scripts written without spaces, two characters count as one."""
    if text.isascii():
        return len(text.split())
    return len(text.split()) + len(_CJK.findall(text)) // 2


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s'-]", " ", text.casefold()).split())


def is_terminal(text: str) -> bool:
    """True when ``text`` ends a sentence (full stop, question mark, ...)."""
    return bool(_TERMINAL.search(text[-48:]))


def _is_ui(key: str) -> bool:
    if not key:
        return True
    if key in _UI_PHRASES or _ALT_TEXT.match(key):
        return True
    tokens = key.replace("-", " ").split()
    return (
        len(tokens) <= 4
        and all(t in _UI_WORDS for t in tokens)
        and any(t not in _FILLER for t in tokens)
    )


def _relative_time(text: str) -> Line | None:
    m = _RELATIVE_TIME.match(text)
    if not m:
        return None
    prefix = _ICON_PREFIX.sub("", m["prefix"]).strip(" •·|-,")
    outlet = prefix if prefix and len(prefix.split()) <= 5 and prefix[:1].isupper() else None
    if prefix and not outlet:
        return None
    return Line(text, LineKind.META, outlet=outlet)


def _meta(text: str) -> Line | None:
    if len(text) > 120:
        return None
    if found := _relative_time(text):
        return found
    if m := _STAMP_LINE.match(text):
        rest = m[1]
        if not rest or parse_published(rest) or re.search(r"\d{1,2}:\d{2}", rest):
            return Line(text, LineKind.META, date=rest or None)
    if (m := _PAGE_STAMP.match(text)) and m.end() == len(text):
        return Line(text, LineKind.META, date=text)
    if m := _BULLET.match(text):
        inner = m[1].strip()
        if len(inner.split()) <= 6 and not is_terminal(inner):
            return Line(text, LineKind.META, outlet=inner)
    if m := _BYLINE.match(text):
        return Line(text, LineKind.META, byline=m[1])
    if _ONLY_DATE.match(text) and parse_published(text) and len(text.split()) <= 8:
        return Line(text, LineKind.META, date=text)
    return None


def unglue_stamps(text: str) -> str:
    """``text`` with a page's update stamp run into the line after it ("Page last updated at 07:39
    GMT, Wednesday, 27 January 2010 Mika, James Morrison and ...") put on a line of its own, where
    it is read as the date line it is."""
    lines: list[str] = []
    for line in text.split("\n"):
        m = _PAGE_STAMP.match(line)
        rest = line[m.end():].strip() if m else ""
        if m and rest[:1].isupper() or m and rest[:1] in "“\"'":
            lines.extend((line[: m.end()].strip(), rest))
        else:
            lines.append(line)
    return "\n".join(lines)


def classify(raw: str) -> Line:
    """The kind of one (normalised) line."""
    text = raw.strip()
    if not text:
        return Line(text, LineKind.BLANK, folded="")
    key = _key(text)
    kind = _kind(text, key)
    if isinstance(kind, Line):
        return kind
    return Line(text, kind, folded=key)


def _maybe_promo(key: str) -> bool:
    """A cheap test before the promotion patterns: one of their words is present."""
    return any(word in key for word in _PROMO_WORDS)


def _furniture(text: str, key: str, n: int) -> LineKind | Line | None:
    """Page furniture known by its shape: clock times, bare numbers, labels, numbered teasers,
    corrections footers."""
    if n <= 8 and _CLOCK.match(text):
        return Line(text, LineKind.META, date=text)
    if n <= 2 and _BARE_NUMBER.match(text):
        return LineKind.JUNK
    if n <= 5 and _LABEL.match(text):
        return LineKind.JUNK
    if n <= 15 and _NUMBERED.match(text) and not is_terminal(text):
        return LineKind.JUNK
    if n <= 60 and _CORRECTION.match(key):
        return LineKind.JUNK
    return None


def _kind(text: str, key: str) -> LineKind | Line:
    n = word_count(text)
    if _TABLE_ROW.match(text):
        return LineKind.PROSE  # a table row: content, never a headline
    if n <= 8:
        if _COMMENTS_HEADINGS.match(key):
            return LineKind.COMMENTS
        if _RELATED_HEADINGS.match(key):
            return LineKind.RELATED
        if n <= 6 and _is_ui(key):
            return LineKind.JUNK
    if n <= 24 and (meta := _meta(text)):
        return meta
    if furniture := _furniture(text, key, n):
        return furniture
    if n <= 40 and _maybe_promo(key) and _PROMO.search(key) and (n <= 12 or _SECOND_PERSON.search(key)):
        return LineKind.JUNK
    if n <= 40 and ":" in text and _CAPTION_CREDIT.search(text[-90:]):
        return LineKind.CAPTION
    if is_terminal(text) and (n >= 2 or text.endswith(".")):
        return LineKind.PROSE
    if n >= 25 or (n >= 6 and text.endswith((",", ";"))) or (n >= 8 and _INNER_STOP.search(text)):
        return LineKind.PROSE
    if n >= 8 and text.split()[-1] in _CONTINUATIONS:
        return LineKind.PROSE
    if n == 1 and not any(c.isalnum() for c in text):
        return LineKind.JUNK
    return LineKind.SHORT
