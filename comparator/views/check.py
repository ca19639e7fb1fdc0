"""The model of ``compare check`` output: built once from a ``CheckResult`` and the fail level,
so its text, GitHub, JSON and SARIF renderers report the same findings, counts, summary and
exit code, and only serialise them. No rich, no typer.
"""

from __future__ import annotations

from dataclasses import dataclass

from comparator.check import CheckResult
from comparator.errors import ExitCode
from comparator.models import Finding, Severity
from comparator.rules import RULES

#: The severities in the order the summary counts them: the worst first.
SEVERITY_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)


@dataclass(frozen=True, slots=True, repr=False)
class RuleInfo:
    """A rule of ``compare check``: its id, default severity and what it means."""

    id: str
    severity: Severity
    description: str


@dataclass(frozen=True, slots=True, repr=False)
class ReportedFinding:
    """A finding as the output lists it, with the place of its rule in ``CheckView.rules``
    (None for a rule that is not in the table)."""

    finding: Finding
    rule_index: int | None


@dataclass(frozen=True, slots=True, repr=False)
class SeverityCount:
    severity: Severity
    count: int


@dataclass(frozen=True, repr=False)
class CheckView:
    """Everything ``compare check`` prints, and what it exits with."""

    #: In the order the check found and sorted them.
    findings: tuple[ReportedFinding, ...]
    #: Every rule, in the order of ``comparator.rules.RULES``.
    rules: tuple[RuleInfo, ...]
    assertions: int
    quotes: int
    #: Findings per severity, errors first; zeros included.
    counts: tuple[SeverityCount, ...]
    #: Findings an ignore entry suppressed (not in ``findings``).
    suppressed: int
    #: The one-line summary every format ends with.
    summary: str
    #: The severity of the worst finding, None when there is none.
    worst: Severity | None
    fail_level: Severity
    #: FINDINGS when a finding is at ``fail_level`` or above, else OK.
    exit_code: ExitCode

    def count(self, severity: Severity) -> int:
        return next(c.count for c in self.counts if c.severity is severity)


def rule_table() -> tuple[RuleInfo, ...]:
    """Every rule, as ``comparator.rules`` defines them."""
    return tuple(RuleInfo(name, rule.severity, rule.meaning) for name, rule in RULES.items())


def build_check_view(result: CheckResult, fail_level: Severity = Severity.ERROR) -> CheckView:
    """The model of ``compare check`` output for ``result`` at ``fail_level``."""
    rules = rule_table()
    index = {rule.id: i for i, rule in enumerate(rules)}
    counts = tuple(SeverityCount(s, result.count(s)) for s in SEVERITY_ORDER)
    return CheckView(
        findings=tuple(ReportedFinding(f, index.get(f.rule)) for f in result.findings),
        rules=rules,
        assertions=result.assertions,
        quotes=result.quotes,
        counts=counts,
        suppressed=result.suppressed,
        summary=result.summary(),
        worst=next((c.severity for c in counts if c.count), None),
        fail_level=fail_level,
        exit_code=result.exit_code(fail_level),
    )
