"""Profiling helpers for the load benchmark: cProfile of one stage's domain code in-process on
the same input the services saw, and a py-spy recorder attached to a live service process."""

from __future__ import annotations

import cProfile
import io
import os
import pstats
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from services.extractor.extraction import extract_claims
from services.matcher.matching import DEFAULT_THRESHOLD, ClaimIndex
from services.scorer.scoring import VerdictBook
from shared.pb import article_pb2


def stage_inputs(articles: list[article_pb2.Article]):
    """Claims and matches for `articles`, in the order the stages would see them."""
    claims = [c for a in articles for c in extract_claims(a)]
    index = ClaimIndex(threshold=DEFAULT_THRESHOLD)
    matches = [index.place(c) for c in claims]
    return claims, matches


def cprofile_stage(stage: str, articles: list[article_pb2.Article], top: int = 20) -> dict:
    """Runs one stage's domain code over the input it gets in the pipeline, under cProfile."""
    claims, matches = stage_inputs(articles) if stage != "extractor" else ([], [])
    profiler = cProfile.Profile()
    started = time.perf_counter()
    if stage == "extractor":
        profiler.enable()
        for a in articles:
            extract_claims(a)
        profiler.disable()
        n = len(articles)
    elif stage == "matcher":
        index = ClaimIndex(threshold=DEFAULT_THRESHOLD)
        profiler.enable()
        for c in claims:
            index.place(c)
        profiler.disable()
        n = len(claims)
    else:
        book = VerdictBook()
        profiler.enable()
        for m in matches:
            book.apply(m)
        profiler.disable()
        n = len(matches)
    wall = time.perf_counter() - started
    stats = pstats.Stats(profiler)
    total = stats.total_tt or 1e-9
    rows = []
    for (file, line, func), (cc, nc, tt, ct, _callers) in stats.stats.items():
        rows.append({"function": f"{func} ({_short(file)}:{line})", "calls": nc, "self_s": round(tt, 4),
                     "cum_s": round(ct, 4), "self_pct": round(100 * tt / total, 1)})
    by_self = sorted(rows, key=lambda r: -r["self_s"])[:top]
    by_cum = sorted(rows, key=lambda r: -r["cum_s"])[:top]
    text = io.StringIO()
    pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(top)
    return {"stage": stage, "items": n, "wall_s_profiled": round(wall, 3), "profiled_cpu_s": round(total, 3),
            "items_per_s_under_profiler": round(n / total, 1), "top_self": by_self, "top_cumulative": by_cum}


def _short(path: str) -> str:
    for marker in ("/site-packages/", "/work/main/", "/lib/python3.11/"):
        if marker in path:
            return path.split(marker, 1)[1]
    return path


class PySpy:
    """`py-spy record` attached to a pid until stop(); raw (collapsed) stacks for parsing."""

    def __init__(self, pid: int, out: Path, rate: int = 100) -> None:
        self.available = _py_spy() is not None
        self.out = out
        self.error = None if self.available else "py-spy not installed (pip install py-spy)"
        self._proc: subprocess.Popen | None = None
        if self.available:
            self._log = open(out.with_suffix(".log"), "wb")
            self._proc = subprocess.Popen([_py_spy(), "record", "--pid", str(pid), "--rate", str(rate),
                                           "--format", "raw", "--output", str(out)],
                                          stdout=self._log, stderr=subprocess.STDOUT)

    def stop(self) -> None:
        if self._proc is None:
            return
        if self._proc.poll() is None:
            self._proc.send_signal(signal.SIGINT)  # py-spy writes its output on Ctrl-C
            try:
                self._proc.wait(30)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
        self._log.close()
        if not self.out.exists():
            self.error = "py-spy wrote nothing; see " + str(self.out.with_suffix(".log"))


def _py_spy() -> str | None:
    local = Path(sys.executable).parent / "py-spy"
    return str(local) if local.exists() else shutil.which("py-spy")


def summarize_collapsed(path: Path, top: int = 20) -> dict:
    """Self and inclusive sample shares per function from py-spy's raw output."""
    self_counts: Counter = Counter()
    incl_counts: Counter = Counter()
    total = idle_samples = busy = 0
    for line in path.read_text(errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        n = int(count)
        total += n
        frames = [_frame(f) for f in stack.split(";")]
        frames = [f for f in frames if not f.startswith("process ") and not f.startswith("thread ")]
        if not frames:
            continue
        if any(frames[-1].startswith(idle) for idle in _IDLE):
            idle_samples += n
            continue
        busy += n
        self_counts[frames[-1]] += n
        for f in set(frames):
            incl_counts[f] += n
    pct = (lambda c: round(100 * c / busy, 1)) if busy else (lambda c: 0.0)
    return {"samples": total, "idle_samples": idle_samples, "busy_samples": busy, "pct_of": "busy samples",
            "top_self": [{"function": f, "samples": c, "pct": pct(c)} for f, c in self_counts.most_common(top)],
            "top_inclusive": [{"function": f, "samples": c, "pct": pct(c)} for f, c in incl_counts.most_common(top)]}


# Leaf frames that mean "waiting", not working (the event loop's poll, a thread parked on a lock).
_IDLE = ("EpollSelector.select", "_PollLikeSelector.select", "select (selectors.py)", "Condition.wait",
         "Event.wait", "Thread._wait_for_tstate_lock", "_worker (concurrent/futures/thread.py)")


def _frame(raw: str) -> str:
    """'place (services/matcher/matching.py:211)' -> 'place (services/matcher/matching.py)'."""
    name, sep, where = raw.partition(" (")
    if not sep:
        return raw
    file = where.rstrip(")").rsplit(":", 1)[0]
    return f"{name} ({_short(os.path.abspath(file)) if file.startswith('/') else file})"
