"""Helpers shared by the benchmark scripts: whole-process timing with per-child peak
memory, the shared corpus, temporary drafts, proselint in its own venv, and tables.

Nothing here is timed itself; every figure a benchmark prints is a ratio against a baseline
measured in the same run, so the machine's noise (other jobs, CPU frequency) cancels.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
EXAMPLES = SHARED / "examples"
VENV_BIN = Path(sys.executable).parent
EDITCHECK = str(VENV_BIN / "editcheck")
PROSELINT_VENV = BENCH / ".venv-proselint"
PROSELINT_SPEC = "proselint==0.16.*"
TIME_BIN = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None

# The benchmarks time the built-in rules, as a user's install has them: the development venv
# also holds the test suite's example plugin (XP101, ~5 % of an English draft), left out here.
os.environ.setdefault("EDITCHECK_DISABLE_PLUGIN_AUTOLOAD", "1")


@dataclass
class Run:
    """One whole-process run: wall seconds, peak resident memory (KiB) and exit code."""

    seconds: float
    maxrss_kb: int
    returncode: int


def run_once(argv: Sequence[str], env: dict[str, str] | None = None, stdout: int | None = subprocess.DEVNULL) -> Run:
    """Run ``argv`` to completion and time it.

    Peak RSS is measured by ``/usr/bin/time`` when present (a small C parent, so the figure
    is the child's own), else by ``os.wait4``, whose figure for a child forked from this
    Python process can include the parent's pages copied before ``exec``.
    """
    argv = list(argv)
    if TIME_BIN:
        fd, name = tempfile.mkstemp(prefix="ec-rss-")
        os.close(fd)
        argv = [TIME_BIN, "-q", "-f", "%M", "-o", name, *argv]
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=stdout, stderr=subprocess.DEVNULL, env=env)
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    rss = int(usage.ru_maxrss)
    if TIME_BIN:
        try:
            rss = int(Path(name).read_text().split()[-1])
        except (OSError, ValueError, IndexError):
            pass
        os.unlink(name)
    return Run(elapsed, rss, proc.returncode)


@dataclass
class Stat:
    """Median wall time and the largest peak RSS over repeated runs of one command."""

    label: str
    median: float
    maxrss_kb: int
    runs: int

    @property
    def mb(self) -> float:
        """Peak resident memory in MiB."""
        return self.maxrss_kb / 1024


def interleaved(commands: dict[str, Sequence[str]], repeat: int, envs: dict[str, dict[str, str]] | None = None,
                warmup: int = 1) -> dict[str, Stat]:
    """Run every command ``repeat`` times, round-robin (so slow phases of the machine hit all
    of them alike), after ``warmup`` untimed rounds; return medians. ``envs`` adds
    environment variables to some commands (by label)."""
    envs = envs or {}
    env_of = {k: {**os.environ, **envs[k]} if k in envs else None for k in commands}
    for _ in range(warmup):
        for label, argv in commands.items():
            run_once(argv, env_of[label])
    times: dict[str, list[float]] = {k: [] for k in commands}
    rss: dict[str, int] = dict.fromkeys(commands, 0)
    for _ in range(repeat):
        for label, argv in commands.items():
            r = run_once(argv, env_of[label])
            times[label].append(r.seconds)
            rss[label] = max(rss[label], r.maxrss_kb)
    return {k: Stat(k, statistics.median(v), rss[k], len(v)) for k, v in times.items()}


def ensure_proselint() -> str | None:
    """Path of a ``proselint`` executable, installed into ``bench/.venv-proselint`` on first
    use (it is not a project dependency). ``None`` when it cannot be installed."""
    exe = PROSELINT_VENV / "bin" / "proselint"
    if exe.exists():
        return str(exe)
    print(f"installing {PROSELINT_SPEC} into {PROSELINT_VENV} ...", file=sys.stderr)
    try:
        subprocess.run([sys.executable, "-m", "venv", str(PROSELINT_VENV)], check=True)
        subprocess.run([str(PROSELINT_VENV / "bin" / "pip"), "install", "-q", PROSELINT_SPEC], check=True)
    except (OSError, subprocess.CalledProcessError) as exc:
        print(f"proselint unavailable: {exc}", file=sys.stderr)
        return None
    return str(exe) if exe.exists() else None


def has_jobs_option() -> bool:
    """True when this editcheck accepts ``--jobs`` (issue 4)."""
    out = subprocess.run([EDITCHECK, "--help"], capture_output=True, text=True, env={**os.environ, "COLUMNS": "200"})
    return "--jobs" in out.stdout


def records(name: str) -> list[dict[str, object]]:
    """Records of one JSON Lines file of the shared corpus."""
    with open(CORPUS / name, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def article_markdown(rec: dict[str, object]) -> str:
    """A corpus article as a Markdown draft: ``# title``, then the body's paragraphs."""
    body = str(rec.get("body") or "")
    paras = [p.strip() for p in body.replace("\r", "").split("\n") if p.strip()]
    return f"# {str(rec['title']).strip()}\n\n" + "\n\n".join(paras) + "\n"


def article_plain(rec: dict[str, object]) -> str:
    """A corpus article as a plain-text draft: title line, blank line, body paragraphs."""
    return article_markdown(rec)[2:]


def en_article_markdown(rec: dict[str, object]) -> str:
    """An English BBC record (the body may repeat the title on its first line) as Markdown."""
    body = str(rec.get("body") or "")
    title = str(rec.get("title") or "").strip()
    lines = [p.strip() for p in body.replace("\r", "").split("\n") if p.strip()]
    if lines and lines[0] == title:
        lines = lines[1:]
    return f"# {title}\n\n" + "\n\n".join(lines) + "\n"


def write_drafts(folder: Path, texts: Iterable[str], suffix: str = ".md", per_dir: int = 1000) -> list[Path]:
    """Write drafts as ``folder/dNNN/NNNNN<suffix>`` (at most ``per_dir`` per folder)."""
    paths = []
    for i, text in enumerate(texts):
        sub = folder / f"d{i // per_dir:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        p = sub / f"{i:05d}{suffix}"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


def total_bytes(paths: Iterable[Path]) -> int:
    """Sum of the files' sizes in bytes."""
    return sum(p.stat().st_size for p in paths)


def machine() -> str:
    """One line describing this machine and interpreter."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Linux {platform.release()}, Python {platform.python_version()}"


def table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A GitHub-flavoured Markdown table (also readable in a terminal)."""
    rows = [[str(c) for c in r] for r in rows]
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    out = ["| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)) + " |",
           "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out += ["| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |" for r in rows]
    return "\n".join(out)


def header(title: str, command: str) -> str:
    """The block printed above every benchmark's table (date, machine, command)."""
    return (f"## {title}\n\n{time.strftime('%Y-%m-%d %H:%M')} | {machine()}\n"
            f"command: `{command}`\n")
