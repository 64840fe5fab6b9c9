"""Shared helpers for the extraction benchmarks: repo on sys.path, results folder, table printing."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.report import RESULTS, prf, table, write_json  # noqa: E402,F401  (re-exported to the scripts)
