"""Counts of findings per severity and per family, shared by the reports."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editcheck.engine import FileResult


def summarize(results: Sequence[FileResult]) -> dict[str, object]:
    """``{"files": n, "files_with_findings": n, "files_not_checked": n (unreadable or undecodable),
    "findings": n, "by_severity": {...}, "by_family": {...}}``."""
    sev: Counter[str] = Counter()
    fam: Counter[str] = Counter()
    for r in results:
        for f in r.findings:
            sev[f.severity.label] += 1
            fam[f.family] += 1
    return {
        "files": len(results),
        "files_with_findings": sum(1 for r in results if r.findings),
        "files_not_checked": sum(1 for r in results if r.error),
        "findings": sum(sev.values()),
        "by_severity": {k: sev.get(k, 0) for k in ("error", "warning", "info")},
        "by_family": dict(sorted(fam.items())),
    }
