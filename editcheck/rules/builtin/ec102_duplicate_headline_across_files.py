"""EC102 duplicate-headline-across-files: the same headline in several drafts of one run."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from editcheck.analysis.headline import headline_key
from editcheck.model import Finding, Related, Severity
from editcheck.rules.base import Rule, RuleMeta

if TYPE_CHECKING:
    from editcheck.document.model import Document
    from editcheck.rules.context import Context

#: token_sort_ratio (0-100) at or above which two headlines are "possible duplicates"
NEAR_THRESHOLD = 92


class DuplicateHeadlineAcrossFiles(Rule):
    """Index every checked draft's headline; report exact (normalised) duplicates and near
    duplicates (rapidfuzz ``token_sort_ratio`` >= 92 among headlines sharing a rare token),
    on the later file in path order, with the first occurrence as related location.

    Near duplicates may contradict each other (one antonym flips the meaning: ارتفاع /
    انخفاض), so the message asks the editor to check, and nothing is merged.
    """

    corpus = True
    meta = RuleMeta(
        code="EC102", name="duplicate-headline-across-files", family="duplicated-headline",
        severity=Severity.WARNING, languages=frozenset({"ar", "en"}), scopes=("corpus",),
        message="Same headline as {other}; give each story its own headline",
        messages={"ar": "العنوان نفسه في {other}؛ امنح كل خبر عنواناً خاصاً به"},
        docs={
            "what": "Compares the headlines of all drafts checked in one run and reports repeats.",
            "why": "Two stories under one headline confuse readers, search and wire clients; an update "
                   "needs a headline that says what is new.",
            "example": "world/a.md and world/b.md both titled 'Storm closes port'",
            "instead": "Rewrite the later headline to say what the second story adds, or merge the drafts.",
        },
        standard="Reuters Handbook, 'Other Common Story Forms' (each update is a new item with its own headline)",
        examples={"fail": [], "pass": []},
    )

    def collect(self, doc: Document, ctx: Context) -> dict[str, Any] | None:
        """Picklable record of this draft's headline (key, span, position)."""
        head = doc.headline
        if head is None:
            return None
        key = headline_key(head.text)
        if len(key.split()) < 3:
            return None
        line, col = doc.lines.position(head.start)
        end_line, end_col = doc.lines.position(head.end)
        return {"key": key, "start": head.start, "end": head.end, "line": line, "column": col,
                "end_line": end_line, "end_column": end_col, "match": head.text, "lang": doc.lang}

    def finalize(self, items: list[tuple[str, dict[str, Any]]]) -> Iterator[tuple[str, Finding]]:  # type: ignore[override]
        """Report repeats in path order (deterministic whatever the number of jobs)."""
        first: dict[str, tuple[str, dict[str, Any]]] = {}
        by_token: dict[str, list[tuple[str, dict[str, Any]]]] = {}
        for path, item in items:
            key = item["key"]
            hit = first.get(key)
            near = False
            if hit is None:
                hit = self._near(item, by_token)
                near = hit is not None
            if hit is not None:
                other_path, other = hit
                ar = item.get("lang") == "ar"
                if near:
                    msg = (f"عنوان قريب جداً من عنوان {other_path}؛ تحقق من أنهما لا يتناقضان" if ar else
                           f"Possible duplicate of the headline of {other_path}; check that the two do not "
                           f"contradict each other")
                else:
                    msg = self.meta.message_for("ar" if ar else "en").format(other=other_path)
                f = Finding(code=self.meta.code, name=self.meta.name, family=self.meta.family,
                            severity=self.meta.severity,
                            message=msg,
                            start=item["start"], end=item["end"], match=item["match"], scope="headline",
                            path=path, line=item["line"], column=item["column"], end_line=item["end_line"],
                            end_column=item["end_column"], docs_url=self.meta.docs_url,
                            related=(Related(other_path, other["line"], other["column"], "first occurrence"),))
                yield path, f
            else:
                first[key] = (path, item)
            for tok in set(key.split()):
                if len(tok) > 3:
                    by_token.setdefault(tok, []).append((path, item))

    def _near(self, item: dict[str, Any], by_token: dict[str, list[tuple[str, dict[str, Any]]]]
              ) -> tuple[str, dict[str, Any]] | None:
        toks = [t for t in set(item["key"].split()) if len(t) > 3]
        if not any(t in by_token for t in toks):
            return None  # no candidate (always so for the first headline)
        # the rarest tokens narrow the candidates; never all pairs
        toks.sort(key=lambda t: len(by_token.get(t, ())))
        seen: set[int] = set()
        chars = _chars(item["key"])
        for tok in toks[:3]:
            for cand in by_token.get(tok, ())[:200]:
                if id(cand[1]) in seen:
                    continue
                seen.add(id(cand[1]))
                if not may_be_near(chars, _chars(cand[1]["key"])):
                    continue  # rapidfuzz is imported only for a pair that may be near
                from rapidfuzz import fuzz

                if fuzz.token_sort_ratio(item["key"], cand[1]["key"]) >= NEAR_THRESHOLD:
                    return cand
        return None


def _chars(key: str) -> Counter[str]:
    """Characters of ``key`` as rapidfuzz's ``token_sort_ratio`` compares it: its tokens
    (``str.split``) joined by single spaces (sorting them does not change the multiset)."""
    return Counter(" ".join(key.split()))


def may_be_near(a: Counter[str], b: Counter[str]) -> bool:
    """False only when ``token_sort_ratio`` of the two keys is below :data:`NEAR_THRESHOLD`.

    ``a`` and ``b`` are :func:`_chars` of the keys. The ratio is ``200 * LCS / (len(a) +
    len(b))`` (normalised Indel similarity, in percent) over the token-sorted strings, and
    their longest common subsequence is at most the characters they share as multisets;
    the test is in integers, so it never rounds a pair out."""
    shared = sum((a & b).values())
    return 200 * shared >= NEAR_THRESHOLD * (a.total() + b.total())


RULE = DuplicateHeadlineAcrossFiles()
