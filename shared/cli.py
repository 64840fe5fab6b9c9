"""`claimcheck`: run the stack, submit articles, watch verdicts, analyze files in-process."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import sys
import time
from collections import defaultdict

import grpc

from shared import client
from shared.articles_io import ArticleFileError, by_publication_time, load_articles, sample_articles
from shared.config import Settings
from shared.pb import verdict_pb2

STATUS_LABEL = {
    verdict_pb2.VERDICT_STATUS_SINGLE_SOURCE: "single_source",
    verdict_pb2.VERDICT_STATUS_CORROBORATED: "corroborated",
    verdict_pb2.VERDICT_STATUS_CONFLICTING: "conflicting",
}


def _label(status: int) -> str:
    return STATUS_LABEL.get(status, "unspecified")


def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def cmd_analyze(args: argparse.Namespace) -> int:
    from services.scorer.scoring import parse_source_aliases
    from shared.analyze import analyze  # the domain code loads only for commands that need it

    settings = Settings.from_env()
    articles = load_articles(args.file)
    result = analyze(articles, threshold=settings.match_threshold or None,
                     min_independent_sources=settings.min_independent_sources,
                     source_aliases=parse_source_aliases(settings.source_aliases))
    for row in result.rows():
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0


DECISION_NAMES = {1: "same", 2: "conflicting", 3: "different"}


def cmd_compare(args: argparse.Namespace) -> int:
    from services.extractor.extraction import analyze_sentence
    from services.matcher.matching import compare
    from shared.pairs_io import read_pairs

    from services.matcher.matching import DEFAULT_THRESHOLD

    threshold = Settings.from_env().match_threshold or DEFAULT_THRESHOLD
    for text_a, text_b in read_pairs(args.pairs):
        explanation = compare(analyze_sentence(text_a), analyze_sentence(text_b), threshold)
        sys.stdout.write(json.dumps({"decision": DECISION_NAMES[explanation.decision],
                                     "score": round(explanation.score, 2), "reason": explanation.reason},
                                    ensure_ascii=False) + "\n")
    return 0


def _print_verdict_change(verdict: verdict_pb2.Verdict) -> None:
    previous = _label(verdict.previous_status) if verdict.previous_status else "new"
    print(f"  verdict  {previous:>13} -> {_label(verdict.status):<13} "
          f"[{len(verdict.independent_sources)} src] {_short(verdict.canonical_text, 70)}", flush=True)


async def _watch(addr: str, include_current: bool, until: asyncio.Event | None = None) -> None:
    async with grpc.aio.insecure_channel(addr) as channel:
        async for verdict in client.watch_verdicts(channel, include_current):
            _print_verdict_change(verdict)
            if until is not None and until.is_set():
                return


async def _submit_all(addr: str, articles, quiet: bool = False) -> int:
    """Submits articles in publication order; returns how many claims the extractor will publish."""
    expected = 0
    async with grpc.aio.insecure_channel(addr) as channel:
        for article in by_publication_time(articles):
            reply = await client.submit_article(channel, article)
            expected += len(await client.extract(channel, article))
            if not quiet:
                print(f"submitted {reply.article_id} ({article.source}) -> partition {reply.partition} "
                      f"offset {reply.offset}", flush=True)
    return expected


def cmd_submit(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    try:
        asyncio.run(_submit_all(settings.extractor_addr, load_articles(args.file)))
    except grpc.aio.AioRpcError as exc:
        print(f"error: {exc.code().name}: {exc.details()}", file=sys.stderr)
        return 1
    return 0


def cmd_watch(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    try:
        asyncio.run(_watch(settings.scorer_addr, args.include_current))
    except KeyboardInterrupt:
        pass
    return 0


def print_verdict_table(claims) -> None:
    clusters: dict[str, list] = defaultdict(list)
    verdicts = {}
    for item in claims:
        clusters[item.verdict.cluster_id].append(item.claim)
        verdicts[item.verdict.cluster_id] = item.verdict
    order = {verdict_pb2.VERDICT_STATUS_CONFLICTING: 0, verdict_pb2.VERDICT_STATUS_CORROBORATED: 1,
             verdict_pb2.VERDICT_STATUS_SINGLE_SOURCE: 2}
    print(f"\n{'status':<14} {'sources':<8} claim")
    for cluster_id in sorted(verdicts, key=lambda c: (order.get(verdicts[c].status, 3), c)):
        verdict = verdicts[cluster_id]
        print(f"{_label(verdict.status):<14} {len(verdict.independent_sources):<8} {_short(verdict.canonical_text)}")
        print(f"{'':<23} from {', '.join(verdict.independent_sources)}")
        if verdict.status == verdict_pb2.VERDICT_STATUS_CONFLICTING:
            print(f"{'':<23} why: {_short(verdict.reason, 100)}")


async def _demo(stack) -> int:
    addrs = stack.addrs
    articles = sample_articles()
    print(f"submitting {len(articles)} sample articles over gRPC to the extractor at {addrs['extractor']}")
    watcher = asyncio.create_task(_watch(addrs["scorer"], include_current=False))
    await asyncio.sleep(0.5)  # let the watch stream open before the first verdict
    expected = await _submit_all(addrs["extractor"], articles)
    deadline = time.monotonic() + 120
    async with grpc.aio.insecure_channel(addrs["scorer"]) as channel:
        while True:
            claims = await client.list_all_claims(channel)
            if len(claims) >= expected or time.monotonic() > deadline:
                break
            await asyncio.sleep(0.5)
    await asyncio.sleep(0.5)
    watcher.cancel()
    print_verdict_table(claims)
    if len(claims) < expected:
        print(f"\nerror: only {len(claims)} of {expected} claims reached a verdict in time", file=sys.stderr)
        return 1
    print(f"\n{len(claims)} claims from {len(articles)} articles, "
          f"{len({c.verdict.cluster_id for c in claims})} clusters")
    return 0


def _stack_from_env(fixed_ports: bool = False):
    """A local stack; CLAIMCHECK_KAFKA_BOOTSTRAP uses that cluster instead of a local broker, and
    other CLAIMCHECK_* settings pass through to the services. With `fixed_ports` the services
    listen on their configured addresses (defaults 50051-50053) and the broker on 9092 when free;
    otherwise free ports are picked."""
    from shared.stack import SERVICES, LocalStack, port_is_free

    settings = Settings.from_env()
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
    p = commands.add_parser("analyze", help="extract, match and score a file in-process (no Kafka); JSONL out")
    p.add_argument("file", help="scenario JSON or JSONL with one article a line")
    p.set_defaults(func=cmd_analyze)
    p = commands.add_parser("compare", help="judge sentence pairs (same / conflicting / different); JSONL out")
    p.add_argument("--pairs", required=True, help="tab-separated pairs; MRPC's header is understood")
    p.set_defaults(func=cmd_compare)
    p = commands.add_parser("submit", help="submit articles to the extractor over gRPC")
    p.add_argument("file")
    p.set_defaults(func=cmd_submit)
    p = commands.add_parser("watch", help="stream verdict changes from the scorer")
    p.add_argument("--include-current", action="store_true", help="start with every current verdict")
    p.set_defaults(func=cmd_watch)
    p = commands.add_parser("up", help="run a local broker and the three services until Ctrl-C")
    p.set_defaults(func=cmd_up)
    p = commands.add_parser("demo", help="run the stack, submit the sample story, print verdicts, stop")
    p.set_defaults(func=cmd_demo)
    p = commands.add_parser("kafka", help="run only the local Kafka broker (see shared/kafka_runner.py)")
    p.add_argument("rest", nargs=argparse.REMAINDER)
    p.set_defaults(func=cmd_kafka)
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
