"""The stdraft command. Commands live in one module per area; this file only wires them."""

from __future__ import annotations

import sys

import typer

import assistant.cli.chat_cmds as chat_cmds
import assistant.cli.check_cmds as check_cmds
import assistant.cli.compare_cmds as compare_cmds
import assistant.cli.export_cmds as export_cmds
import assistant.cli.related_cmds as related_cmds
import assistant.cli.term_cmds as term_cmds
from assistant.cli import corpus_cmds, doctor_cmds, document_cmds, requirements_cmds, serve_cmds, user_cmds
from assistant.document.errors import InputError
from retrieval.errors import RetrievalError

app = typer.Typer(
    name="stdraft",
    help="Drafting assistant for GB/T, GB/Z and ISO/IEC standards / 标准起草助手",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
document_cmds.register(app)
corpus_cmds.register(app)
requirements_cmds.register(app)
serve_cmds.register(app)
doctor_cmds.register(app)
check_cmds.register(app)
compare_cmds.register(app)
export_cmds.register(app)
term_cmds.register(app)
chat_cmds.register(app)
related_cmds.register(app)
user_cmds.register(app)


def main(argv: list[str] | None = None) -> None:
    try:
        app(args=argv, standalone_mode=True)
    except RetrievalError as exc:  # an empty index, an unreachable Chroma server: say so, no traceback
        sys.stderr.write(f"stdraft: error: {exc}\n")
        sys.exit(2)
    except InputError as exc:
        # raised outside click's context, so report it here rather than through typer.Exit
        sys.stderr.write(f"stdraft: error: {exc}\n")
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
