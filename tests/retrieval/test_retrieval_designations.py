from __future__ import annotations

import pytest

from retrieval.designations import find_designations, normalize_designation


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("GB/T 18487.1—2023", "GB/T 18487.1—2023"),
        ("GB/T 1.1-2020", "GB/T 1.1—2020"),  # Chinese year after a hyphen
        ("ISO/IEC 22989:2022", "ISO/IEC 22989:2022"),
        ("IEC 61508-3:2010", "IEC 61508-3:2010"),  # ISO-style part number, not a year
        ("ISO/IEC TR 24028:2020", "ISO/IEC TR 24028:2020"),
        ("T/CESA 1036—2019", "T/CESA 1036—2019"),
        ("YD/T 1234-2015", "YD/T 1234—2015"),
        ("GB 4943.1", "GB 4943.1"),
    ],
)
def test_normalize(raw: str, canonical: str) -> None:
    assert normalize_designation(raw) == canonical


def test_spans_and_no_false_positives() -> None:
    text = "按GB/T 41867—2022和ISO/IEC 22989的规定。The GB standard of 2020 is not a designation."
    found = list(find_designations(text))
    assert [d.canonical for d in found] == ["GB/T 41867—2022", "ISO/IEC 22989"]
    assert text[found[0].span[0] : found[0].span[1]] == "GB/T 41867—2022"
