"""Drafting checks against GB/T 1.1-2020 and ISO/IEC Directives Part 2.

Public API:
- ``run_checks(document, rules=None, only=None) -> list[Finding]`` runs the registered rules;
- ``all_rules()`` / ``get_rule(id)`` read the catalogue; ``rule(...)`` and ``register(...)`` extend it;
- ``Finding``, ``Severity``, ``RuleInfo``, ``Hit`` are the data types; ``CheckContext`` is what a rule receives.
"""

from assistant.checks.context import CheckContext, Segment
from assistant.checks.model import Finding, Hit, RuleInfo, Severity
from assistant.checks.registry import (
    all_rules,
    get_rule,
    load_builtin_rules,
    register,
    rule,
    run_checks,
    unregister,
)

__all__ = [
    "CheckContext",
    "Finding",
    "Hit",
    "RuleInfo",
    "Segment",
    "Severity",
    "all_rules",
    "get_rule",
    "load_builtin_rules",
    "register",
    "rule",
    "run_checks",
    "unregister",
]
