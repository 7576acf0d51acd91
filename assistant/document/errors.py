"""Errors a user can act on: they name the file (and clause or field) and the problem."""

from __future__ import annotations


class InputError(Exception):
    """Bad input: one line for the user, no traceback. ``problem`` is bilingual where it matters."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")
