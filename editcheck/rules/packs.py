"""Where the built-in YAML rule packs live (inside the wheel, or the source checkout)."""

from __future__ import annotations

from pathlib import Path

BUILTIN_PACKS = ("ar-news", "en-news")


def packs_root() -> Path:
    """Folder holding the built-in packs: ``editcheck/_packs`` in an installed wheel, else
    the checkout's top-level ``rules/`` folder (editable installs, running from source)."""
    here = Path(__file__).resolve().parent.parent
    installed = here / "_packs"
    if installed.is_dir():
        return installed
    return here.parent / "rules"


def pack_dir(name: str) -> Path:
    """Folder of built-in pack ``name`` (``ar-news``...); may not exist for unknown names."""
    return packs_root() / name
