"""Editorial analysis shared by several rules (who is speaking, what is sourced).

Rules never import each other; what two rules both need lives here, computed once per
document and cached in the run :class:`~editcheck.rules.context.Context`.
"""
