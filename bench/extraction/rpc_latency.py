"""Extract RPC latency under a fixed request rate: an open-loop generator sends ~600-word articles
to a running extractor (started here with the local stack) and records each call's latency.

    .venv/bin/python bench/extraction/rpc_latency.py --rate 100 --seconds 30 [ARTICLE_FILES...]

Articles are built from the given files' paragraphs (scenario JSON, JSONL or plain text), or from
the project's sample story when none are given. Prints p50/p95/p99/max and writes
bench/results/extract_rpc_latency.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from shared.articles_io import load_articles, sample_articles  # noqa: E402
from shared.client import AsyncClient  # noqa: E402
from shared.pb import article_pb2  # noqa: E402
from shared.stack import LocalStack  # noqa: E402

WORDS = 600


def paragraphs(paths: list[Path]) -> list[str]:
    found = []
    for path in paths:
        try:
            texts = [a.text for a in load_articles(path)]
        except Exception:  # noqa: BLE001 - plain text files are welcome too
            texts = [path.read_text(encoding="utf-8", errors="replace")]
        found += [p.strip() for text in texts for p in text.split("\n\n") if len(p.split()) > 8]
    return found or [p for a in sample_articles() for p in a.text.split("\n\n")]


def articles(source: list[str], count: int) -> list[article_pb2.Article]:
    """`count` articles of about WORDS words, each a different rotation of the paragraphs."""
    built = []
    for i in range(count):
        body, j = [], i
        while sum(len(p.split()) for p in body) < WORDS:
            body.append(source[j % len(source)])
            j += 7
        article = article_pb2.Article(id=f"lat-{i}", source=f"outlet{i % 40}.example", text="\n\n".join(body))
        article.published_at.FromJsonString("2026-06-01T08:00:00Z")
        built.append(article)
    return built


async def run(rate: float, seconds: float, batch: list[article_pb2.Article], stack: LocalStack) -> list[float]:
    latencies: list[float] = []
    async with AsyncClient(stack.client_settings(), timeout=10) as cc:
        for article in batch[:20]:  # warm up connections and caches
            await cc.extract(article)

        async def one(article: article_pb2.Article) -> None:
            started = time.perf_counter()
            await cc.extract(article)
            latencies.append(time.perf_counter() - started)

        tasks, start, n = [], time.perf_counter(), int(rate * seconds)
        for i in range(n):
            await asyncio.sleep(max(0.0, start + i / rate - time.perf_counter()))
            tasks.append(asyncio.create_task(one(batch[i % len(batch)])))
        await asyncio.gather(*tasks)
    return latencies


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--rate", type=float, default=100.0, help="requests per second")
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "extract_rpc_latency.json")
    args = parser.parse_args()
    batch = articles(paragraphs(args.files), 200)
    with LocalStack(env={"CLAIMCHECK_TOPIC_PREFIX": "latency"}) as stack:
        latencies = asyncio.run(run(args.rate, args.seconds, batch, stack))
    ms = sorted(1000 * x for x in latencies)
    pick = lambda q: ms[min(len(ms) - 1, int(q * len(ms)))]  # noqa: E731
    figures = {"rate": args.rate, "seconds": args.seconds, "requests": len(ms),
               "words_per_article": round(statistics.mean(len(a.text.split()) for a in batch)),
               "p50_ms": round(pick(0.50), 2), "p95_ms": round(pick(0.95), 2), "p99_ms": round(pick(0.99), 2),
               "max_ms": round(ms[-1], 2)}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(figures, indent=2))
    for key, value in figures.items():
        print(f"{key:>18}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
