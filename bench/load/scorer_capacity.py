"""Scorer stage capacity: how many verdict updates per second the matches -> verdicts stage commits
on a backlog, with Kafka transactions on, against a real local broker; and the figures that bound
it without Kafka (VerdictBook.apply alone, ClaimMatch decode, Verdict encode), so the gap between
the domain code and the stage is named by numbers.

The input: N ClaimMatch records made in-process from shared.storygen stories by the same extraction
and matching code the services run (shared.analyze), cached on disk per seed and per version of
that code. They are produced onto a fresh `<prefix>.matches.v1` in transactions of 500 with the
headers the matcher writes (type, schema version, a traceparent per article). The scorer stage (a
TransformLoop with MatchProcessor, in a subprocess of its own, logging at info) then works through
the backlog alone; the rate is counted from its first committed batch to its last:

    updates/s = input records committed after the first batch / seconds from first to last commit

Every round runs the stage of this tree and of --baseline (a git ref, checked out with `git
archive`) one after the other on the same broker, so their ratio is measured under the same load.
The first round of each also reads the verdicts topic back and checks it: every (cluster,
revision) once, and each cluster's latest verdict byte-equal to the in-process VerdictBook's.

    PYTHONPATH=$PWD .venv/bin/python bench/load/scorer_capacity.py [--matches 50000] [--rounds 2]
        [--baseline main] [--py-spy]

Prints a table and writes bench/results/scorer_capacity.json.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import inspect
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CACHE = Path(tempfile.gettempdir()) / "claimcheck-scorer-capacity"
BATCH = 500  # records per input transaction, as the matcher commits them


def _code_root() -> Path:
    """The worker imports the stage from --code-root (this tree or the baseline's checkout)."""
    for i, arg in enumerate(sys.argv):
        if arg == "--code-root" and i + 1 < len(sys.argv):
            return Path(sys.argv[i + 1]).resolve()
    return ROOT


sys.path.insert(0, str(_code_root()))
sys.path.insert(0, str(Path(__file__).resolve().parent))
if str(ROOT) not in sys.path:
    sys.path.append(str(ROOT))  # bench.report, also when the stage comes from another checkout

from shared.pb import match_pb2, verdict_pb2  # noqa: E402


def read_matches(path: Path) -> list[bytes]:
    """Length-prefixed serialized ClaimMatch records."""
    data, out, i = path.read_bytes(), [], 0
    while i < len(data):
        n = int.from_bytes(data[i:i + 4], "big")
        out.append(data[i + 4:i + 4 + n])
        i += 4 + n
    return out


# --- the worker: one stage run, in its own process, from one code root -------------------------

def per_second(n: int, seconds: float) -> float:
    return round(n / seconds, 1) if seconds > 0 else float("inf")


def domain_figures(values: list[bytes], settings) -> dict:
    """The stage's work without Kafka: decode, VerdictBook.apply, encode; and the processor as the
    loop drives it, with the encoding of what it produces per full batch."""
    from services.scorer import server
    from services.scorer.scoring import VerdictBook

    def best_of(runs: int, work) -> float:  # other work on the machine only ever slows a run down
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            work()
            times.append(time.perf_counter() - started)
        return min(times)

    matches = [match_pb2.ClaimMatch.FromString(v) for v in values]
    decode_s = best_of(3, lambda: [match_pb2.ClaimMatch.FromString(v) for v in values])

    def apply_all() -> None:
        book = VerdictBook(keep_claims=False)
        for m in matches:
            book.apply(m)

    apply_s = best_of(3, apply_all)
    in_place_s = None
    if "snapshots" in inspect.signature(VerdictBook).parameters:  # as the stage's book runs

        def apply_all_in_place() -> None:
            book = VerdictBook(keep_claims=False, snapshots=False)
            for m in matches:
                book.apply(m)

        in_place_s = best_of(3, apply_all_in_place)
    book = VerdictBook(keep_claims=False)
    verdicts = [v for v in (book.apply(m) for m in matches) if v is not None]
    encoded = [v.SerializeToString() for v in verdicts]
    encode_s = best_of(3, lambda: [v.SerializeToString() for v in verdicts])
    processor = server.MatchProcessor(settings)
    batch = getattr(server, "STAGE_BATCH", 500)
    outputs = 0
    started = time.perf_counter()
    for i in range(0, len(matches), batch):  # as the loop runs it: outputs of a batch, latest per key
        latest, kept = {}, []
        for m in matches[i:i + batch]:
            for out in processor.process(m):
                if getattr(out, "latest_per_key", False):
                    latest.pop((out.topic, out.key), None)
                    latest[(out.topic, out.key)] = out
                else:
                    kept.append(out)
        for out in kept + list(latest.values()):
            outputs += 1
            out.value.SerializeToString()
    processor_s = time.perf_counter() - started
    return {"decode_per_s": per_second(len(values), decode_s), "apply_per_s": per_second(len(matches), apply_s),
            "apply_in_place_per_s": per_second(len(matches), in_place_s) if in_place_s else None,
            "encode_per_s": per_second(len(encoded), encode_s),
            "verdict_bytes_mean": round(sum(map(len, encoded)) / max(1, len(encoded))),
            "processor_with_encode_per_s": per_second(len(matches), processor_s),
            "processor_outputs": outputs}


async def run_stage(bootstrap: str, prefix: str, expect: int) -> dict:
    from services.scorer import server
    from shared.config import Settings, Topics
    from shared.kafka import TransformLoop

    settings = Settings(kafka_bootstrap=bootstrap, topics=Topics(prefix))
    if hasattr(server, "verdict_stage"):  # the stage as the service builds it
        loop = server.verdict_stage(settings)
    else:
        loop = TransformLoop(settings, stage="scorer", input_topic=settings.topics.matches,
                             processor=server.MatchProcessor(settings))
    stop = asyncio.Event()
    task = asyncio.create_task(loop.run(stop))
    launched = time.perf_counter()
    progress: list[tuple[float, int, float]] = []  # (time, records committed, CPU seconds)
    while loop.processed < expect and not task.done():
        await asyncio.sleep(0.02)
        if not progress or loop.processed != progress[-1][1]:
            progress.append((time.perf_counter(), loop.processed, time.process_time()))
    stop.set()
    await task
    first = next(p for p in progress if p[1] > 0)
    last = progress[-1]
    records = last[1] - first[1]
    return {"records": last[1], "complete": last[1] >= expect,
            "launch_to_first_commit_s": round(first[0] - launched, 3),
            "first_to_last_commit_s": round(last[0] - first[0], 3),
            "updates_per_s": per_second(records, last[0] - first[0]),
            "updates_per_cpu_s": per_second(records, last[2] - first[2])}


def worker(args: argparse.Namespace) -> None:
    from shared.config import Settings
    from shared.log import configure_logging

    configure_logging("scorer", "info", "json")  # as the service runs: debug lines filtered out
    values = read_matches(args.matches_file)
    result = {"domain": domain_figures(values, Settings()) if args.domain else None}
    if args.bootstrap:
        result["stage"] = asyncio.run(run_stage(args.bootstrap, args.prefix, len(values)))
    print(json.dumps(result), flush=True)


# --- the parent: input, broker, rounds, checks, report ------------------------------------------

def git(*argv: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), *argv], check=True, capture_output=True, text=True).stdout.strip()


