"""`claimcheck`: run the stack, submit articles, watch and list verdicts, analyze files in-process,
and diagnose a deployment (`doctor`)."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import sys
import time
from datetime import datetime

import grpc

from shared import render
from shared.articles_io import ArticleFileError, by_publication_time, iso_time, load_articles, sample_articles
from shared.client import AsyncClient
from shared.config import Settings
from shared.pb import verdict_pb2

STATUS_BY_NAME = {"single_source": verdict_pb2.VERDICT_STATUS_SINGLE_SOURCE,
                  "corroborated": verdict_pb2.VERDICT_STATUS_CORROBORATED,
                  "conflicting": verdict_pb2.VERDICT_STATUS_CONFLICTING}
DECISION_NAMES = {1: "same", 2: "conflicting", 3: "different"}


def cmd_analyze(args: argparse.Namespace) -> int:
    from services.scorer.scoring import parse_source_aliases
    from shared.analyze import analyze  # the domain code loads only for commands that need it

    settings = Settings.from_env()
    result = analyze(load_articles(args.file), threshold=settings.match_threshold or None,
                     min_independent_sources=settings.min_independent_sources,
                     source_aliases=parse_source_aliases(settings.source_aliases), story_key=settings.story_key)
    for row in result.rows():
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0


def _utc_time(text: str) -> datetime:
    try:
        return iso_time(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 time: {text!r} (e.g. 2025-03-12T09:15:00Z)") from None


def cmd_compare(args: argparse.Namespace) -> int:
    from services.matcher.matching import DEFAULT_THRESHOLD
    from shared.comparison import compare_texts
    from shared.pairs_io import read_pairs

    threshold = Settings.from_env().match_threshold or DEFAULT_THRESHOLD
    for text_a, text_b in read_pairs(args.pairs):
        explanation = compare_texts(text_a, text_b, threshold, args.published_at)
        sys.stdout.write(json.dumps({"decision": DECISION_NAMES[explanation.decision],
                                     "score": round(explanation.score, 2), "reason": explanation.reason,
                                     "rule": explanation.rule},
                                    ensure_ascii=False) + "\n")
    return 0


async def submit_all(cc: AsyncClient, articles, quiet: bool = False, as_json: bool = False) -> int:
    """Submits articles in publication order, with progress on stderr; returns the claims the
    extractor will publish for them."""
    expected, started = 0, time.monotonic()
    articles = by_publication_time(articles)
    for done, article in enumerate(articles, 1):
        reply = await cc.submit_article(article)
        expected += len((await cc.extract(article)).claims)
        if as_json:
            render.json_line(reply)
        elif not quiet:
            print(f"submitted {reply.article_id} ({article.source}) -> partition {reply.partition} "
                  f"offset {reply.offset}", flush=True)
        if len(articles) >= 50 and (done % 50 == 0 or done == len(articles)):
            rate = done / max(time.monotonic() - started, 1e-9)
            print(f"\r{done}/{len(articles)} articles, {rate:.0f}/s", end="" if done < len(articles) else "\n",
                  file=sys.stderr, flush=True)
    return expected


async def watch(cc: AsyncClient, include_current: bool, resume_after: int, as_json: bool) -> None:
    async for event in cc.watch_verdicts(include_current, resume_after):
        render.json_line(event) if as_json else render.verdict_change(event)


def _rpc_errors(run):
    """Runs a client coroutine; a gRPC error becomes one plain line and exit code 1."""
    try:
        return asyncio.run(run) or 0
    except grpc.aio.AioRpcError as exc:
        print(f"error: {exc.code().name}: {exc.details()}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0


def cmd_submit(args: argparse.Namespace) -> int:
    articles = load_articles(args.file)

    async def run() -> None:
        async with AsyncClient.from_env() as cc:
            await submit_all(cc, articles, quiet=args.quiet, as_json=args.json)
    return _rpc_errors(run())


def cmd_watch(args: argparse.Namespace) -> int:
    async def run() -> None:
        async with AsyncClient.from_env(timeout=None) as cc:
            await watch(cc, args.include_current, args.resume_after, args.json)
    return _rpc_errors(run())


def cmd_claims(args: argparse.Namespace) -> int:
    filters = {"status": STATUS_BY_NAME.get(args.status, 0), "source": args.source, "entity": args.entity,
               "text": args.text}

    async def run() -> None:
        async with AsyncClient.from_env() as cc:
            claims = await cc.all_claims(**filters)
        if args.json:
            for item in claims:
                render.json_line(item)
        else:
            render.verdict_table(claims)
    return _rpc_errors(run())


def cmd_doctor(args: argparse.Namespace) -> int:
    from shared.doctor import diagnose

    return asyncio.run(diagnose(Settings.from_env()))


async def _demo(stack) -> int:
    articles = sample_articles()
    print(f"submitting {len(articles)} sample articles over gRPC to the extractor at {stack.addrs['extractor']}")
    async with AsyncClient(stack.client_settings()) as cc:
        watcher = asyncio.create_task(watch(cc, include_current=False, resume_after=0, as_json=False))
        await asyncio.sleep(0.5)  # let the watch stream open before the first verdict
        expected = await submit_all(cc, articles)
        deadline = time.monotonic() + 120
        while True:
            claims = await cc.all_claims()
            if len(claims) >= expected or time.monotonic() > deadline:
                break
            await asyncio.sleep(0.5)
        await asyncio.sleep(0.5)
        watcher.cancel()
    render.verdict_table(claims)
    if len(claims) < expected:
        print(f"\nerror: only {len(claims)} of {expected} claims reached a verdict in time", file=sys.stderr)
        return 1
    print(f"\n{len(claims)} claims from {len(articles)} articles, {len({c.verdict.cluster_id for c in claims})} clusters")
    return 0


def _stack_from_env(fixed_ports: bool = False):
    """A local stack; CLAIMCHECK_KAFKA_BOOTSTRAP uses that cluster instead of a local broker, and
    other CLAIMCHECK_* settings pass through to the services. With `fixed_ports` the services
    listen on their configured addresses (defaults 50051-50053) and the broker on 9092 when free;
    otherwise free ports are picked."""
    from shared.stack import SERVICES, LocalStack, port_is_free

    # "auto" metrics ports are the stack's to pick; the services each get a number.
    settings = Settings.from_env({k: v for k, v in os.environ.items() if (k, v) != ("CLAIMCHECK_METRICS_PORT", "auto")})
    passed = {k: v for k, v in os.environ.items()
              if k.startswith("CLAIMCHECK_") and not k.endswith("_ADDR") and k != "CLAIMCHECK_KAFKA_BOOTSTRAP"}
    addrs = {name: getattr(settings, f"{name}_addr") for name in SERVICES} if fixed_ports else None
    kafka_port = 9092 if fixed_ports and port_is_free(9092) else None
    return LocalStack(kafka_bootstrap=os.environ.get("CLAIMCHECK_KAFKA_BOOTSTRAP") or None, env=passed,
                      addrs=addrs, kafka_port=kafka_port)


def cmd_demo(args: argparse.Namespace) -> int:
    started = time.monotonic()
    stack = _stack_from_env()
    print("starting Kafka and the three services (logs in", stack.log_dir, ")", flush=True)
    with stack:
        print(f"stack up in {time.monotonic() - started:.1f}s: kafka {stack.bootstrap}, "
              + ", ".join(f"{n} {a}" for n, a in stack.addrs.items()), flush=True)
        code = asyncio.run(_demo(stack))
    print(f"demo finished in {time.monotonic() - started:.1f}s, stack stopped")
    return code


def cmd_up(args: argparse.Namespace) -> int:
    stack = _stack_from_env(fixed_ports=True)
    stop = []
    for sig in (signal.SIGTERM, signal.SIGINT):  # SIGINT too: a backgrounded shell job ignores it by default
        signal.signal(sig, lambda *_: stop.append(True))
    with stack:
        print(f"CLAIMCHECK_KAFKA_BOOTSTRAP={stack.bootstrap}")
        for name, addr in stack.addrs.items():
            print(f"CLAIMCHECK_{name.upper()}_ADDR={addr}")
        for name, port in stack.metrics_ports.items():
            print(f"{name} metrics: http://127.0.0.1:{port}/metrics")
        print(f"logs: {stack.log_dir}   (Ctrl-C stops everything)", flush=True)
        while not stop:
            for name, process in stack.processes.items():
                if process.poll() is not None:
                    print(f"{name} exited with {process.returncode}; restarting", flush=True)
                    stack.start_service(name)
            time.sleep(1)
        print("stopping", flush=True)
    return 0


def cmd_kafka(args: argparse.Namespace) -> int:
    from shared import kafka_runner

    return kafka_runner.main(args.rest) or 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="claimcheck", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    def command(name: str, func, help: str, json_flag: bool = False) -> argparse.ArgumentParser:
        p = commands.add_parser(name, help=help, description=help)
        p.set_defaults(func=func)
        if json_flag:
            p.add_argument("--json", action="store_true", help="JSON lines on stdout, for scripts")
        return p

    p = command("analyze", cmd_analyze, "extract, match and score a file in-process (no Kafka); JSONL out")
    p.add_argument("file", help="scenario JSON or JSONL with one article a line")
    p = command("compare", cmd_compare, "judge sentence pairs (same / conflicting / different); JSONL out")
    p.add_argument("--pairs", required=True, help="tab-separated pairs; MRPC's header is understood")
    p.add_argument("--published-at", type=_utc_time, metavar="ISO-8601",
                   help="resolve 'on Tuesday', 'yesterday' against this time (both sentences); "
                        "without it such dates are compared as written")
    p = command("submit", cmd_submit, "submit articles to the extractor over gRPC", json_flag=True)
    p.add_argument("file")
    p.add_argument("--quiet", action="store_true", help="progress only")
    p = command("watch", cmd_watch, "stream verdict changes from the scorer", json_flag=True)
    p.add_argument("--include-current", action="store_true", help="start with every current verdict")
    p.add_argument("--resume-after", type=int, default=0, metavar="SEQ", help="continue after this sequence")
    p = command("claims", cmd_claims, "list claims with their verdicts (a table, or --json)", json_flag=True)
    p.add_argument("--status", choices=sorted(STATUS_BY_NAME))
    p.add_argument("--source", default="")
    p.add_argument("--entity", default="")
    p.add_argument("--text", default="")
    command("doctor", cmd_doctor, "check the broker, the topics and the services, and say what is wrong")
    command("up", cmd_up, "run a local broker and the three services until Ctrl-C")
    command("demo", cmd_demo, "run the stack, submit the sample story, print verdicts, stop")
    p = command("kafka", cmd_kafka, "run only the local Kafka broker (see shared/kafka_runner.py)")
    p.add_argument("rest", nargs=argparse.REMAINDER)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (ArticleFileError, FileNotFoundError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `claimcheck analyze … | head` is fine
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
