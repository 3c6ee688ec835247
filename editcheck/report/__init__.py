"""Output formats, one module each; they read findings and the model only."""

from __future__ import annotations

FORMATS = ("rich", "line", "json")


def get_writer(name: str):  # type: ignore[no-untyped-def]
    """The ``write(results, stream, **options)`` function of format ``name``.

    Raises ``KeyError`` for an unknown format.
    """
    import importlib

    modules = {"rich": "rich_report", "line": "line", "json": "json_report", "sarif": "sarif", "github": "github",
               "junit": "junit", "html": "html"}
    return importlib.import_module(f"editcheck.report.{modules[name]}").write