def build_matches(n: int, seed: int, story_key: str) -> Path:
    """N matches from generated stories, cached per seed, story key and version of the code making them."""
    makers = ("services/extractor", "services/matcher", "shared/storygen.py")
    trees = "".join(git("rev-parse", f"HEAD:{p}") for p in makers)
    path = CACHE / f"matches-{n}-{seed}-{story_key}-{hashlib.sha1(trees.encode()).hexdigest()[:12]}.bin"
    if path.exists():
        return path
    from shared.analyze import analyze
    from shared.storygen import generate

    print(f"building {n} matches from generated stories (cached in {path})", flush=True)
    articles = max(1, int(n / 2.9))
    while True:
        matches = analyze(generate(articles, seed=seed), story_key=story_key).matches
        if len(matches) >= n:
            break
        articles = int(articles * n / len(matches) * 1.05) + 1
    CACHE.mkdir(parents=True, exist_ok=True)
    with open(path.with_suffix(".tmp"), "wb") as f:
        for m in matches[:n]:
            data = m.SerializeToString()
            f.write(len(data).to_bytes(4, "big") + data)
    path.with_suffix(".tmp").rename(path)
    return path


async def produce_backlog(bootstrap: str, prefix: str, values: list[bytes]) -> None:
    from shared.config import Settings, Topics
    from shared.kafka import ensure_topics, idempotent_producer, record_headers

    settings = Settings(kafka_bootstrap=bootstrap, topics=Topics(prefix))
    await ensure_topics(settings)
    producer = idempotent_producer(settings, transactional_id=f"{prefix}.backlog", linger_ms=5)
    await producer.start()
    try:
        for i in range(0, len(values), BATCH):
            async with producer.transaction():
                for value in values[i:i + BATCH]:
                    match = match_pb2.ClaimMatch.FromString(value)
                    trace = f"00-{hashlib.md5(match.claim.article_id.encode()).hexdigest()}-{'0' * 15}1-01"
                    await producer.send(settings.topics.matches, value, key=match.cluster_id.encode(),
                                        headers=record_headers(match, [("traceparent", trace.encode())]))
    finally:
        await producer.stop()


