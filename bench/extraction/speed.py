"""Extraction speed, articles/s on one core for ~600-word articles, new vs the first naive version
(git commit f79c037) in the same run.

Articles are built from the paragraphs of the given files (eval scenario JSON, article JSONL, or
plain .txt), concatenated until each has at least --words words. Each version runs in its own
subprocess pinned to one CPU (the first version is unpacked with `git archive f79c037 services
shared`); runs alternate, best of --rounds is reported.

    python bench/extraction/speed.py /work/shared/eval/dev/*.json /work/shared/seeds/*.txt
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import ROOT, table, write_json

from shared.articles_io import load_articles

NAIVE_COMMIT = "f79c037"
WORKER = Path(__file__).with_name("_speed_worker.py")


def paragraphs(paths: list[Path]) -> list[str]:
    out: list[str] = []
    for p in paths:
        if p.suffix == ".txt":
            texts = [p.read_text(encoding="utf-8")]
        else:
            texts = [a.text for a in load_articles(p)]
        for t in texts:
            out.extend(x.strip() for x in t.split("\n\n") if len(x.split()) >= 8)
    return out


def build_articles(paras: list[str], n: int, words: int) -> list[dict]:
    arts = []
    for i in range(n):
        chosen, count, j = [], 0, i * 7
        while count < words:
            para = paras[j % len(paras)]
            chosen.append(para)
            count += len(para.split())
            j += 1
        arts.append({"source": "bench.example", "published_at": "2025-03-12T09:00:00Z", "text": "\n\n".join(chosen)})
    return arts


def run(root: Path, articles: Path, seconds: float) -> dict:
    out = subprocess.run([sys.executable, str(WORKER), str(root), str(articles), str(seconds)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def segmenter_only(arts: list[dict], rounds: int = 20) -> dict[str, float]:
    """Sentence splitting alone, in this process: the first version's syntok vs ours (ms/article)."""
    import time

    from services.extractor.sentences import split_sentences

    try:
        from syntok import segmenter
    except ImportError:  # syntok is no longer needed by the extractor
        segmenter = None
    out = {}
    fns = {"ours": split_sentences}
    if segmenter is not None:
        fns["syntok"] = lambda t: [s for p in segmenter.analyze(t) for s in p]
    for name, fn in fns.items():
        t0 = time.process_time()
        for _ in range(rounds):
            for a in arts:
                fn(a["text"])
        out[name] = (time.process_time() - t0) / (rounds * len(arts)) * 1000
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--articles", type=int, default=40)
    ap.add_argument("--words", type=int, default=600)
    ap.add_argument("--seconds", type=float, default=3.0)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    arts = build_articles(paragraphs(args.paths), args.articles, args.words)
    mean_words = sum(len(a["text"].split()) for a in arts) / len(arts)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        naive = tmp / "naive"
        naive.mkdir()
        archive = subprocess.run(["git", "archive", NAIVE_COMMIT, "services", "shared"], cwd=ROOT,
                                 capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(naive)], input=archive, check=True)
        data = tmp / "articles.json"
        data.write_text(json.dumps(arts), encoding="utf-8")
        results: dict[str, list[dict]] = {"naive (f79c037)": [], "new (work tree)": []}
        for _ in range(args.rounds):
            results["naive (f79c037)"].append(run(naive, data, args.seconds))
            results["new (work tree)"].append(run(ROOT, data, args.seconds))
    best = {k: max(v, key=lambda r: r["articles_per_cpu_s"]) for k, v in results.items()}
    rows = [[k, round(r["articles_per_s"], 1), round(r["articles_per_cpu_s"], 1), round(r["p50_ms"], 2),
             round(r["p99_ms"], 2), round(r["claims_per_article"], 1)] for k, r in best.items()]
    print(f"{len(arts)} articles, {mean_words:.0f} words on average, best of {args.rounds} x {args.seconds}s, one core")
    print(table(rows, ["version", "articles/s", "articles/cpu-s", "p50 ms", "p99 ms", "claims/article"]))
    speedup = best["new (work tree)"]["articles_per_cpu_s"] / best["naive (f79c037)"]["articles_per_cpu_s"]
    print(f"speed-up: {speedup:.2f}x (articles per CPU-second)")
    seg = segmenter_only(arts)
    print("sentence splitting alone, ms/article: " + ", ".join(f"{k} {v:.2f}" for k, v in seg.items()))
    out = write_json("extraction_speed.json", {"articles": len(arts), "mean_words": mean_words, "best": best,
                                               "runs": results, "speedup": speedup, "segmenter_ms": seg, "naive_commit": NAIVE_COMMIT})
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
