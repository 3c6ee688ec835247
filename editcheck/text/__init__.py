"""Text utilities that know nothing of rules or documents: normalisation, lines, language."""
