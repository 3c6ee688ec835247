"""EC903 unused-suppression: a suppression comment or front-matter ignore that hid nothing."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from editcheck.model import Finding, Severity
from editcheck.rules.base import Rule, RuleMeta

if TYPE_CHECKING:
    from editcheck.document.model import Document
    from editcheck.rules.context import Context


class UnusedSuppression(Rule):
    """Documents EC903; the engine reports it with ``--report-unused-suppressions`` (see
    :func:`editcheck.suppress.unused_suppressions`)."""

    meta = RuleMeta(
        code="EC903", name="unused-suppression", family="meta", severity=Severity.WARNING,
        languages=frozenset({"ar", "en"}), scopes=("document",),
        message="unused suppression: nothing here was reported; remove it",
        docs={
            "what": "With --report-unused-suppressions (or report-unused-suppressions: true in the config), reports "
                    "a disable, disable-next-line or front-matter ignore that hid no finding.",
            "why": "A stale suppression outlives the problem it was added for and will silently hide the next real "
                   "one (ruff's RUF100 and ESLint's --report-unused-disable-directives exist for the same reason).",
            "example": "<!-- editcheck: disable-next-line=EC301 -->\nالحكومة تعلن خطة جديدة للنقل العام",
            "instead": "الحكومة تعلن خطة جديدة للنقل العام (the comment removed)",
        },
        standard="editcheck house standard for suppressions (after ruff RUF100 unused-noqa)",
        examples={"fail": [], "pass": []},
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """Nothing here: see :func:`editcheck.suppress.unused_suppressions`."""
        return iter(())


RULE = UnusedSuppression()
