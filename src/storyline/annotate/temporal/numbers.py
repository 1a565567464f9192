"""Numbers in temporal expressions ("two", "twenty-five", "5 1/2", "several") and
TIMEX3 duration values built from them."""

from __future__ import annotations

import re

from .lexicon import NUMBER_WORDS, TIME_UNITS, UNITS, VAGUE_NUMBERS

_SPACE = re.compile(r"[\s-]+")


def parse_number(text: str) -> float | None:
    """The number ``text`` denotes, or None when it is vague ("several", "a few")."""
    t = _SPACE.sub(" ", text.lower().strip())
    if t in VAGUE_NUMBERS:
        return None
    if t in NUMBER_WORDS:
        return NUMBER_WORDS[t]
    if m := re.fullmatch(r"(\d+(?:[.,]\d+)?)(?: 1/2)?", t):
        base = (
            float(m[1].replace(",", ""))
            if "," not in m[1] or len(m[1].split(",")[1]) == 3
            else float(m[1].replace(",", "."))
        )
        return base + (0.5 if t.endswith("1/2") else 0.0)
    total = 0.0
    half = t.endswith(" and a half")
    if half:
        t = t[: -len(" and a half")]
    for word in t.split(" "):
        if word not in NUMBER_WORDS:
            return None
        n = NUMBER_WORDS[word]
        total = total * n if n == 100 and total else total + n
    return total + (0.5 if half else 0.0)


def unit_key(unit: str) -> str:
    """Singular unit word: "centuries" -> "century", "Days" -> "day"."""
    u = unit.lower()
    if u == "centuries":
        return "century"
    return u[:-1] if u.endswith("s") and u[:-1] in UNITS else u


def _fmt(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def duration_value(number: float | None, unit: str) -> str:
    """TIMEX3 duration: ``P2D``, ``PT5H``, ``P20Y`` (two decades), ``PXY``."""
    key = unit_key(unit)
    letter = UNITS[key]
    if key == "decade":
        number, letter = (None if number is None else number * 10), "Y"
    elif key == "century":
        number, letter = (None if number is None else number * 100), "Y"
    elif key == "weekend":
        letter = "WE"
    elif key == "fortnight":
        number, letter = (None if number is None else number * 2), "W"
    n = "X" if number is None else _fmt(number)
    if number is not None and number != int(number):
        # fractional units: whole part plus the rest in the next smaller unit ("PT5H30M")
        whole, rest = int(number), number - int(number)
        smaller = {"H": ("M", 60, "PT", "H"), "D": ("H", 24, "PT", "D"), "Y": ("M", 12, "P", "Y")}.get(letter)
        if smaller is not None:
            small, factor, prefix, big = smaller
            head = f"{whole}{big}" if whole else ""
            if prefix == "PT" and big == "D":
                return f"P{head}T{_fmt(rest * factor)}{small}" if whole else f"PT{_fmt(rest * factor)}{small}"
            return f"{prefix}{head}{_fmt(rest * factor)}{small}"
    prefix = "PT" if key in TIME_UNITS else "P"
    return f"{prefix}{n}{letter}"
