"""Corpus uploads: files saved under the data directory, then ingested by a background worker whose
progress (files done of total, per-file outcome) is kept in the database for the progress bar."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from sqlalchemy.orm import Session, sessionmaker

from assistant.store.models import IngestJob
from assistant.workspace.errors import NotFound


class JobOut(BaseModel):
    id: int
    status: str
    total: int
    done: int
    files: list[dict[str, Any]]
    error: str


def safe_name(name: str) -> str:
    """A file name that cannot climb out of the upload folder or clash with the system's names."""
    base = Path(name.replace("\\", "/")).name
    base = re.sub(r"[^\w.\-\u3000-\u9fff（）()—]+", "_", base).lstrip(".")
    return base[:150] or "upload"


class Jobs:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self.sessions = sessions

    def create(self, author: str, names: list[str]) -> int:
        with self.sessions.begin() as s:
            job = IngestJob(status="queued", total=len(names), done=0, author=author,
                            files=[{"name": n, "status": "queued"} for n in names], error="")
            s.add(job)
            s.flush()
            return job.id

    def get(self, job_id: int) -> JobOut:
        with self.sessions() as s:
            job = s.get(IngestJob, job_id)
            if job is None:
                raise NotFound(f"任务{job_id}不存在", f"no job {job_id}", field="job_id")
            return JobOut(id=job.id, status=job.status, total=job.total, done=job.done, files=list(job.files),
                          error=job.error)

    def _update(self, job_id: int, **values: Any) -> None:
        with self.sessions.begin() as s:
            job = s.get(IngestJob, job_id)
            if job is not None:
                for key, value in values.items():
                    setattr(job, key, value)

    def run(self, job_id: int, paths: list[Path], ingest_one: Callable[[Path], dict[str, Any]]) -> threading.Thread:
        """Ingest in a background thread; each file's outcome is recorded as soon as it is known."""

        def work() -> None:
            files: list[dict[str, Any]] = [{"name": p.name, "status": "queued"} for p in paths]
            self._update(job_id, status="running")
            try:
                for i, path in enumerate(paths):
                    files[i] = {"name": path.name, **ingest_one(path)}
                    self._update(job_id, done=i + 1, files=list(files))
                self._update(job_id, status="done")
            except Exception as exc:  # the job must end in a state the user can see, whatever happened
                self._update(job_id, status="failed", error=f"{type(exc).__name__}: {exc}")

        thread = threading.Thread(target=work, name=f"ingest-{job_id}", daemon=True)
        thread.start()
        return thread
