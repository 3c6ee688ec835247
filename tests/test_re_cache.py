"""The standard-library ``re`` compile cache: patterns served from it behave as compiled."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SCRIPT = r'''
import json, re, sys
from editcheck.rules import cache
cache.install_re_cache()
pats = [(r"(?P<word>\w+)\s+(\d{1,3})", 0), (r"colou?r|(?i:GREY)", re.I), (r"^\s*#+\s*$", re.M),
        (r"(?x) a  b # comment", 0), (rb"[\x00-\x1f]+", 0), (r"(?<![\w])ال(\w+)", 0), (r"[[a]", 0)]
out = []
for p, f in pats:
    c = re.compile(p, f)
    s = b"ab\x01\x02cd" if isinstance(p, bytes) else "Colour 12 grey\n  ##\nab [a] والكتاب 7"
    out.append([c.pattern if isinstance(p, str) else c.pattern.decode(), int(c.flags), c.groups,
                dict(c.groupindex), [repr(m.span()) + repr(m.groups()) for m in c.finditer(s)]])
cache.save_re_cache()
print(json.dumps([out, len(cache._re_state.get("entries") or {}), bool(cache._re_state.get("dirty"))]))
'''


def _run(tmp: Path, **env: str) -> list:
    full = {**os.environ, "EDITCHECK_CACHE_DIR": str(tmp), **env}
    full.pop("EDITCHECK_NO_CACHE", None) if "EDITCHECK_NO_CACHE" not in env else None
    res = subprocess.run([sys.executable, "-W", "ignore", "-c", SCRIPT], capture_output=True, text=True, env=full,
                         check=True)
    return json.loads(res.stdout)


def test_cached_patterns_behave_as_compiled(tmp_path: Path) -> None:
    plain, _n, _d = _run(tmp_path, EDITCHECK_NO_CACHE="1")
    first, n_first, _d = _run(tmp_path)
    assert list(tmp_path.glob("re-*.pickle")), "the first run saves its patterns"
    second, n_second, dirty = _run(tmp_path)
    assert first == plain and second == plain
    assert n_first > 0 and n_second > 0 and not dirty  # the second run compiled nothing new
