"""Probes used by the load benchmark while a stack runs: process CPU/RSS (psutil if installed,
else /proc), the services' Prometheus /metrics, and consumer lag from Kafka offsets."""

from __future__ import annotations

import asyncio
import os
import re
import time
import urllib.request
from dataclasses import dataclass

try:  # optional: the /proc fallback gives the same two figures on Linux
    import psutil  # type: ignore
except ImportError:  # pragma: no cover - depends on the venv
    psutil = None

_CLK_TCK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
_LINE = re.compile(r"^([A-Za-z_:][A-Za-z0-9_:]*)(?:\{([^}]*)\})?\s+(\S+)")
_LABEL = re.compile(r'(\w+)="((?:[^"\\]|\\.)*)"')


@dataclass
class ProcSample:
    cpu_s: float  # user + system seconds since the process started
    rss_mb: float


def proc_sample(pid: int) -> ProcSample | None:
    """CPU seconds and resident memory of one process, or None if it is gone."""
    try:
        if psutil is not None:
            p = psutil.Process(pid)
            times, mem = p.cpu_times(), p.memory_info()
            return ProcSample(times.user + times.system, mem.rss / 2**20)
        with open(f"/proc/{pid}/stat", "rb") as f:
            stat = f.read().decode(errors="replace")
        fields = stat[stat.rindex(")") + 2:].split()  # fields from #3 (state) on
        cpu = (int(fields[11]) + int(fields[12])) / _CLK_TCK  # utime #14, stime #15
        with open(f"/proc/{pid}/statm", "rb") as f:
            rss_pages = int(f.read().split()[1])
        return ProcSample(cpu, rss_pages * _PAGE / 2**20)
    except (OSError, ValueError, IndexError):
        return None
    except Exception:  # psutil.NoSuchProcess and friends
        return None


def parse_metrics(text: str) -> dict:
    """The claimcheck series a load run needs, from Prometheus text format."""
    out: dict = {"processed": {}, "dlq": {}, "replayed": {}, "lag": {}, "txn_sum": {}, "txn_count": {}}
    for line in text.splitlines():
        if not line or line[0] == "#":
            continue
        m = _LINE.match(line)
        if not m:
            continue
        name, labels_raw, value = m.group(1), m.group(2) or "", m.group(3)
        if not name.startswith("claimcheck_kafka"):
            continue
        labels = dict(_LABEL.findall(labels_raw))
        stage = labels.get("stage", "")
        try:
            v = float(value)
        except ValueError:
            continue
        if name == "claimcheck_kafka_records_total":
            out.setdefault(labels.get("outcome", ""), {})[stage] = v
        elif name == "claimcheck_kafka_consumer_lag":
            out["lag"][stage] = out["lag"].get(stage, 0.0) + v
        elif name == "claimcheck_kafka_transaction_seconds_sum":
            out["txn_sum"][stage] = v
        elif name == "claimcheck_kafka_transaction_seconds_count":
            out["txn_count"][stage] = v
    return out


def scrape(port: int, timeout: float = 2.0) -> dict | None:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=timeout) as reply:
            return parse_metrics(reply.read().decode(errors="replace"))
    except OSError:
        return None


async def scrape_all(ports: dict[str, int]) -> dict[str, dict | None]:
    names = list(ports)
    results = await asyncio.gather(*(asyncio.to_thread(scrape, ports[n]) for n in names))
    return dict(zip(names, results))


class OffsetLag:
    """Lag per stage as Kafka sees it: last stable offset of the stage's input topic minus the
    offset its consumer group committed (with transactions the LSO sits one past the last commit
    marker, so an idle transactional input shows a lag of 1 per partition)."""

    def __init__(self, bootstrap: str, inputs: dict[str, str], groups: dict[str, str]) -> None:
        self._bootstrap = bootstrap
        self._inputs = inputs  # stage -> input topic
        self._groups = groups  # stage -> consumer group id
        self._consumer = None
        self._admin = None

    async def start(self) -> None:
        from aiokafka import AIOKafkaConsumer
        from aiokafka.admin import AIOKafkaAdminClient

        self._consumer = AIOKafkaConsumer(bootstrap_servers=self._bootstrap, group_id=None,
                                          isolation_level="read_committed", enable_auto_commit=False)
        await self._consumer.start()
        self._admin = AIOKafkaAdminClient(bootstrap_servers=self._bootstrap)
        await self._admin.start()

    async def stop(self) -> None:
        if self._consumer is not None:
            await self._consumer.stop()
        if self._admin is not None:
            await self._admin.close()

    async def sample(self) -> dict[str, int | None]:
        from aiokafka import TopicPartition

        out: dict[str, int | None] = {}
        for stage, topic in self._inputs.items():
            try:
                parts = self._consumer.partitions_for_topic(topic)
                if not parts:
                    await self._consumer._client.force_metadata_update()  # noqa: SLF001
                    parts = self._consumer.partitions_for_topic(topic) or set()
                tps = [TopicPartition(topic, p) for p in sorted(parts)]
                if not tps:
                    out[stage] = None
                    continue
                end = await self._consumer.end_offsets(tps)
                committed = await self._admin.list_consumer_group_offsets(self._groups[stage], partitions=tps)
                lag = 0
                for tp in tps:
                    meta = committed.get(tp)
                    done = meta.offset if meta is not None and meta.offset >= 0 else 0
                    lag += max(0, end[tp] - done)
                out[stage] = lag
            except Exception:  # a probe must never stop the run
                out[stage] = None
        return out


def now() -> float:
    return time.perf_counter()
