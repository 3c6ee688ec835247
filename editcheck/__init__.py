"""editcheck: an editorial quality checker for Arabic and English news drafts."""

__version__ = "0.1.0"
