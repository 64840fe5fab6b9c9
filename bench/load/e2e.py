"""End-to-end load benchmark: a real local Kafka broker, the three services as separate processes,
articles submitted over gRPC `SubmitArticle` at fixed rates, verdicts read from
`<prefix>.verdicts.v1` with read_committed.

Each article is sent with its own W3C `traceparent` (gRPC metadata); every stage copies it into the
Kafka headers of what it produces, so the verdict records an article caused are found by it. An
article's latency is the arrival of the last verdict record carrying its traceparent minus the
moment its SubmitArticle returned (articles with no claims cause no verdict; they are counted
apart). The claims and matches topics are read the same way, so the latency is also split by stage.

Phases (each on fresh services and a fresh topic prefix, one broker for the whole run, so a
saturated phase leaves no backlog to the next):

  rate R     R articles/s for --duration s (open loop, up to --max-inflight calls in flight), then
             up to --drain-timeout s for the last verdicts; p50/p95/p99/max latency, throughput,
             consumer lag, CPU and RSS of every process over time, memory flatness.
  burst N    N articles as fast as the extractor accepts them.
  knee       the rate is stepped up (then bisected) until p95 passes 2 s (--knee-*).
  stages     per-stage capacity: N articles are produced straight onto the articles topic while
             all services are stopped, then extractor, matcher and scorer are started one at a time
             and each is timed while it works through its backlog alone (transactions on).
  profile    the slowest stage (in articles/s) is run again on the same backlog under py-spy, and
             its domain code under cProfile in-process.

    .venv/bin/python bench/load/e2e.py                                  # ~10 min
    .venv/bin/python bench/load/e2e.py --rates 50 --duration 600 --burst 0 --no-knee \\
        --stage-backlog 0 --no-profile --match-window 172800 --article-index-size 5000
                                                                        # the 10-minute 50/s run

The 10-minute run uses a 2-day matching window (event time; the generated articles are 37 s apart,
so 10 minutes at 50/s publish 12.8 days of coverage) and a 5,000-article GetArticle index: every
bounded state fills up in the first minutes and must then stay flat, as it does over 14 days and
20,000 articles in production.

Prints the figures and writes them to bench/results/load_e2e.json (--out).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import platform
import secrets
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _code_root() -> Path:
    """--code-root DIR runs the services (and the in-process profile) from another checkout, e.g.
    `git archive HEAD | tar -x -C /tmp/cc-head` while this tree holds work in progress."""
    for i, arg in enumerate(sys.argv):
        if arg == "--code-root" and i + 1 < len(sys.argv):
            return Path(sys.argv[i + 1]).resolve()
        if arg.startswith("--code-root="):
            return Path(arg.split("=", 1)[1]).resolve()
    return ROOT


CODE_ROOT = _code_root()
sys.path.insert(0, str(CODE_ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import grpc  # noqa: E402
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer  # noqa: E402

from _profile import PySpy, cprofile_stage, summarize_collapsed  # noqa: E402
from _sampling import OffsetLag, now, proc_sample, scrape, scrape_all  # noqa: E402
from services.extractor.extraction import extract_claims  # noqa: E402
from shared.client import open_channel  # noqa: E402
from shared.config import Settings  # noqa: E402
from shared.kafka import ensure_topics, record_headers  # noqa: E402
try:  # a --code-root from before coalescing publishes a verdict record per change
    from shared.kafka import COALESCED_TRACES_HEADER  # noqa: E402
except ImportError:
    COALESCED_TRACES_HEADER = None
from shared.kafka_runner import LocalKafka  # noqa: E402
from shared.pb import extractor_service_pb2 as extractor_pb, extractor_service_pb2_grpc as extractor_grpc  # noqa: E402
from shared.stack import SERVICES, LocalStack  # noqa: E402
from shared.storygen import generate  # noqa: E402

GOAL_P95_S = 2.0
STAGE_INPUT = {"extractor": "articles", "matcher": "claims", "scorer": "matches"}
KNEE_LADDER = [10, 20, 35, 50, 75, 100, 150, 200, 300, 400, 600, 800]


def traceparent() -> str:
    return f"00-{secrets.token_hex(16)}-{secrets.token_hex(8)}-01"


def pct(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, math.ceil(q / 100 * len(ordered)) - 1))]


def r3(x: float | None) -> float | None:
    return None if x is None else round(x, 3)


class Workload:
    """Articles with their traceparents and the claim count the extractor will produce for each
    (the same domain code, run here beforehand: the expected verdict records per article)."""

    def __init__(self, n: int, seed: int) -> None:
        self.articles = generate(n, seed=seed)
        self.traces = [traceparent() for _ in self.articles]
        self.index = {t.encode(): i for i, t in enumerate(self.traces)}
        started = time.process_time()
        self.expected = [len(extract_claims(a)) for a in self.articles]
        self.extract_cpu_s = time.process_time() - started

    @property
    def claims(self) -> int:
        return sum(self.expected)


class Observer:
    """Reads claims, matches and verdicts (read_committed) and notes, per article, how many records
    of each carried its traceparent and when the last one arrived."""

    def __init__(self, bootstrap: str, topics, workload: Workload) -> None:
        self._bootstrap = bootstrap
        self._topic_kind = {topics.claims: "claims", topics.matches: "matches", topics.verdicts: "verdicts"}
        self._w = workload
        n = len(workload.articles)
        self.count = {k: [0] * n for k in ("claims", "matches", "verdicts")}
        self.last = {k: [0.0] * n for k in ("claims", "matches", "verdicts")}
        self.total = Counter()
        self.untraced = 0
        self.verdict_arrivals: list[float] = []
        self.ready = asyncio.Event()

    async def run(self, stop: asyncio.Event) -> None:
        consumer = AIOKafkaConsumer(*self._topic_kind, bootstrap_servers=self._bootstrap, group_id=None,
                                    isolation_level="read_committed", enable_auto_commit=False,
                                    auto_offset_reset="earliest", max_poll_records=2000)
        await consumer.start()
        try:
            self.ready.set()
            while not stop.is_set():
                batch = await consumer.getmany(timeout_ms=100)
                arrived = now()
                for tp, records in batch.items():
                    kind = self._topic_kind[tp.topic]
                    count, last = self.count[kind], self.last[kind]
                    self.total[kind] += len(records)
                    for record in records:
                        # A verdict record may stand for several changes (the scorer publishes only a
                        # cluster's latest per batch); it carries the traceparents of all of them.
                        found = [self._w.index.get(value)
                                 for key, value in record.headers or () if key == "traceparent"]
                        found += [self._w.index.get(value) for key, values in record.headers or ()
                                  if key == COALESCED_TRACES_HEADER for value in values.split(b",")]
                        found = [i for i in found if i is not None]
                        if not found:
                            self.untraced += 1
                            continue
                        for i in found:
                            count[i] += 1
                            last[i] = arrived
                    if kind == "verdicts":
                        self.verdict_arrivals.extend([arrived] * len(records))
        finally:
            await consumer.stop()

    def complete(self, i: int) -> bool:
        return self.count["verdicts"][i] >= self._w.expected[i]


class Sampler:
    """Every `interval` s: CPU/RSS of each service, the broker and this process; the services'
    /metrics (records per stage, lag, time in transactions); lag from Kafka offsets."""

    def __init__(self, stack: LocalStack, broker_pid: int | None, interval: float, t0: float) -> None:
        self._stack = stack
        self._broker_pid = broker_pid
        self._interval = interval
        self._t0 = t0
        self.samples: list[dict] = []
        topics = stack.topics
        self._lag = OffsetLag(stack.bootstrap, {s: getattr(topics, STAGE_INPUT[s]) for s in SERVICES},
                              {s: f"{topics.prefix}.{s}" for s in SERVICES})

    def pids(self) -> dict[str, int]:
        pids = {name: p.pid for name, p in self._stack.processes.items()}
        if self._broker_pid:
            pids["kafka"] = self._broker_pid
        pids["bench"] = os.getpid()
        return pids

    async def take(self) -> dict:
        sample = {"t": round(now() - self._t0, 3), "proc": {}}
        for name, pid in self.pids().items():
            ps = proc_sample(pid)
            sample["proc"][name] = None if ps is None else {"cpu_s": round(ps.cpu_s, 3), "rss_mb": round(ps.rss_mb, 1)}
        metrics = await scrape_all(self._stack.metrics_ports)
        sample["metrics"] = metrics
        sample["lag_offsets"] = await self._lag.sample()
        sample["loadavg"] = os.getloadavg()[0]
        return sample

    async def run(self, stop: asyncio.Event) -> None:
        await self._lag.start()
        try:
            while True:
                self.samples.append(await self.take())
                try:
                    await asyncio.wait_for(stop.wait(), self._interval)
                    self.samples.append(await self.take())
                    return
                except asyncio.TimeoutError:
                    pass
        finally:
            await self._lag.stop()


def new_stack(bootstrap: str, prefix: str, work: Path, args: argparse.Namespace) -> LocalStack:
    """Fresh services on their own topics; --instances, --partitions and --story-key shape them."""
    log_dir = work / prefix
    log_dir.mkdir(parents=True, exist_ok=True)
    return LocalStack(kafka_bootstrap=bootstrap, log_dir=log_dir,
                      instances={name: args.instances for name in ("extractor", "matcher", "scorer")},
                      env={"CLAIMCHECK_TOPIC_PREFIX": prefix, "CLAIMCHECK_METRICS_PORT": "auto",
                           "CLAIMCHECK_LOG_LEVEL": args.service_log_level,
                           "CLAIMCHECK_TOPIC_PARTITIONS": str(args.partitions),
                           "CLAIMCHECK_STORY_KEY": args.story_key,
                           "CLAIMCHECK_MATCH_WINDOW_S": str(args.match_window),
                           "CLAIMCHECK_ARTICLE_INDEX_SIZE": str(args.article_index_size)})


async def submit_all(stub, workload: Workload, rate: float | None, max_inflight: int,
                     timeout: float) -> dict:
    """Open-loop generator: article i is sent at t0 + i/rate (as fast as allowed when rate is None),
    with at most `max_inflight` calls outstanding."""
    n = len(workload.articles)
    requests = [extractor_pb.SubmitArticleRequest(article=a) for a in workload.articles]
    sent = [0.0] * n
    returned: list[float | None] = [None] * n
    errors: Counter = Counter()
    late = []
    inflight = asyncio.Semaphore(max_inflight)
    tasks = []

    async def one(i: int) -> None:
        try:
            sent[i] = now()
            await stub.SubmitArticle(requests[i], timeout=timeout,
                                     metadata=(("traceparent", workload.traces[i]),))
            returned[i] = now()
        except grpc.aio.AioRpcError as exc:
            errors[exc.code().name] += 1
        finally:
            inflight.release()

    t0 = now()
    for i in range(n):
        if rate:
            target = t0 + i / rate
            delay = target - now()
            if delay > 0:
                await asyncio.sleep(delay)
            else:
                late.append(-delay)
        await inflight.acquire()
        tasks.append(asyncio.create_task(one(i)))
    await asyncio.gather(*tasks)
    t_end = now()
    ok = [r for r in returned if r is not None]
    return {"t0": t0, "t_end": t_end, "sent": sent, "returned": returned, "errors": dict(errors),
            "accepted": len(ok), "schedule_lag_p99_s": r3(pct(late, 99)) if late else 0.0,
            "send_window_s": (max(ok) - t0) if ok else None}


def summarize_samples(samples: list[dict], window: tuple[float, float]) -> dict:
    """CPU, RSS, lag and per-stage rates from the sampler's series (window: submit period, in s
    since the phase's t0)."""
    a, b = window
    inside = [s for s in samples if a - 1e-9 <= s["t"] <= b + 1e-9] or samples
    names = sorted({n for s in samples for n in s["proc"]})
    procs = {}
    for name in names:
        series = [(s["t"], s["proc"][name]) for s in samples if s["proc"].get(name)]
        if len(series) < 2:
            continue
        w = [(t, p) for t, p in series if a - 1e-9 <= t <= b + 1e-9] or series
        cpu_total = series[-1][1]["cpu_s"] - series[0][1]["cpu_s"]
        cpu_window = w[-1][1]["cpu_s"] - w[0][1]["cpu_s"]
        span = (w[-1][0] - w[0][0]) or 1e-9
        rss = [p["rss_mb"] for _, p in w]
        third = max(1, len(rss) // 3)
        first, last = sum(rss[:third]) / third, sum(rss[-third:]) / third
        middle = sum(rss[third:2 * third]) / len(rss[third:2 * third]) if len(rss) >= 3 else first
        growth = (last - first) / first * 100 if first else 0.0
        # State fills up to the window during the first third (see --match-window); after that a
        # bounded service holds its size: the steady-state growth is middle third -> last third.
        steady_growth = (last - middle) / middle * 100 if middle else 0.0
        procs[name] = {"cpu_s_phase": round(cpu_total, 2), "cpu_s_window": round(cpu_window, 2),
                       "cpu_pct_window": round(100 * cpu_window / span, 1),
                       "rss_mb_first_third": round(first, 1), "rss_mb_last_third": round(last, 1),
                       "rss_mb_max": round(max(p["rss_mb"] for _, p in series), 1),
                       "rss_growth_pct": round(growth, 1), "rss_growth_mb": round(last - first, 1),
                       "rss_mb_middle_third": round(middle, 1),
                       "rss_steady_growth_pct": round(steady_growth, 1),
                       "rss_mb_per_minute": [round(p["rss_mb"], 1) for t, p in w if int(t - w[0][0]) % 60 == 0][:60],
                       "memory_flat": abs(steady_growth) < 10.0}
    stages = {}
    for stage in SERVICES:
        ms = [(s["t"], s["metrics"].get(stage)) for s in inside if s["metrics"].get(stage)]
        lag_m = [m["lag"].get(stage, 0.0) for _, m in ms]
        lag_o = [s["lag_offsets"].get(stage) for s in inside if s["lag_offsets"].get(stage) is not None]
        entry = {"lag_metrics_max": max(lag_m) if lag_m else None,
                 "lag_offsets_max": max(lag_o) if lag_o else None,
                 "lag_offsets_end_of_window": lag_o[-1] if lag_o else None}
        if len(ms) >= 2:
            (t1, m1), (t2, m2) = ms[0], ms[-1]
            done = m2["processed"].get(stage, 0) - m1["processed"].get(stage, 0)
            busy = m2["txn_sum"].get(stage, 0) - m1["txn_sum"].get(stage, 0)
            span = (t2 - t1) or 1e-9
            entry.update({"records_per_s": round(done / span, 1), "busy_fraction": round(busy / span, 3),
                          "capacity_estimate_per_s": round(done / busy, 1) if busy > 0 else None,
                          "transactions": m2["txn_count"].get(stage, 0) - m1["txn_count"].get(stage, 0)})
        stages[stage] = entry
    timeline = [{"t": s["t"], "load1": round(s["loadavg"], 2),
                 "lag_metrics": {st: (s["metrics"].get(st) or {}).get("lag", {}).get(st) for st in SERVICES},
                 "lag_offsets": s["lag_offsets"],
                 "processed": {st: (s["metrics"].get(st) or {}).get("processed", {}).get(st) for st in SERVICES},
                 "cpu_s": {n: (s["proc"].get(n) or {}).get("cpu_s") for n in names},
                 "rss_mb": {n: (s["proc"].get(n) or {}).get("rss_mb") for n in names}} for s in samples]
    return {"processes": procs, "stages": stages, "timeline": timeline}


async def run_phase(bootstrap: str, broker_pid: int | None, work: Path, name: str, n: int, rate: float | None,
                    args: argparse.Namespace, seed: int) -> dict:
    """One load phase on a fresh stack: submit, observe, drain, summarize."""
    workload = Workload(n, seed)
    prefix = f"load{os.getpid()}-{name}"
    stack = new_stack(bootstrap, prefix, work, args)
    print(f"[{name}] starting services (prefix {prefix}); {n} articles, {workload.claims} claims expected, "
          f"{workload.expected.count(0)} with no claim", flush=True)
    await asyncio.to_thread(stack.start)
    try:
        t0 = now()
        load_before = os.getloadavg()
        stop_obs, stop_sampler = asyncio.Event(), asyncio.Event()
        observer = Observer(bootstrap, stack.topics, workload)
        sampler = Sampler(stack, broker_pid, args.sample_interval, t0)
        obs_task = asyncio.create_task(observer.run(stop_obs))
        samp_task = asyncio.create_task(sampler.run(stop_sampler))
        await observer.ready.wait()
        channel = open_channel(stack.addrs["extractor"], stack.client_settings())
        try:
            stub = extractor_grpc.ExtractorServiceStub(channel)
            sub = await submit_all(stub, workload, rate, args.max_inflight, args.submit_timeout)
        finally:
            await channel.close()
        t_sub_end = now()
        accepted = [i for i, r in enumerate(sub["returned"]) if r is not None]
        waiting = [i for i in accepted if workload.expected[i] > 0]
        drain_deadline = now() + args.drain_timeout
        while now() < drain_deadline:
            if all(observer.complete(i) for i in waiting):
                break
            await asyncio.sleep(0.1)
        t_obs_end = now()
        await asyncio.sleep(0.3)  # a last sample after the drain
        stop_obs.set()
        stop_sampler.set()
        await asyncio.gather(obs_task, samp_task)
        load_after = os.getloadavg()
    finally:
        await asyncio.to_thread(stack.stop)

    # Latencies.
    lat, lower_bounds, by_stage = [], [], {"claims": [], "matches": []}
    zero_claim, extra_verdicts = 0, 0
    for i in accepted:
        ret = sub["returned"][i]
        if workload.expected[i] == 0:
            zero_claim += 1
            extra_verdicts += observer.count["verdicts"][i]
            continue
        if observer.complete(i):
            lat.append(observer.last["verdicts"][i] - ret)
            extra_verdicts += observer.count["verdicts"][i] - workload.expected[i]
        else:
            lower_bounds.append(t_obs_end - ret)
        for kind in by_stage:
            if observer.count[kind][i] >= workload.expected[i]:
                by_stage[kind].append(observer.last[kind][i] - ret)
    censored = sorted(lat + [math.inf] * len(lower_bounds))
    latency = {}
    for q in (50, 95, 99, 100):
        v = pct(censored, q)
        key = "max" if q == 100 else f"p{q}"
        latency[key] = r3(v) if v is not None and math.isfinite(v) else None
        if v is not None and not math.isfinite(v):
            latency[key + "_lower_bound"] = r3(min(lower_bounds))
    latency["mean"] = r3(sum(lat) / len(lat)) if lat else None
    stage_lat = {f"to_last_{k}": {"p50": r3(pct(v, 50)), "p95": r3(pct(v, 95))} for k, v in by_stage.items()}

    window = (0.0, (max(sub["returned"][i] for i in accepted) - t0) if accepted else 0.0)
    series = summarize_samples(sampler.samples, window)
    ok_returns = [sub["returned"][i] for i in accepted]
    send_span = (max(ok_returns) - sub["t0"]) if ok_returns else None
    v_arr = observer.verdict_arrivals
    verdict_span = (max(v_arr) - sub["t0"]) if v_arr else None
    p95 = latency.get("p95")
    result = {
        "phase": name, "rate_target": rate, "articles": n, "accepted": sub["accepted"],
        "submit_errors": sub["errors"], "claims_expected": workload.claims,
        "zero_claim_articles": zero_claim, "articles_with_all_verdicts": len(lat),
        "articles_incomplete_at_end": len(lower_bounds),
        "claims_seen": observer.total["claims"], "matches_seen": observer.total["matches"],
        "verdicts_seen": observer.total["verdicts"], "untraced_records": observer.untraced,
        "unexpected_extra_verdicts": extra_verdicts,
        "latency_s": latency, "latency_by_stage_s": stage_lat,
        "throughput": {
            "accepted_articles_per_s": round(len(ok_returns) / send_span, 2) if send_span else None,
            "verdict_updates_per_s": round(len(v_arr) / verdict_span, 2) if verdict_span else None,
            "generator_schedule_lag_p99_s": sub["schedule_lag_p99_s"],
            "submit_seconds": r3(send_span),
            "drain_seconds_after_submit": r3(t_obs_end - t_sub_end),
        },
        "p95_within_goal": p95 is not None and p95 <= GOAL_P95_S and not lower_bounds,
        "loadavg_before_after": [round(load_before[0], 2), round(load_after[0], 2)],
        **series,
    }
    print_phase(result)
    return result


def print_phase(r: dict) -> None:
    lat, thr = r["latency_s"], r["throughput"]

    def fmt(key: str) -> str:
        if lat.get(key) is not None:
            return f"{lat[key]:.3f}"
        return f">{lat[key + '_lower_bound']:.1f}" if lat.get(key + "_lower_bound") is not None else "-"

    print(f"[{r['phase']}] accepted {r['accepted']}/{r['articles']} (errors {r['submit_errors'] or 'none'}), "
          f"{thr['accepted_articles_per_s']} art/s accepted, {thr['verdict_updates_per_s']} verdicts/s; "
          f"latency s p50 {fmt('p50')} p95 {fmt('p95')} p99 {fmt('p99')} max {fmt('max')}; "
          f"incomplete {r['articles_incomplete_at_end']}, zero-claim {r['zero_claim_articles']}; "
          f"load1 {r['loadavg_before_after']}", flush=True)
    bs = r["latency_by_stage_s"]
    print(f"    by stage p50/p95: claims {bs['to_last_claims']['p50']}/{bs['to_last_claims']['p95']}  "
          f"matches {bs['to_last_matches']['p50']}/{bs['to_last_matches']['p95']}", flush=True)
    for stage, s in r["stages"].items():
        print(f"    {stage:9} {s.get('records_per_s')} rec/s, busy {s.get('busy_fraction')}, "
              f"capacity~{s.get('capacity_estimate_per_s')}/s, lag max {s.get('lag_metrics_max')} (metrics) "
              f"{s.get('lag_offsets_max')} (offsets), end {s.get('lag_offsets_end_of_window')}", flush=True)
    for name, p in r["processes"].items():
        print(f"    {name:9} cpu {p['cpu_s_window']:.1f}s ({p['cpu_pct_window']}%), rss by third {p['rss_mb_first_third']}"
              f" / {p['rss_mb_middle_third']} / {p['rss_mb_last_third']} MB (steady {p['rss_steady_growth_pct']:+}%)"
              f" flat={p['memory_flat']}", flush=True)


async def stage_backlog(bootstrap: str, work: Path, n: int, args: argparse.Namespace, seed: int,
                        profile_stage: str | None = None) -> dict:
    """Per-stage capacity: a backlog on the articles topic, then each stage alone catches up."""
    workload = Workload(n, seed)
    tag = "profile" if profile_stage else "stages"
    prefix = f"load{os.getpid()}-{tag}"
    stack = new_stack(bootstrap, prefix, work, args)
    print(f"[{tag}] {n} articles ({workload.claims} claims) produced onto {stack.topics.articles} "
          f"with all services stopped", flush=True)
    result: dict = {"articles": n, "claims": workload.claims, "stages": {}}
    try:
        # Topics only; each service is started later, alone, on its backlog.
        await ensure_topics(stack.client_settings())
        producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", enable_idempotence=True, linger_ms=5)
        await producer.start()
        try:
            futures = [await producer.send(stack.topics.articles, a.SerializeToString(), key=a.id.encode(),
                                           headers=record_headers(a, [("traceparent", workload.traces[i].encode())]))
                       for i, a in enumerate(workload.articles)]
            await asyncio.gather(*futures)
        finally:
            await producer.stop()
        totals = {"extractor": n, "matcher": workload.claims, "scorer": workload.claims}
        for name in SERVICES:
            # Polled from launch: a stage may work through part of its backlog before it reports
            # SERVING, so the rate is taken between the 10% and 90% crossings of its counter.
            t_launch = now()
            process = stack.start_service(name)
            spy = None
            port = stack.metrics_ports[name]
            series, last_progress, count = [], now(), 0.0
            while process.poll() is None:
                m = await asyncio.to_thread(scrape, port, 1.0)
                t, ps = now(), proc_sample(process.pid)
                if m is not None:
                    if spy is None and name == profile_stage:
                        spy = PySpy(process.pid, work / f"pyspy-{name}.txt")
                    c = m["processed"].get(name, 0.0) + m["dlq"].get(name, 0.0)
                    if c > count:
                        last_progress = t
                    count = c
                    series.append((t, c, m["txn_sum"].get(name, 0.0), ps.cpu_s if ps else None))
                elif t - t_launch > args.stall_timeout:
                    break
                if count >= totals[name] or t - last_progress > args.stall_timeout:
                    break
                await asyncio.sleep(0.1)  # faster polling shows up in the stage's own profile
            t_done = now()
            if spy is not None:
                spy.stop()
            total = totals[name]

            def crossing(frac: float, col: int = 0):
                """(time, cpu) interpolated where the counter crossed frac * total."""
                target = frac * total
                for (ta, ca, _, ua), (tb, cb, _, ub) in zip(series, series[1:]):
                    if ca < target <= cb:
                        f = (target - ca) / (cb - ca)
                        cpu = ua + (ub - ua) * f if ua is not None and ub is not None else None
                        return ta + (tb - ta) * f, cpu
                return None, None

            (t10, u10), (t90, u90) = crossing(0.1), crossing(0.9)
            first = next((t for t, c, _, _ in series if c > 0), None)
            busy = series[-1][2] if series else 0.0
            span = t90 - t10 if t10 is not None and t90 is not None else None
            cpu_span = u90 - u10 if u10 is not None and u90 is not None else None
            entry = {"input_records": total, "processed": count, "complete": count >= total,
                     "launch_to_first_progress_s": r3(first - t_launch) if first else None,
                     "first_progress_to_done_s": r3(t_done - first) if first else None,
                     "samples": len(series),
                     "records_per_s_10_90": round(0.8 * total / span, 1) if span and span > 0 else None,
                     "records_per_s_in_transactions": round(count / busy, 1) if busy else None,
                     "cpu_s_10_90": r3(cpu_span),
                     "records_per_cpu_s_10_90": round(0.8 * total / cpu_span, 1) if cpu_span else None,
                     "exit_code": process.poll()}
            per_article = totals[name] / n
            best = entry["records_per_s_10_90"]
            entry["articles_per_s_equivalent"] = round(best / per_article, 1) if best else None
            if spy is not None:
                entry["py_spy"] = (summarize_collapsed(spy.out) if spy.out.exists() else {"error": spy.error})
                entry["py_spy_raw"] = str(spy.out)
            result["stages"][name] = entry
            print(f"[{tag}] {name:9} {entry['processed']:.0f}/{total} records, {entry['samples']} samples: "
                  f"{entry['records_per_s_10_90']} rec/s (10-90%), {entry['records_per_cpu_s_10_90']} rec/cpu-s, "
                  f"{entry['records_per_s_in_transactions']} rec/s inside transactions, "
                  f"~{entry['articles_per_s_equivalent']} articles/s equivalent", flush=True)
            # Leave the stage running: later stages only read its committed output.
    finally:
        await asyncio.to_thread(stack.stop)
    eq = {s: e["articles_per_s_equivalent"] for s, e in result["stages"].items() if e.get("articles_per_s_equivalent")}
    result["slowest_stage"] = min(eq, key=eq.get) if eq else None
    result["claims_per_article"] = round(workload.claims / n, 3)
    result["_workload"] = workload
    return result


async def find_knee(bootstrap: str, broker_pid: int | None, work: Path, phases: dict[float, dict],
                    args: argparse.Namespace) -> dict:
    """Steps the rate up (then bisects) until p95 passes the goal; reuses the measured rates."""
    def passed(r: dict) -> bool:
        return r["p95_within_goal"]

    steps = 0
    while steps < args.knee_steps:
        good = [rate for rate, r in phases.items() if passed(r)]
        bad = [rate for rate, r in phases.items() if not passed(r)]
        hi_good = max(good) if good else None
        lo_bad = min((b for b in bad if hi_good is None or b > hi_good), default=None)
        if lo_bad is None:
            nxt = next((x for x in KNEE_LADDER if x > (hi_good or 0) and x <= args.knee_max_rate), None)
            if nxt is None:
                break
        else:
            if hi_good is None:
                lo = next((x for x in reversed(KNEE_LADDER) if x < lo_bad), None)
                if lo is None:
                    break
                nxt = lo
            else:
                if lo_bad / hi_good <= 1 + args.knee_precision:
                    break
                nxt = round(math.sqrt(hi_good * lo_bad))
                if nxt in phases:
                    break
        steps += 1
        phases[nxt] = await run_phase(bootstrap, broker_pid, work, f"knee{nxt}", max(1, int(nxt * args.knee_duration)),
                                      nxt, args, args.seed)
    good = [rate for rate, r in phases.items() if passed(r)]
    bad = [rate for rate, r in phases.items() if not passed(r)]
    hi_good = max(good) if good else None
    lo_bad = min((b for b in bad if hi_good is None or b > hi_good), default=None)
    return {"goal_p95_s": GOAL_P95_S, "highest_rate_within_goal": hi_good, "lowest_rate_over_goal": lo_bad,
            "p95_by_rate": {f"{k:g}": (v["latency_s"].get("p95") if v["latency_s"].get("p95") is not None
                                     else f">{v['latency_s'].get('p95_lower_bound')}")
                            for k, v in sorted(phases.items())},
            "steps_run": steps}


def strip(obj):
    if isinstance(obj, dict):
        return {k: strip(v) for k, v in obj.items() if not k.startswith("_")}
    if isinstance(obj, list):
        return [strip(v) for v in obj]
    return obj


async def main_async(args: argparse.Namespace, report: dict) -> dict:
    work = Path(tempfile.mkdtemp(prefix="claimcheck-load-"))
    kafka = LocalKafka(data_dir=work / "kafka")
    report |= {
        "command": " ".join([Path(sys.executable).name] + sys.argv),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "loadavg_at_start": os.getloadavg()},
        "git": subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True).stdout.strip(),
        "code_root": str(CODE_ROOT),
        "work_tree_dirty": bool(subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
                                               capture_output=True, text=True).stdout.strip()),
        "settings": {k: v for k, v in vars(args).items() if k != "out"},
        "work_dir": str(work), "rates": {}, "bursts": {},
    }
    started = now()
    await asyncio.to_thread(kafka.start)
    broker_pid = getattr(getattr(kafka, "_proc", None), "pid", None)
    try:
        for rate in args.rates:
            report["rates"][f"{rate:g}"] = await run_phase(kafka.bootstrap, broker_pid, work, f"rate{rate:g}",
                                                         max(1, int(rate * args.duration)), rate, args, args.seed)
        for size in args.burst:
            report["bursts"][str(size)] = await run_phase(kafka.bootstrap, broker_pid, work, f"burst{size}",
                                                          size, None, args, args.seed + 1)
        if args.knee:
            phases = {rate: report["rates"][f"{rate:g}"] for rate in args.rates}
            knee = await find_knee(kafka.bootstrap, broker_pid, work, phases, args)
            report["knee"] = knee
            report["knee_phases"] = {f"{k:g}": v for k, v in phases.items() if f"{k:g}" not in report["rates"]}
            print(f"[knee] p95 <= {GOAL_P95_S}s up to {knee['highest_rate_within_goal']} art/s; "
                  f"over at {knee['lowest_rate_over_goal']} art/s; p95 by rate {knee['p95_by_rate']}", flush=True)
        if args.stage_backlog:
            stages = await stage_backlog(kafka.bootstrap, work, args.stage_backlog, args, args.seed + 2)
            report["stages"] = stages
            slowest = stages["slowest_stage"]
            print(f"[stages] slowest stage (articles/s equivalent): {slowest}", flush=True)
            if args.profile and slowest:
                prof = await stage_backlog(kafka.bootstrap, work, args.stage_backlog, args, args.seed + 2,
                                           profile_stage=slowest)
                entry = prof["stages"][slowest]
                print(f"[profile] cProfile of {slowest}'s domain code in-process on the same input", flush=True)
                cp = await asyncio.to_thread(cprofile_stage, slowest, stages["_workload"].articles)
                report["profile"] = {"stage": slowest, "py_spy_live": entry.get("py_spy"),
                                     "py_spy_raw": entry.get("py_spy_raw"),
                                     "rate_under_py_spy": entry.get("records_per_s_10_90"), "cprofile": cp}
                print_profile(report["profile"])
    finally:
        await asyncio.to_thread(kafka.stop)
    report["wall_seconds"] = round(now() - started, 1)
    return report


