"""Render exported .docx files as LibreOffice prints them: PDF, then PNGs of the pages people look at.

`make render` runs `python -m assistant.export.render`: every sample in corpus/standards is
exported, converted in one soffice run, and the cover, the 目次 and the first body pages are
written as PNGs to build/render/. Tests use the same functions to assert on the rendered PDF.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FONTS_CONF = ROOT / "templates" / "fontconfig" / "fonts.conf"
TOOLS = ("soffice", "pdftoppm", "pdftotext", "pdffonts")


class RenderError(RuntimeError):
    pass


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def render_env() -> dict[str, str]:
    """The environment for soffice: our fontconfig file maps SimSun/SimHei to the Noto CJK faces."""
    env = dict(os.environ)
    if FONTS_CONF.is_file():
        env["FONTCONFIG_FILE"] = str(FONTS_CONF)
    return env


def to_pdf(files: list[Path], outdir: Path, profile: Path | None = None, timeout: float = 300) -> list[Path]:
    """Convert .docx files to PDF in one soffice process (start-up costs more than a conversion).

    A private user profile keeps parallel runs (pytest-xdist, a desktop LibreOffice) from locking
    each other out.
    """
    if shutil.which("soffice") is None:
        raise RenderError("soffice not found: install libreoffice-writer-nogui (make render-deps)")
    outdir.mkdir(parents=True, exist_ok=True)
    own_profile = profile is None
    profile_dir = Path(tempfile.mkdtemp(prefix="lo-profile-")) if profile is None else profile
    try:
        cmd = ["soffice", f"-env:UserInstallation={profile_dir.resolve().as_uri()}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(outdir), *map(str, files)]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=render_env(), check=False)
    finally:
        if own_profile:
            shutil.rmtree(profile_dir, ignore_errors=True)
    pdfs = [outdir / (f.stem + ".pdf") for f in files]
    missing = [p.name for p in pdfs if not p.is_file()]
    if done.returncode != 0 or missing:
        raise RenderError(f"soffice failed ({done.returncode}), missing {missing}: {done.stderr.strip()[-500:]}")
    return pdfs


def page_texts(pdf: Path) -> list[str]:
    """Text of each page as pdftotext lays it out (form feed separates pages)."""
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    pages = out.stdout.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def printed_page_numbers(pdf: Path) -> list[str]:
    """The page number printed in each page's footer: its last non-empty line, when it is a number."""
    numbers = []
    for text in page_texts(pdf):
        lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
        last = lines[-1] if lines else ""
        numbers.append(last if re.fullmatch(r"\d+|[IVXLC]+", last) else "")
    return numbers


def to_png(pdf: Path, outdir: Path, pages: list[int], dpi: int = 80) -> list[Path]:
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    for page in pages:
        stem = outdir / f"{pdf.stem}-p{page:02d}"
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile", "-f", str(page), "-l", str(page),
                        str(pdf), str(stem)], check=True, capture_output=True)
        written.append(Path(f"{stem}.png"))  # not with_suffix: ".en" in a stem is not a suffix
    return written


def pages_to_show(pdf: Path) -> list[int]:
    """Cover, first front-matter page (目次), and the first two body pages (printed "1" and "2")."""
    numbers = printed_page_numbers(pdf)
    pages = [1, 2] if len(numbers) > 1 else [1]
    if "1" in numbers:
        first_body = numbers.index("1") + 1
        pages += [p for p in (first_body, first_body + 1) if p <= len(numbers)]
    return sorted(set(pages))


def main(argv: list[str] | None = None) -> int:
    from assistant.document.loader import load_document
    from assistant.export.docx_writer import write_docx

    parser = argparse.ArgumentParser(description="Export samples and render cover and body pages as PNG")
    parser.add_argument("files", nargs="*", type=Path, help="documents (default: corpus/standards/*.md)")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "render")
    parser.add_argument("--dpi", type=int, default=80)
    args = parser.parse_args(argv)
    if missing := missing_tools():
        parser.error(f"missing {', '.join(missing)}: run `make render-deps` (Debian packages "
                     "libreoffice-writer-nogui fonts-noto-cjk poppler-utils)")
    files = args.files or sorted(p for p in (ROOT / "corpus" / "standards").glob("*.md") if p.name != "README.md")
    docx_dir = args.out / "docx"
    docx_dir.mkdir(parents=True, exist_ok=True)
    exported = [write_docx(load_document(f), docx_dir / (f.stem + ".docx")) for f in files]
    pdfs = to_pdf(exported, args.out / "pdf")
    for pdf in pdfs:
        for png in to_png(pdf, args.out / "png", pages_to_show(pdf), args.dpi):
            print(png)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