async def check_verdicts(bootstrap: str, prefix: str, reference: dict[str, bytes]) -> dict:
    """Reads the verdicts topic back: duplicates of a (cluster, revision), and latest verdicts that
    differ from the in-process book's."""
    from aiokafka import AIOKafkaConsumer

    from shared.config import Topics

    consumer = AIOKafkaConsumer(Topics(prefix).verdicts, bootstrap_servers=bootstrap, isolation_level="read_committed",
                                enable_auto_commit=False, auto_offset_reset="earliest", max_poll_records=5000)
    await consumer.start()
    latest: dict[str, bytes] = {}
    seen: set[tuple[str, int]] = set()
    records = duplicates = 0
    stamps: list[int] = []  # producer timestamps (ms): a cross-check of the stage's own clock
    try:
        partitions = sorted(consumer.assignment())
        end = await consumer.end_offsets(partitions)
        while any([await consumer.position(tp) < end[tp] for tp in partitions]):
            for batch in (await consumer.getmany(timeout_ms=500)).values():
                for record in batch:
                    verdict = verdict_pb2.Verdict.FromString(record.value)
                    records += 1
                    duplicates += (verdict.cluster_id, verdict.revision) in seen
                    seen.add((verdict.cluster_id, verdict.revision))
                    latest[verdict.cluster_id] = record.value
                    stamps.append(record.timestamp)
    finally:
        await consumer.stop()
    wrong = sorted(c for c in reference if latest.get(c) != reference[c]) + sorted(set(latest) - set(reference))
    return {"verdict_records": records, "duplicate_revisions": duplicates, "clusters": len(latest),
            "first_to_last_verdict_sent_s": (max(stamps) - min(stamps)) / 1000 if stamps else None,
            "clusters_differing_from_reference": len(wrong), "ok": not duplicates and not wrong}


def reference_verdicts(values: list[bytes]) -> dict[str, bytes]:
    from services.scorer.scoring import VerdictBook

    book = VerdictBook(keep_claims=False)
    for value in values:
        book.apply(match_pb2.ClaimMatch.FromString(value))
    return {v.cluster_id: v.SerializeToString() for v in book.verdicts()}


def run_worker(code_root: Path, matches: Path, bootstrap: str = "", prefix: str = "", domain: bool = False,
               py_spy: Path | None = None) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", "--code-root", str(code_root),
           "--matches-file", str(matches), "--bootstrap", bootstrap, "--prefix", prefix]
    if domain:
        cmd.append("--domain")
    env = dict(os.environ, PYTHONPATH=str(code_root))
    log = open(CACHE / f"worker-{prefix or 'domain'}.log", "wb")
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=log, cwd=str(code_root))
    spy = None
    if py_spy is not None:
        from _profile import PySpy
        spy = PySpy(proc.pid, py_spy)
    out, _ = proc.communicate()
    log.close()
    summary = None
    if spy is not None:
        from _profile import summarize_collapsed
        spy.stop()
        summary = summarize_collapsed(py_spy) if py_spy.exists() else {"error": spy.error}
    if proc.returncode != 0:
        raise RuntimeError(f"worker failed ({proc.returncode}); see {log.name}")
    result = json.loads(out.decode().strip().splitlines()[-1])
    if summary is not None:
        result["py_spy"] = summary
    return result