def print_profile(p: dict) -> None:
    spy = p.get("py_spy_live") or {}
    if spy.get("top_self"):
        print(f"[profile] py-spy on the live {p['stage']} ({spy['samples']} samples), top by self time:")
        for row in spy["top_self"][:15]:
            print(f"    {row['pct']:5.1f}%  {row['function']}")
        print("[profile] top inclusive:")
        for row in spy["top_inclusive"][:20]:
            print(f"    {row['pct']:5.1f}%  {row['function']}")
    elif spy:
        print(f"[profile] py-spy: {spy}")
    cp = p["cprofile"]
    print(f"[profile] cProfile of the domain code: {cp['items']} items, {cp['profiled_cpu_s']} s "
          f"({cp['items_per_s_under_profiler']}/s under the profiler); top by self time:")
    for row in cp["top_self"][:15]:
        print(f"    {row['self_pct']:5.1f}%  {row['self_s']:7.3f}s self {row['cum_s']:7.3f}s cum  "
              f"{row['calls']:>8} calls  {row['function']}")


def parse_list(text: str, kind=float) -> list:
    return [kind(x) for x in text.split(",") if x.strip() and kind(x) > 0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rates", type=parse_list, default=parse_list("10,50,200"),
                        help="articles/s, comma-separated (default 10,50,200)")
    parser.add_argument("--duration", type=float, default=60, help="seconds of submission per rate")
    parser.add_argument("--burst", type=lambda s: parse_list(s, int), nargs="?", const=[1000], default=[1000],
                        help="burst sizes, comma-separated; 0 skips (default 1000)")
    parser.add_argument("--knee", dest="knee", action="store_true", default=True)
    parser.add_argument("--no-knee", dest="knee", action="store_false")
    parser.add_argument("--knee-duration", type=float, default=30, help="seconds per extra rate of the knee search")
    parser.add_argument("--knee-steps", type=int, default=3, help="extra rates tried at most")
    parser.add_argument("--knee-max-rate", type=float, default=800)
    parser.add_argument("--knee-precision", type=float, default=0.25,
                        help="stop bisecting when the bracket's ratio is within 1 + this")
    parser.add_argument("--stage-backlog", type=int, default=3000, help="articles in the per-stage backlog; 0 skips")
    parser.add_argument("--profile", dest="profile", action="store_true", default=True)
    parser.add_argument("--no-profile", dest="profile", action="store_false")
    parser.add_argument("--drain-timeout", type=float, default=60, help="seconds to wait for verdicts after submitting")
    parser.add_argument("--stall-timeout", type=float, default=30, help="stage backlog: give up after no progress")
    parser.add_argument("--max-inflight", type=int, default=256)
    parser.add_argument("--submit-timeout", type=float, default=30)
    parser.add_argument("--sample-interval", type=float, default=1.0)
    parser.add_argument("--service-log-level", default="info")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--instances", type=int, default=1, help="processes of each service, in one consumer group")
    parser.add_argument("--partitions", type=int, default=1, help="partitions per topic")
    parser.add_argument("--match-window", type=float, default=Settings().match_window_s,
                        help="CLAIMCHECK_MATCH_WINDOW_S of the services, in event-time seconds (the generator "
                             "publishes an article every 37 s, so 30,000 articles span 12.8 days)")
    parser.add_argument("--article-index-size", type=int, default=Settings().article_index_size,
                        help="CLAIMCHECK_ARTICLE_INDEX_SIZE: accepted articles the extractor keeps for GetArticle")
    parser.add_argument("--story-key", default="single", choices=("single", "place"),
                        help="how claims are grouped into stories (place: stories spread over partitions)")
    parser.add_argument("--code-root", type=Path, default=ROOT,
                        help="checkout the services run from (default: this tree)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "load_e2e.json")
    args = parser.parse_args()
    args.burst = [b for b in args.burst if b > 0]
    args.out = args.out.resolve()
    if CODE_ROOT != ROOT:
        # The services run in the caller's cwd, and `python -m` imports from the cwd first: without
        # this they would run this tree's code, whatever --code-root says.
        os.chdir(CODE_ROOT)

    report: dict = {}
    try:
        asyncio.run(main_async(args, report))
    except BaseException as exc:  # keep what was measured
        report["error"] = repr(exc)
        raise
    finally:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(strip(report), indent=1, default=str))
        print(f"wrote {args.out} ({report.get('wall_seconds')} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
