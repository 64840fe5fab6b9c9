"""Full-size fault run: stream synthetic multi-outlet coverage over gRPC into a local stack while
SIGKILLing a random service at random moments (and bouncing the broker once), then compare all
published verdicts with a fault-free in-process run of the same input.

    .venv/bin/python bench/chaos.py --articles 5000 --kills 20 --broker-restart

Prints the figures and writes them to bench/results/chaos.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from shared.chaos import run_chaos  # noqa: E402
from shared.stack import LocalStack  # noqa: E402
from shared.storygen import generate  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--duration", type=float, default=None,
                        help="seconds over which articles are submitted (default: articles / 15)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--broker-restart", action="store_true")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "results" / "chaos.json")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="claimcheck-chaos-"))
    (work / "logs").mkdir()
    stack = LocalStack(env={"CLAIMCHECK_TOPIC_PREFIX": "chaos"}, log_dir=work / "logs", kafka_data_dir=work / "kafka")
    articles = generate(args.articles, seed=args.seed)
    duration = args.duration or args.articles / 15
    started = time.monotonic()
    with stack:
        report = asyncio.run(run_chaos(stack, articles, kills=args.kills, seed=args.seed, duration=duration,
                                       broker_restart=args.broker_restart, settle_timeout=1800))
    figures = report.summary() | {"kill_schedule": report.kills, "wall_seconds": round(time.monotonic() - started, 1),
                                  "logs": str(work / "logs")}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(figures, indent=2))
    for key, value in figures.items():
        if key != "kill_schedule":
            print(f"{key:>28}: {value}")
    print(f"{'verdict':>28}: {'PASS' if report.clean else 'FAIL'}")
    return 0 if report.clean else 1


if __name__ == "__main__":
    sys.exit(main())
