"""The index's manifest: documents, their units and tokens, in SQLite (stdlib ``sqlite3``).

The manifest is the source of truth.  A unit is searchable only while its row is ``active`` here;
vectors and BM25 postings are derived data keyed by the row id.  Row ids come from AUTOINCREMENT
and are never reused, so a vector left behind by a crash can never be mistaken for a newer unit.

Replacing a document is two-phase: the new rows are written ``staged`` (invisible), the caller
stores their vectors, and ``activate`` swaps old for new in one transaction.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel

from retrieval.units import Language, Unit

SCHEMA_VERSION = "1"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY,
    designation TEXT NOT NULL,
    title TEXT NOT NULL,
    language TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    unit_count INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS units (
    row INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    language TEXT NOT NULL,
    kind TEXT NOT NULL,
    normative INTEGER,
    state TEXT NOT NULL CHECK (state IN ('staged', 'active')),
    tokens TEXT NOT NULL,
    payload TEXT NOT NULL
);
-- vectors whose units are gone but that the store has not confirmed deleting yet
CREATE TABLE IF NOT EXISTS orphans (row INTEGER PRIMARY KEY, language TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS units_doc ON units (doc_id, state);
CREATE INDEX IF NOT EXISTS units_lang ON units (language, state, row);
"""


class DocumentInfo(BaseModel):
    doc_id: str
    designation: str
    title: str
    unit_count: int
    content_hash: str
    language: Language
    updated_at: str


class UnitRow(BaseModel):
    """One active unit as the lexical index needs it (no payload: that is fetched for hits only)."""

    row: int
    doc_id: str
    kind: str
    normative: bool | None
    tokens: list[str]


def _normative_in(value: bool | None) -> int | None:
    return None if value is None else int(value)


def _normative_out(value: int | None) -> bool | None:
    return None if value is None else bool(value)


