"""A page in Debian's Chromium driven by Playwright (its own browser download cannot work offline)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
# without the background-networking flags Chromium keeps dialling hosts this machine cannot reach
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--no-first-run"]


@contextmanager
def chromium_page(width: int = 1280, height: int = 900) -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        message = "chromium is not installed (make test installs it: apt-get install -y chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)  # CI must not pass by skipping the browser tests
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            yield browser.new_page(viewport={"width": width, "height": height})
        finally:
            browser.close()
