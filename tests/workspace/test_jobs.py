"""Upload jobs: safe file names, and progress that ends in a state the user can see."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.settings import Settings
from assistant.store.session import session_factory
from assistant.workspace.errors import NotFound
from assistant.workspace.jobs import Jobs, safe_name


@pytest.mark.parametrize(("name", "safe"), [
    ("../../etc/passwd.md", "passwd.md"),
    ("..\\..\\win.ini.txt", "win.ini.txt"),
    (".hidden.md", "hidden.md"),
    ("GB T 1.1—2020 标准化工作导则.pdf", "GB_T_1.1—2020_标准化工作导则.pdf"),
    ("", "upload"),
    ("/", "upload"),
])
def test_safe_name(name: str, safe: str) -> None:
    assert safe_name(name) == safe


def test_job_records_each_file_and_ends_failed_on_error(tmp_path: Path) -> None:
    jobs = Jobs(session_factory(Settings(data_dir=tmp_path / "data")))
    paths = [tmp_path / "a.md", tmp_path / "b.md", tmp_path / "c.md"]

    def ingest(path: Path) -> dict[str, object]:
        if path.name == "c.md":
            raise RuntimeError("index unavailable")
        return {"status": "ingested", "units": 3}

    job = jobs.create("ed", [p.name for p in paths])
    assert jobs.get(job).status == "queued" and jobs.get(job).total == 3
    jobs.run(job, paths, ingest).join(30)
    done = jobs.get(job)
    assert done.status == "failed" and done.done == 2 and "index unavailable" in done.error
    assert [f["status"] for f in done.files] == ["ingested", "ingested", "queued"]
    ok = jobs.create("ed", ["a.md"])
    jobs.run(ok, paths[:1], ingest).join(30)
    assert jobs.get(ok).status == "done" and jobs.get(ok).done == 1
    with pytest.raises(NotFound):
        jobs.get(999)
