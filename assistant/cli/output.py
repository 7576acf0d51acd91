"""How the CLI speaks: JSON on stdout, one-line errors on stderr with exit code 2."""

from __future__ import annotations

import json
import sys
from typing import Any, NoReturn

import typer


def emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def fail(message: str, code: int = 2) -> NoReturn:
    typer.echo(f"stdraft: error: {message}", err=True)
    raise typer.Exit(code)
