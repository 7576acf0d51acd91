"""Findings, comparisons and exports of draft versions, the way the workspace shows them.

Versions never change, so their findings are cached by content hash: a working group opening the same
version many times pays for the checks once.
"""

from __future__ import annotations

import tempfile
import threading
from collections import OrderedDict
from pathlib import Path

from pydantic import BaseModel

from assistant.checks.model import Finding
from assistant.compare.model import Comparison
from assistant.document.model import Document, Stage
from assistant.workspace.fixes import Fix, fix_for
from assistant.workspace.sections import parse_draft

CACHE_SIZE = 64


class FindingOut(BaseModel):
    index: int  # position in the version's finding list: what "apply fix" names
    finding: Finding
    fix: Fix | None = None


class FindingsCache:
    def __init__(self, size: int = CACHE_SIZE) -> None:
        self._items: OrderedDict[str, list[FindingOut]] = OrderedDict()
        self._lock = threading.Lock()
        self._computing: dict[str, threading.Lock] = {}
        self.size = size

    def get(self, sha256: str, content: str) -> list[FindingOut]:
        with self._lock:
            if sha256 in self._items:
                self._items.move_to_end(sha256)
                return self._items[sha256]
            # one computation per version: twenty reviewers opening a new version wait for one check run,
            # instead of twenty runs fighting for the same CPU
            gate = self._computing.setdefault(sha256, threading.Lock())
        with gate:
            with self._lock:
                if sha256 in self._items:
                    return self._items[sha256]
            found = findings_for(content)
            with self._lock:
                self._items[sha256] = found
                self._computing.pop(sha256, None)
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
        return found


def findings_for(content: str, document: Document | None = None) -> list[FindingOut]:
    from assistant.checks import run_checks

    document = document or parse_draft(content)
    return [FindingOut(index=i, finding=f, fix=fix_for(f, content)) for i, f in enumerate(run_checks(document))]


def compare_versions(left: Document, right: Document, left_label: str, right_label: str) -> Comparison:
    from assistant.compare.api import compare_documents

    return compare_documents(left, right, left_label=left_label, right_label=right_label)


def export_docx(document: Document, stage: Stage | None = None, against: Document | None = None) -> bytes:
    from assistant.export.docx_writer import write_docx
    from assistant.export.revisions import write_tracked_docx

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "draft.docx"
        if against is not None:
            write_tracked_docx(document, against, out, stage)
        else:
            write_docx(document, out, stage)
        return out.read_bytes()