class Manifest:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        # One connection shared by the threads of a web server; the lock serialises its use.
        self._conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._lock = threading.RLock()
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.executescript(_SCHEMA)
        with self._tx():
            if self.get_meta("schema_version") is None:
                self.set_meta("schema_version", SCHEMA_VERSION)
                self.set_meta("index_id", uuid.uuid4().hex[:12])

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    # -- meta ---------------------------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        with self._lock:
            row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        with self._lock:
            self._conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    @property
    def index_id(self) -> str:
        value = self.get_meta("index_id")
        assert value is not None  # written at creation
        return value

    def version(self, language: Language) -> int:
        """Bumped on every change to ``language``'s active units; keys the persisted BM25 index."""
        return int(self.get_meta(f"version:{language}") or 0)

    def _bump(self, languages: Iterable[str]) -> None:
        for lang in languages:
            current = int(self.get_meta(f"version:{lang}") or 0)
            self.set_meta(f"version:{lang}", str(current + 1))

    # -- documents ----------------------------------------------------------------------------
    def mark_stale(self) -> None:
        """Forget every document's content hash, so that the next ``add_document`` of the same
        content re-indexes it instead of skipping it (the vectors' recipe changed)."""
        with self._tx() as conn:
            conn.execute("UPDATE documents SET content_hash = ''")

    def document(self, doc_id: str) -> DocumentInfo | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT doc_id, designation, title, unit_count, content_hash, language, updated_at "
                "FROM documents WHERE doc_id = ?",
                (doc_id,),
            ).fetchone()
        return None if row is None else self._doc(row)

    def documents(self) -> list[DocumentInfo]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT doc_id, designation, title, unit_count, content_hash, language, updated_at "
                "FROM documents ORDER BY doc_id"
            ).fetchall()
        return [self._doc(r) for r in rows]

    @staticmethod
    def _doc(row: Sequence[object]) -> DocumentInfo:
        keys = ("doc_id", "designation", "title", "unit_count", "content_hash", "language", "updated_at")
        return DocumentInfo.model_validate(dict(zip(keys, row, strict=True)))

    def active_count(self, language: Language | None = None) -> int:
        sql = "SELECT COUNT(*) FROM units WHERE state = 'active'"
        args: tuple[str, ...] = ()
        if language is not None:
            sql += " AND language = ?"
            args = (language,)
        with self._lock:
            return int(self._conn.execute(sql, args).fetchone()[0])

    # -- units: two-phase replace -------------------------------------------------------------
    def stage(self, doc_id: str, units: Sequence[Unit], tokens: Sequence[list[str]]) -> list[int]:
        """Write ``units`` as invisible rows; returns their row ids in order."""
        rows: list[int] = []
        with self._tx() as conn:
            for unit, toks in zip(units, tokens, strict=True):
                cur = conn.execute(
                    "INSERT INTO units (doc_id, unit_id, language, kind, normative, state, tokens, payload) "
                    "VALUES (?, ?, ?, ?, ?, 'staged', ?, ?)",
                    (
                        doc_id,
                        unit.id,
                        unit.language,
                        unit.kind,
                        _normative_in(unit.normative),
                        json.dumps(toks, ensure_ascii=False),
                        unit.model_dump_json(),
                    ),
                )
                assert cur.lastrowid is not None
                rows.append(int(cur.lastrowid))
        return rows

    def activate(self, info: DocumentInfo, staged: Sequence[int]) -> list[tuple[int, Language]]:
        """Atomically make ``staged`` the document's units; returns the replaced (row, language)s."""
        with self._tx() as conn:
            old = self._rows_of(conn, info.doc_id, "active")
            conn.execute("DELETE FROM units WHERE doc_id = ? AND state = 'active'", (info.doc_id,))
            conn.executemany("UPDATE units SET state = 'active' WHERE row = ?", [(r,) for r in staged])
            conn.execute(
                "INSERT OR REPLACE INTO documents "
                "(doc_id, designation, title, language, content_hash, unit_count, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    info.doc_id,
                    info.designation,
                    info.title,
                    info.language,
                    info.content_hash,
                    info.unit_count,
                    info.updated_at,
                ),
            )
            langs = {lang for _, lang in old}
            langs.update(
                r[0]
                for r in conn.execute("SELECT DISTINCT language FROM units WHERE doc_id = ?", (info.doc_id,))
            )
            self._bump(langs)
            self._orphan(conn, old)
        return old

    def discard(self, rows: Sequence[tuple[int, Language]]) -> None:
        """Drop staged rows that will never be activated; their vectors become orphans."""
        with self._tx() as conn:
            conn.executemany("DELETE FROM units WHERE row = ? AND state = 'staged'", [(r,) for r, _ in rows])
            self._orphan(conn, rows)

    def discard_leftovers(self) -> None:
        """Rows staged by a process that died before activating them."""
        with self._lock:
            rows = [
                (int(r), lang)
                for r, lang in self._conn.execute("SELECT row, language FROM units WHERE state = 'staged'")
            ]
        if rows:
            self.discard(rows)

    @staticmethod
    def _orphan(conn: sqlite3.Connection, rows: Sequence[tuple[int, Language]]) -> None:
        conn.executemany("INSERT OR REPLACE INTO orphans (row, language) VALUES (?, ?)", rows)

    def orphans(self) -> list[tuple[int, Language]]:
        with self._lock:
            return [(int(r), lang) for r, lang in self._conn.execute("SELECT row, language FROM orphans")]

    def forget_orphans(self, rows: Sequence[int]) -> None:
        with self._tx() as conn:
            conn.executemany("DELETE FROM orphans WHERE row = ?", [(r,) for r in rows])

    def remove(self, doc_id: str) -> list[tuple[int, Language]] | None:
        """Delete a document; returns its former (row, language)s, or None if it was not there."""
        with self._tx() as conn:
            if conn.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone() is None:
                return None
            old = self._rows_of(conn, doc_id, "active")
            conn.execute("DELETE FROM units WHERE doc_id = ? AND state = 'active'", (doc_id,))
            conn.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))
            self._bump({lang for _, lang in old})
            self._orphan(conn, old)
        return old

    @staticmethod
    def _rows_of(conn: sqlite3.Connection, doc_id: str, state: str) -> list[tuple[int, Language]]:
        return [
            (int(r), lang)
            for r, lang in conn.execute(
                "SELECT row, language FROM units WHERE doc_id = ? AND state = ?", (doc_id, state)
            )
        ]

    # -- reads for the indexes ----------------------------------------------------------------
    def active_rows(self, language: Language) -> list[UnitRow]:
        with self._lock:
            cur = self._conn.execute(
                "SELECT row, doc_id, kind, normative, tokens FROM units "
                "WHERE state = 'active' AND language = ? ORDER BY row",
                (language,),
            )
            return [
                UnitRow(row=r, doc_id=d, kind=k, normative=_normative_out(n), tokens=json.loads(t))
                for r, d, k, n, t in cur
            ]

    def units(self, rows: Sequence[int]) -> dict[int, Unit]:
        """Active units by row id; rows that are not active (any more) are simply absent."""
        out: dict[int, Unit] = {}
        with self._lock:
            for start in range(0, len(rows), 500):
                chunk = list(rows[start : start + 500])
                marks = ",".join("?" * len(chunk))
                for r, payload in self._conn.execute(
                    f"SELECT row, payload FROM units WHERE state = 'active' AND row IN ({marks})", chunk
                ):
                    out[int(r)] = Unit.model_validate_json(payload)
        return out

    def retokenize(self, tokenize: Callable[[Unit], list[str]]) -> None:
        """Recompute stored tokens (after the tokenizer or its user words changed)."""
        with self._lock:
            rows = self._conn.execute("SELECT row, payload FROM units").fetchall()
        updates = [
            (json.dumps(tokenize(Unit.model_validate_json(p)), ensure_ascii=False), int(r)) for r, p in rows
        ]
        with self._tx() as conn:
            conn.executemany("UPDATE units SET tokens = ? WHERE row = ?", updates)
            self._bump({"zh", "en"})


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
