"""Reports: the HTML page renders in Chromium (screenshot kept as a test artefact), the .docx opens."""

from __future__ import annotations

import shutil
from pathlib import Path

from assistant.compare import compare_documents
from assistant.compare.report_docx import write_docx
from assistant.compare.report_html import render_html
from tests.compare.conftest import base, base_chapters, doc, render
from tests.support.browser import chromium_page
from tests.support.requires import missing

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


def _result() -> object:
    chapters = base_chapters()
    chapters[0][2][0] = ("4.1", "日志记录", "系统宜记录全部管理员操作日志，日志至少保存12个月。")
    chapters[1][2].append(("5.4", "异地备份", "重要数据应每日进行异地备份。"))
    return compare_documents(base(), doc(render(chapters)))


def test_html_is_self_contained() -> None:
    page = render_html(_result())  # type: ignore[arg-type]
    assert "<script" not in page and "http://" not in page and "https://" not in page
    assert "<del>应</del>" in page and "<ins>宜</ins>" in page
    assert "技术性修改" in page and "technical" in page and "汇总 Summary" in page


def test_docx_opens_with_python_docx(tmp_path: Path) -> None:
    import docx

    path = write_docx(_result(), tmp_path / "report.docx")  # type: ignore[arg-type]
    opened = docx.Document(str(path))
    assert len(opened.tables) == 2
    comparison = opened.tables[1]
    assert comparison.rows[0].cells[0].text == "左章条"
    keys = {row.cells[2].text for row in comparison.rows[1:]}
    assert {"4.1", "5.4"} <= keys
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copy(path, ARTIFACTS / "compare-report.docx")


def test_html_in_chromium(tmp_path: Path) -> None:
    page_path = tmp_path / "report.html"
    page_path.write_text(render_html(_result()), encoding="utf-8")  # type: ignore[arg-type]
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "compare-report.png"
    with chromium_page() as page:
        page.goto(page_path.as_uri())
        assert page.locator("table.pairs tr").count() >= 10
        assert page.locator("ins").count() >= 1 and page.locator("del").count() >= 1
        page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 5000


def test_docx_opens_in_libreoffice(tmp_path: Path) -> None:
    import subprocess

    soffice = shutil.which("soffice")
    if soffice is None:
        missing("LibreOffice not installed; `make sysdeps` installs it")
    path = write_docx(_result(), tmp_path / "report.docx")  # type: ignore[arg-type]
    profile = (tmp_path / "lo-profile").as_uri()  # a private profile: concurrent LibreOffice runs do not clash
    done = subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                           "--outdir", str(tmp_path), str(path)], capture_output=True, timeout=120, check=False)
    pdf = tmp_path / "report.pdf"
    assert done.returncode == 0 and pdf.exists(), done.stderr.decode(errors="replace")
    assert pdf.read_bytes().startswith(b"%PDF")
