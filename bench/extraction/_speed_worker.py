"""One speed measurement in a fresh process: `python _speed_worker.py ROOT ARTICLES.json SECONDS`.

ROOT is the tree whose `services.extractor.extraction` is timed (the work tree, or the first
version unpacked by speed.py). Pinned to one CPU; prints one JSON line.
"""

import json
import os
import sys
import time

root, articles_path, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
sys.path.insert(0, root)
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

from datetime import datetime  # noqa: E402

from services.extractor.extraction import extract_claims  # noqa: E402
from shared.pb import article_pb2  # noqa: E402

articles = []
for i, a in enumerate(json.load(open(articles_path, encoding="utf-8"))):
    art = article_pb2.Article(id=f"bench-{i}", source=a["source"], text=a["text"])
    art.published_at.FromDatetime(datetime.fromisoformat(a["published_at"].replace("Z", "+00:00")))
    articles.append(art)
for art in articles:  # warm-up: imports, regex compilation, caches
    extract_claims(art)
done, claims, latencies = 0, 0, []
start_cpu, start = time.process_time(), time.perf_counter()
while time.perf_counter() - start < seconds:
    for art in articles:
        t = time.perf_counter()
        claims += len(extract_claims(art))
        latencies.append(time.perf_counter() - t)
        done += 1
wall, cpu = time.perf_counter() - start, time.process_time() - start_cpu
latencies.sort()
print(json.dumps({
    "articles": done, "wall_s": wall, "cpu_s": cpu, "articles_per_s": done / wall,
    "articles_per_cpu_s": done / cpu, "claims_per_article": claims / done,
    "p50_ms": latencies[len(latencies) // 2] * 1000, "p99_ms": latencies[int(len(latencies) * 0.99)] * 1000,
}))
