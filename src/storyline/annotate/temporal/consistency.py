"""A past-tense clause does not report a date after its article's publication.

Month names, weekdays, seasons and holidays without a year are resolved from the
DCT and the verb's tense; when that still puts a past event after the DCT (a
weekday in "said on Saturday night" with a parse that missed the tense), the value
moves back one cycle of its own calendar unit. Only bare names are moved: "next
week", "this September" or "Monday, Oct. 26" say their own direction.
"""

from __future__ import annotations

from datetime import date

from ...types import DateValue
from .dates import shift_value
from .tense import Tense

__all__ = ["past_consistent"]

#: rule -> the unit a value of that rule repeats with
_CYCLE = {
    "month": "year",
    "month_day": "year",
    "day_month": "year",
    "season": "year",
    "holiday": "year",
    "weekday": "week",
    "clock": "day",
    "noon": "day",
}
_PAST = frozenset({Tense.PAST})  # not PLUPERFECT: "had been set to expire Nov. 6" is a plan


def _start(value: str) -> date | None:
    try:
        return DateValue.parse(value[:10] if "T" in value else value).start
    except ValueError:
        return None


def past_consistent(rule: str, value: str, tense: Tense, dct: date | None) -> str:
    """``value`` moved back before ``dct`` when a past-tense clause put it after."""
    if dct is None or tense not in _PAST:
        return value
    start = _start(value)
    if start is None or start <= dct:
        return value
    unit = _CYCLE.get(rule)
    if unit is None:
        return value
    moved = shift_value(value[:10], unit, -1) if "T" in value else shift_value(value, unit, -1)
    if moved is None:
        return value
    return moved + value[10:] if "T" in value else moved
