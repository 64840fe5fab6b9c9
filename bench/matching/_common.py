"""Shared helpers for the matching benchmarks: repo on sys.path, the first naive matcher (commit
f79c037) loaded from git, results folder, table printing."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NAIVE_COMMIT = "f79c037"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.report import RESULTS, prf, table, write_json  # noqa: E402,F401  (re-exported to the scripts)


def load_naive():
    """services/matcher/matching.py as of the walking skeleton, imported under another name (it
    only needs shared.pb, so it runs beside the current extractor in one process)."""
    source = subprocess.run(["git", "-C", str(ROOT), "show", f"{NAIVE_COMMIT}:services/matcher/matching.py"],
                            check=True, capture_output=True, text=True).stdout
    path = Path(tempfile.gettempdir()) / f"claimcheck_naive_matching_{NAIVE_COMMIT}.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("naive_matching", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["naive_matching"] = module
    spec.loader.exec_module(module)
    return module


def pairwise_f1(pred: list, gold: list) -> dict[str, float]:
    """Pairwise precision/recall/F1 of a clustering (labels per item) against gold labels."""
    from collections import Counter

    def pairs(labels):
        return sum(n * (n - 1) // 2 for n in Counter(labels).values())

    both = pairs(list(zip(pred, gold)))
    return prf(both, pairs(pred), pairs(gold))
