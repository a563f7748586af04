"""Dates as Vietnamese readers write them."""
from __future__ import annotations

import datetime as dt
import re

_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def parse_dmy(value: str) -> dt.date:
    """Parse 'dd/mm/yyyy'; ValueError if malformed or not a real day."""
    match = _DMY.match(value.strip())
    if not match:
        raise ValueError("format")
    day, month, year = (int(g) for g in match.groups())
    return dt.date(year, month, day)  # raises ValueError for 30/02


def format_dmy(day: dt.date) -> str:
    """dd/mm/yyyy, zero-padded: the site's display format."""
    return day.strftime("%d/%m/%Y")


def format_admin(day: dt.date) -> str:
    """The style of Vietnamese official documents (Nghị định 30/2020/NĐ-CP):
    a day below 10 and the months 1 and 2 take a leading zero, e.g. 22/9/2021,
    14/01/2022. Used in citations so they read as the documents cite each other.
    """
    dd = f"{day.day:02d}"
    mm = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{dd}/{mm}/{day.year}"


def iso_to_dmy(value: object) -> str:
    """A blog post's 'date' (YYYY-MM-DD, or a mapping with 'created') shown dd/mm/yyyy."""
    if isinstance(value, dict):
        value = value.get("created")
    text = str(value or "")[:10]
    try:
        return format_dmy(dt.date.fromisoformat(text))
    except ValueError:
        return ""
