"""Publication dates as written in metadata: ISO 8601, RFC 822 (feeds), "June 23, 2019"."""

from __future__ import annotations

import re
from datetime import date
from email.utils import parsedate_to_datetime

from ..types import MONTHS, DateValue

__all__ = ["parse_published"]

_CLOCK_ZONE = re.compile(r"\d{2}:\d{2}(?::\d{2})?\s*(?:[+-]\d{4}|GMT|UT|Z)")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]|$)")
_ISO_SLASH = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b")
_ISO_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T|$)")
_MONTH_ONLY = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR_ONLY = re.compile(r"^(\d{4})$")
_MDY = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")


def _day(y: int, m: int, d: int) -> DateValue | None:
    try:
        day = date(y, m, d)
    except ValueError:
        return None
    if not 1800 <= day.year <= 2200:
        return None
    return DateValue.of_day(day)


def parse_published(value: object) -> DateValue | None:
    """A day (or month/year) from a metadata date string; None when it is not a date."""
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    for pattern in (_ISO, _ISO_SLASH, _ISO_COMPACT):
        if m := pattern.match(text):
            return _day(int(m[1]), int(m[2]), int(m[3]))
    if _MONTH_ONLY.match(text) or _YEAR_ONLY.match(text):
        try:
            return DateValue.parse(text)
        except ValueError:
            return None
    if re.match(r"^[A-Za-z]{3},?\s+\d", text) or _CLOCK_ZONE.search(text):
        try:
            stamp = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            stamp = None
        if stamp is not None:
            return _day(stamp.year, stamp.month, stamp.day)
    if m := _MDY.search(text):
        month = MONTHS.get(m[1].lower())
        if month:
            return _day(int(m[3]), month, int(m[2]))
    if m := _DMY.search(text):
        month = MONTHS.get(m[2].lower())
        if month:
            return _day(int(m[3]), month, int(m[1]))
    return None
