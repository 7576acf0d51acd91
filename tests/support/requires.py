"""Missing tools or data: skip on a developer's machine, fail in CI (where `make test` installs them)."""

from __future__ import annotations

import os
from typing import NoReturn

import pytest


def missing(message: str) -> NoReturn:
    if os.environ.get("CI"):
        pytest.fail(f"{message} — CI must not pass by skipping")
    pytest.skip(message)
