"""Messy real-world layouts (tests/document/messy/, labelled by hand) parse to the right outline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.document.loader import load_document
from assistant.document.model import outline

MESSY = Path(__file__).parent / "messy"
CASES = sorted(p for p in MESSY.iterdir() if p.suffix in (".md", ".txt") and p.name != "README.md")


def _simple(items: list[dict[str, object]]) -> list[dict[str, object]]:
    keep = ("number", "title", "kind", "level", "normative")
    return [{k: item[k] for k in keep if item.get(k) is not None} for item in items]


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 16


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_messy_layout_outline(case: Path) -> None:
    expected = json.loads(case.with_name(case.name.rsplit(".", 1)[0] + ".outline.json").read_text("utf-8"))
    got = [item.model_dump(mode="json", exclude_none=True) for item in outline(load_document(case))]
    assert _simple(got) == _simple(expected)
