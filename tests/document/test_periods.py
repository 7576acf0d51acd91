"""Periods in days, in either language, counts in words included."""

from __future__ import annotations

import pytest

from assistant.document.numerals import english_arabic
from assistant.document.periods import period


@pytest.mark.parametrize(("text", "days"), [
    ("每年至少进行一次检测评估", 365.0),
    ("每两年评审一次", 730.0),
    ("每12个月评审一次", 365.0),
    ("at least once every two years", 730.0),
    ("every 6 months", 182.5),
    ("reviewed annually", 365.0),
    ("应定期评审", None),
    ("within 30 days", None),  # a time limit, not how often
])
def test_period(text: str, days: float | None) -> None:
    assert period(text) == days


def test_english_counts_in_words() -> None:
    assert english_arabic("Two of the twelve checks, every three years") == "2 of the 12 checks, every 3 years"
    assert english_arabic("one-off, two-thirds, someone") == "one-off, two-thirds, someone"
