"""The rule catalogue and the runner.

Rules register themselves with ``@rule(...)`` when their module is imported. Later issues add their
own rules the same way from their own packages; ``run_checks`` runs whatever is registered, so the
catalogue grows without this module changing.
"""

from __future__ import annotations

import importlib
import traceback
from collections.abc import Callable, Iterable, Sequence

from assistant.checks.context import CheckContext
from assistant.checks.model import ALL_STRUCTURES, GB_STRUCTURE, Finding, Hit, RuleFunc, RuleInfo, Severity
from assistant.document.model import Document, Structure

_RULES: dict[str, RuleInfo] = {}

# the modules of this rules; imported on first use so that importing the package stays cheap
BUILTIN_MODULES = (
    "structure",
    "cover",
    "foreword",
    "numbering",
    "xrefs",
    "annexes",
    "verbal",
    "terms_form",
    "references",
    "notes",
)
# Rules other packages contribute to the same catalogue (requirement analysis, term conflicts). They are
# listed here, not discovered, so that `stdraft check` and every evaluation run the same set.
PLUGIN_MODULES = ("assistant.requirements.rules", "assistant.terms.rules")
_loaded = False

SYS_RULE_ID = "SYS-001"


def register(info: RuleInfo, *, replace: bool = False) -> RuleInfo:
    """Add a rule to the catalogue. Ids are stable and unique; re-registering one is a programming error."""
    if info.id in _RULES and not replace and _RULES[info.id].func is not info.func:
        raise ValueError(f"rule {info.id} is already registered")
    _RULES[info.id] = info
    return info


def unregister(rule_id: str) -> None:
    _RULES.pop(rule_id, None)


def rule(
    rule_id: str,
    *,
    severity: Severity | str,
    title_zh: str,
    title_en: str,
    source: str,
    rationale: str,
    applies_to: Iterable[Structure] = GB_STRUCTURE,
    languages: Iterable[str] = ("zh", "en"),
    when: Callable[[CheckContext], bool] | None = None,
) -> Callable[[RuleFunc], RuleFunc]:
    """Register the decorated function ``f(ctx) -> Iterable[Hit]`` as rule ``rule_id``."""

    def decorate(func: RuleFunc) -> RuleFunc:
        module = getattr(func, "__module__", "") or ""
        register(
            RuleInfo(
                id=rule_id,
                severity=Severity(severity),
                title_zh=title_zh,
                title_en=title_en,
                source=source,
                rationale=rationale,
                func=func,
                applies_to=frozenset(applies_to),
                languages=frozenset(languages),
                when=when,
                area=module.rsplit(".", 1)[-1],
            )
        )
        return func

    return decorate


def register_family(
    specs: Iterable[tuple[str, Severity, str, str, str]],
    hits: Callable[[CheckContext, str], Iterable[Hit]],
    *,
    source: str,
    applies_to: Iterable[Structure] = GB_STRUCTURE,
) -> None:
    """Register rules (id, severity, title_zh, title_en, rationale) whose findings come from one analysis
    of the document: ``hits(ctx, rule_id)`` picks that rule's share (the REQ and TRM-1xx families)."""
    for rule_id, severity, title_zh, title_en, rationale in specs:

        def check(ctx: CheckContext, rule_id: str = rule_id) -> Iterable[Hit]:
            return hits(ctx, rule_id)

        check.__name__ = f"check_{rule_id.replace('-', '_').lower()}"
        rule(rule_id, severity=severity, title_zh=title_zh, title_en=title_en, source=source,
             rationale=rationale, applies_to=applies_to)(check)


def load_builtin_rules() -> None:
    global _loaded
    if _loaded:
        return
    for name in BUILTIN_MODULES:
        importlib.import_module(f"assistant.checks.{name}")
    for module in PLUGIN_MODULES:
        importlib.import_module(module)
    _loaded = True


def all_rules() -> list[RuleInfo]:
    """Every registered rule, in id order (SYS-001 included)."""
    load_builtin_rules()
    return sorted(_RULES.values(), key=lambda r: _id_key(r.id))


def get_rule(rule_id: str) -> RuleInfo:
    load_builtin_rules()
    return _RULES[rule_id]


def _id_key(rule_id: str) -> tuple[str, int, str]:
    prefix, _, number = rule_id.partition("-")
    return (prefix, int(number) if number.isdigit() else 0, rule_id)


def clear_caches() -> None:
    """Forget the per-text scans shared between rules (for honest benchmarks and long-running servers)."""
    from assistant.checks.text import _find_designations
    from assistant.checks.xrefs import _find_references

    _find_designations.cache_clear()
    _find_references.cache_clear()


def _matches(rule_id: str, wanted: str) -> bool:
    # "VF-001" selects one rule, "VF" a family, "VF-00" a prefix of ids
    if rule_id == wanted:
        return True
    return rule_id.startswith(wanted if "-" in wanted else wanted + "-")


def _selected(rules: Sequence[RuleInfo] | None, only: Iterable[str] | None) -> list[RuleInfo]:
    chosen = list(rules) if rules is not None else [r for r in all_rules() if r.id != SYS_RULE_ID]
    if only is not None:
        wanted = [w.strip().upper() for w in only if w.strip()]
        chosen = [r for r in chosen if any(_matches(r.id, w) for w in wanted)]
    return chosen


def run_checks(
    document: Document,
    rules: Sequence[RuleInfo] | None = None,
    only: Iterable[str] | None = None,
) -> list[Finding]:
    """Run the applicable rules over a document; findings come back in document order.

    A rule that raises does not stop the others: it is reported as an SYS-001 finding naming the rule,
    because a checker that dies on a malformed draft helps nobody.
    """
    ctx = CheckContext(document)
    findings: list[Finding] = []
    for info in _selected(rules, only):
        try:
            if not info.applies(ctx):
                continue
            hits = list(info.func(ctx))
        except Exception as exc:
            findings.append(_internal_error(info, exc))
            continue
        for hit in hits:
            findings.append(_finding(info, hit))
    return ctx.sort(findings)


def _finding(info: RuleInfo, hit: Hit) -> Finding:
    return Finding(
        rule=info.id,
        severity=info.severity,
        clause=hit.clause,
        span=hit.span,
        message_zh=hit.message_zh,
        message_en=hit.message_en,
        text=hit.text,
        suggestion=hit.suggestion,
        location=hit.location,
    )


def _internal_error(info: RuleInfo, exc: Exception) -> Finding:
    where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    at = f" ({where.filename.rsplit('/', 1)[-1]}:{where.lineno})" if where else ""
    detail = f"{exc.__class__.__name__}: {exc}{at}"
    return Finding(
        rule=SYS_RULE_ID,
        severity=Severity.ERROR,
        clause="",
        message_zh=f"规则{info.id}在本文件上运行失败（内部错误），其他规则已照常运行：{detail}",
        message_en=f"rule {info.id} failed on this document (internal error); the other rules still ran: {detail}",
        text=info.id,
        suggestion="请将此文件和该信息报告给stdraft维护者 / report this file and message to the stdraft maintainers",
    )


def _sys_rule(ctx: CheckContext) -> Iterable[Hit]:
    # SYS-001 is raised by the runner, never by running this function
    return ()


register(
    RuleInfo(
        id=SYS_RULE_ID,
        severity=Severity.ERROR,
        title_zh="规则运行失败（内部错误）",
        title_en="A rule failed on this document (internal error)",
        source="stdraft",
        rationale="A checker that crashes on a malformed draft hides every other finding; report and go on.",
        func=_sys_rule,
        applies_to=ALL_STRUCTURES,
        area="internal",
    )
)
