"""Shared helpers for the matching benchmarks: repo on sys.path, the first naive matcher (commit
f79c037) loaded from git, results folder, table printing."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "bench" / "results"
NAIVE_COMMIT = "f79c037"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


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


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "pred": n_pred, "gold": n_gold}


def write_json(name: str, payload: dict) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / name
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def table(rows: list[list], header: list[str]) -> str:
    cells = [header] + [[str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths)) for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def pairwise_f1(pred: list, gold: list) -> dict[str, float]:
    """Pairwise precision/recall/F1 of a clustering (labels per item) against gold labels."""
    from collections import Counter

    def pairs(labels):
        return sum(n * (n - 1) // 2 for n in Counter(labels).values())

    both = pairs(list(zip(pred, gold)))
    return prf(both, pairs(pred), pairs(gold))
