"""A minimal outside subscriber of claimcheck's verdicts topic: the latest verdict per claim
cluster, printed as it changes. Needs only aiokafka and the generated protobuf code (shared/pb).

    python deploy/examples/verdict_subscriber.py --bootstrap 127.0.0.1:9092 [--group my-newsroom]

With --group the position is committed, so a restart continues where it stopped; without it the
whole (compacted) topic is read from the start, which gives the current verdict of every cluster.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from aiokafka import AIOKafkaConsumer

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from shared.pb import verdict_pb2  # noqa: E402

STATUS = {1: "single_source", 2: "corroborated", 3: "conflicting"}


async def subscribe(bootstrap: str, topic: str, group: str | None) -> None:
    consumer = AIOKafkaConsumer(topic, bootstrap_servers=bootstrap, group_id=group,
                                isolation_level="read_committed",  # only what the scorer committed
                                auto_offset_reset="earliest", enable_auto_commit=group is not None)
    await consumer.start()
    try:
        async for record in consumer:
            headers = dict(record.headers)
            if headers.get("claimcheck-type") != b"claimcheck.v1.Verdict":
                continue  # skip anything that is not a verdict (headers say what a record holds)
            verdict = verdict_pb2.Verdict.FromString(record.value)
            print(f"{record.key.decode()} rev {verdict.revision}: {STATUS.get(verdict.status, '?')} "
                  f"by {len(verdict.independent_sources)} source(s): {verdict.canonical_text[:80]}", flush=True)
    finally:
        await consumer.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bootstrap", default="127.0.0.1:9092")
    parser.add_argument("--topic", default="claimcheck.verdicts.v1")
    parser.add_argument("--group", default=None)
    args = parser.parse_args()
    try:
        asyncio.run(subscribe(args.bootstrap, args.topic, args.group))
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