async def main_async(args: argparse.Namespace) -> dict:
    from shared.kafka_runner import LocalKafka
    from _sampling import proc_sample

    CACHE.mkdir(parents=True, exist_ok=True)
    matches = build_matches(args.matches, args.seed, args.story_key)
    values = read_matches(matches)
    variants = {"this tree": ROOT}
    baseline_dir = None
    if args.baseline:
        baseline_dir = Path(tempfile.mkdtemp(prefix="claimcheck-baseline-"))
        subprocess.run(f"git -C {ROOT} archive {args.baseline} | tar -x -C {baseline_dir}", shell=True, check=True)
        variants = {f"baseline {args.baseline}": baseline_dir, "this tree": ROOT}
    report: dict = {
        "command": " ".join([Path(sys.executable).name] + sys.argv),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "loadavg_at_start": os.getloadavg()},
        "git": {"head": git("rev-parse", "--short", "HEAD"),
                "dirty": bool(git("status", "--porcelain", "--untracked-files=no")), "baseline": args.baseline,
                "baseline_commit": git("rev-parse", "--short", args.baseline) if args.baseline else None},
        "input": {"matches": len(values), "seed": args.seed, "story_key": args.story_key, "clusters": None,
                  "record_bytes_mean": round(sum(map(len, values)) / len(values))},
        "domain": {}, "rounds": []}
    reference = reference_verdicts(values)
    report["input"]["clusters"] = len(reference)
    for name, root in variants.items():
        report["domain"][name] = run_worker(root, matches, domain=True)["domain"]
        print(f"[domain] {name}: {report['domain'][name]}", flush=True)

    kafka = LocalKafka()
    await asyncio.to_thread(kafka.start)
    try:
        broker_pid = kafka._proc.pid if kafka._proc else None
        for round_no in range(args.rounds):
            for name, root in variants.items():
                prefix = f"cap{os.getpid()}-r{round_no}-{'base' if root != ROOT else 'tree'}"
                await produce_backlog(kafka.bootstrap, prefix, values)
                before = proc_sample(broker_pid) if broker_pid else None
                spy = CACHE / f"pyspy-{prefix}.txt" if args.py_spy and round_no == 0 else None
                result = await asyncio.to_thread(run_worker, root, matches, kafka.bootstrap, prefix, False, spy)
                after = proc_sample(broker_pid) if broker_pid else None
                entry = {"round": round_no, "variant": name, **result["stage"],
                         "broker_cpu_s": round(after.cpu_s - before.cpu_s, 2) if before and after else None}
                if round_no == 0 and args.verify:
                    entry["check"] = await check_verdicts(kafka.bootstrap, prefix, reference)
                if "py_spy" in result:
                    entry["py_spy"] = result["py_spy"]
                report["rounds"].append(entry)
                print(f"[round {round_no}] {name}: {entry['updates_per_s']} updates/s "
                      f"({entry['updates_per_cpu_s']} per stage CPU-s, broker {entry['broker_cpu_s']} CPU-s)"
                      + (f"; check {entry['check']}" if "check" in entry else ""), flush=True)
    finally:
        await asyncio.to_thread(kafka.stop)
        if baseline_dir is not None:
            subprocess.run(["rm", "-rf", str(baseline_dir)], check=False)
    summary = {}
    for name in variants:
        rates = [r["updates_per_s"] for r in report["rounds"] if r["variant"] == name]
        summary[name] = {"updates_per_s_rounds": rates, "updates_per_s_best": max(rates),
                         "updates_per_s_median": sorted(rates)[len(rates) // 2]}
    if args.baseline:
        base, tree = summary[f"baseline {args.baseline}"], summary["this tree"]
        ratios = [t["updates_per_s"] / b["updates_per_s"]
                  for b, t in zip(report["rounds"][0::2], report["rounds"][1::2])]
        summary["ratio_per_round"] = [round(r, 2) for r in ratios]
        summary["ratio_best"] = round(tree["updates_per_s_best"] / base["updates_per_s_best"], 2)
    report["summary"] = summary
    return report


def print_report(report: dict) -> None:
    from bench.report import table

    rows = []
    for name, d in report["domain"].items():
        stage = report["summary"][name]
        rows.append([name, d["decode_per_s"], d["apply_per_s"], d.get("apply_in_place_per_s") or "-",
                     d["encode_per_s"], d["verdict_bytes_mean"],
                     d["processor_with_encode_per_s"], d["processor_outputs"], stage["updates_per_s_median"],
                     stage["updates_per_s_best"]])
    print(table(rows, ["code", "decode/s", "apply/s", "apply in place/s", "encode/s", "verdict B", "processor+encode/s",
                       "records out", "stage updates/s (median)", "best"]))
    if "ratio_per_round" in report["summary"]:
        print(f"this tree / baseline per round: {report['summary']['ratio_per_round']}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--matches", type=int, default=50_000, help="ClaimMatch records in the backlog")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--story-key", default="single", choices=("single", "place"),
                        help="how the matcher groups claims into stories (place: many more, smaller clusters)")
    parser.add_argument("--rounds", type=int, default=2, help="runs of each variant, alternating")
    parser.add_argument("--baseline", default="main", help="git ref to compare with; '' for this tree only")
    parser.add_argument("--no-verify", dest="verify", action="store_false", help="skip reading the verdicts back")
    parser.add_argument("--py-spy", action="store_true", help="sample each variant's first round with py-spy")
    parser.add_argument("--out", default="scorer_capacity.json", help="file name under bench/results")
    # Internal: one stage run in a subprocess.
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--code-root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    parser.add_argument("--matches-file", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--bootstrap", default="", help=argparse.SUPPRESS)
    parser.add_argument("--prefix", default="", help=argparse.SUPPRESS)
    parser.add_argument("--domain", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args)
        return 0
    report = asyncio.run(main_async(args))
    print_report(report)
    from bench.report import write_json
    print("written", write_json(args.out, report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
