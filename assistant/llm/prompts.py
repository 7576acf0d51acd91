"""Prompts live in prompts/*.md: YAML front matter (name, version, variables) and a body with {variables}."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel

PROMPTS_DIR = Path(__file__).resolve().parents[2] / "prompts"
_FRONT = re.compile(r"\A---\s*\n(.*?)\n---\s*\n(.*)\Z", re.S)


class Prompt(BaseModel):
    name: str
    version: str
    variables: list[str]
    system: str
    user: str

    def render(self, **values: str) -> tuple[str, str]:
        missing = set(self.variables) - set(values)
        extra = set(values) - set(self.variables)
        if missing or extra:
            raise KeyError(f"prompt {self.name}: missing {sorted(missing)}, unexpected {sorted(extra)}")
        return _fill(self.system, values), _fill(self.user, values)


def _fill(template: str, values: dict[str, str]) -> str:
    # {{name}} placeholders, so that JSON examples with single braces stay as they are
    return re.sub(r"\{\{(\w+)\}\}", lambda m: values[m.group(1)], template)


@lru_cache(maxsize=32)
def load_prompt(name: str, directory: Path = PROMPTS_DIR) -> Prompt:
    text = (directory / f"{name}.md").read_text(encoding="utf-8")
    m = _FRONT.match(text)
    if not m:
        raise ValueError(f"prompts/{name}.md has no front matter")
    meta = yaml.safe_load(m.group(1))
    system, _, user = m.group(2).partition("\n## user\n")
    system = system.replace("## system\n", "", 1).strip()
    return Prompt(name=meta["name"], version=str(meta["version"]), variables=list(meta.get("variables", [])),
                  system=system, user=user.strip())
