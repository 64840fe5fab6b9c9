"""A local Apache Kafka 4.1 broker (or a small cluster) for tests, the demo and users without Docker.

The broker runs straight from Maven Central jars (deploy/kafka/pom.xml) in KRaft combined mode
(broker and controller in one JVM) on loopback ports. Standard library only and synchronous, so it
can be imported and run before any project dependency is installed.

`LocalKafka` is one node; `LocalKafkaCluster` is N such JVMs (three by default) forming one KRaft
quorum, with replication factor N and min ISR 2 by default, for tests that stop a broker mid-stream.

    python -m shared.kafka_runner [--brokers N] [--port N] [--data-dir DIR] [--fetch-only]
"""

from __future__ import annotations

import argparse
import atexit
import base64
import ctypes
import fcntl
import hashlib
import os
import re
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO

KAFKA_VERSION = "4.1.1"
_DEPLOY = Path(__file__).resolve().parent.parent / "deploy" / "kafka"
POM = _DEPLOY / "pom.xml"
LOG4J_CONFIG = _DEPLOY / "log4j2.properties"
_RUNNING: set[LocalKafka | LocalKafkaCluster] = set()

# Node {node_id} of an N-node cluster (a lone broker is a cluster of one): every node is broker and
# controller, with the same static voter set, so all are formatted with one cluster id and without
# --standalone. Internal topics are replicated to every node with the given min ISR (1 alone, 2 in a
# cluster of three, as in production), and so are topics created without a replication factor.
# Fewer internal partitions and threads than Kafka's defaults: JVMs share two cores here, and a
# failover moves fewer leaders. After a hard kill the old registration must expire before a broker
# may rejoin; the 9 s default session would double the time of every hard bounce in a test.
_SERVER_PROPERTIES = """\
process.roles=broker,controller
node.id={node_id}
controller.quorum.voters={voters}
listeners=PLAINTEXT://127.0.0.1:{port},CONTROLLER://127.0.0.1:{cport}
advertised.listeners=PLAINTEXT://127.0.0.1:{port}
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs={log_dirs}
num.partitions=1
auto.create.topics.enable=false
default.replication.factor={rf}
min.insync.replicas={min_isr}
unclean.leader.election.enable=false
offsets.topic.replication.factor={rf}
offsets.topic.num.partitions=10
transaction.state.log.replication.factor={rf}
transaction.state.log.min.isr={min_isr}
transaction.state.log.num.partitions=10
share.coordinator.state.topic.replication.factor={rf}
share.coordinator.state.topic.min.isr={min_isr}
group.initial.rebalance.delay.ms=0
broker.session.timeout.ms=4000
broker.heartbeat.interval.ms=1000
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=1
"""


def _require(tool: str) -> str:
    """Path of `tool`, or a RuntimeError saying what to install."""
    found = shutil.which(tool)
    if found is None:
        raise RuntimeError(
            f"{tool!r} not found on PATH: the local Kafka runner needs a JDK 17+ and Maven "
            "(e.g. apt-get install openjdk-17-jdk-headless maven)"
        )
    return found


def ensure_kafka_jars(cache_dir: Path | None = None) -> Path:
    """Return the directory holding Kafka's jars, running Maven only when they are missing.

    The marker (a hash of the pom) is written last, so an interrupted download or an edited pom is
    fetched again rather than trusted. A file lock keeps parallel first runs (test workers, the
    demo) from fetching over each other.
    """
    root = cache_dir or Path(os.environ.get("CLAIMCHECK_CACHE") or Path.home() / ".cache" / "claimcheck")
    base = Path(root) / f"kafka-{KAFKA_VERSION}"
    libs, marker = base / "libs", base / "complete"
    pom = re.sub(r"<!--.*?-->|\s+", "", POM.read_text(), flags=re.S)  # comment edits need no refetch
    want = hashlib.sha256(pom.encode()).hexdigest()

    def complete() -> bool:
        return marker.is_file() and marker.read_text().strip() == want and any(libs.glob("kafka_2.13-*.jar"))

    if complete():
        return libs
    base.mkdir(parents=True, exist_ok=True)
    with open(base / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if complete():  # another process fetched them while we waited
            return libs
        _require("java")
        mvn = _require("mvn")
        # Fetch into a staging dir and swap it in, so a broker running from libs/ keeps its jars.
        staging, old = base / "libs.new", base / "libs.old"  # fixed names: we hold the lock
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)
        cmd = [mvn, "-q", "-B", "-f", str(POM), "dependency:copy-dependencies", f"-DoutputDirectory={staging}"]
        res = subprocess.run(cmd, check=False, capture_output=True, text=True, stdin=subprocess.DEVNULL)
        if res.returncode != 0:
            shutil.rmtree(staging, ignore_errors=True)
            raise RuntimeError(f"fetching Kafka jars failed: {' '.join(cmd)}\n{(res.stdout + res.stderr)[-4000:]}")
        marker.unlink(missing_ok=True)
        if libs.exists():
            libs.rename(old)
        staging.rename(libs)
        shutil.rmtree(old, ignore_errors=True)
        marker.write_text(want + "\n")
    return libs


def free_ports(n: int) -> list[int]:
    """`n` distinct loopback ports the OS reports free (held open together so they differ)."""
    socks = [socket.socket() for _ in range(n)]
    try:
        for s in socks:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in socks]
    finally:
        for s in socks:
            s.close()


def _api_versions_answered(port: int, timeout: float = 2.0) -> bool:
    """True once the broker answers an ApiVersions v0 request. Kafka 4 opens the client listener
    only after the broker is unfenced, but a bare TCP connect could still hit a half-started port."""
    client_id = b"claimcheck-probe"
    request = struct.pack(">hhih", 18, 0, 7, len(client_id)) + client_id  # key 18, v0, correlation 7
    buf = b""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
            sock.sendall(struct.pack(">i", len(request)) + request)
            while len(buf) < 10:  # size, correlation id, error code
                chunk = sock.recv(64)
                if not chunk:
                    return False
                buf += chunk
    except OSError:
        return False
    _, correlation, error = struct.unpack(">iih", buf[:10])
    return bool(correlation == 7 and error == 0)


def _parent_death_hook() -> Callable[[], None] | None:
    """A preexec_fn asking Linux to SIGKILL the broker when the thread that started it dies, so a
    crashed test run leaves no JVM behind. prctl is looked up here, before the fork.

    Only from the main thread: the signal follows the starting *thread*, so a broker started from a
    worker thread (asyncio.to_thread) would die with it; the atexit hook covers those."""
    if not sys.platform.startswith("linux") or threading.current_thread() is not threading.main_thread():
        return None
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    parent = os.getpid()

    def hook() -> None:
        prctl(1, int(signal.SIGKILL))  # PR_SET_PDEATHSIG
        if os.getppid() != parent:  # the parent died before prctl took effect
            os._exit(1)

    return hook


def new_cluster_id() -> str:
    """A KRaft cluster id (base64url of a random UUID). One starting with "-" would be read as an
    option by StorageTool's argument parser (1 in 64), so, like Kafka's own Uuid.randomUuid, skip those."""
    while True:
        cluster_id = base64.urlsafe_b64encode(uuid.uuid4().bytes).rstrip(b"=").decode()
        if not cluster_id.startswith("-"):
            return cluster_id


def _tail(path: Path, lines: int = 25) -> str:
    """Last lines of a log without Java stack frames, which would crowd out the actual error."""
    try:
        text = path.read_text(errors="replace").splitlines()
    except OSError:
        return "(missing)"
    return "\n".join([line for line in text if not line[:1].isspace()][-lines:])


class LocalKafka:
    """One-node KRaft Kafka on 127.0.0.1; free ports are picked unless `port` is given.

    Without `data_dir` a temporary one is made per start and removed on stop. A caller's
    `data_dir` is kept, and starting on it again reuses its storage (for bounce tests); the ports
    also stay the same across stop()/start() of one instance.
    """

    def __init__(self, data_dir: Path | None = None, port: int | None = None) -> None:
        self._owns_dir = data_dir is None
        self.data_dir = Path(data_dir) if data_dir is not None else None
        self._port_given = port is not None
        self.port = port or 0
        self.controller_port = 0
        self._proc: subprocess.Popen[bytes] | None = None
        self._out: IO[bytes] | None = None

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def start(self, timeout: float = 60) -> LocalKafka:
        """Start the broker; return once it answers Kafka requests, else raise with the log tails."""
        if self.running:
            return self
        libs, java = ensure_kafka_jars(), _require("java")
        if self.data_dir is None:
            self.data_dir = Path(tempfile.mkdtemp(prefix="claimcheck-kafka-"))
        data_dir = self.data_dir
        data_dir.mkdir(parents=True, exist_ok=True)
        deadline = time.monotonic() + timeout
        try:
            for attempt in range(3):
                if attempt or not self.controller_port:
                    # A port picked here may be taken before the JVM binds it: pick again on retry.
                    free = [p for p in free_ports(3) if p != self.port]
                    self.controller_port = free[0]
                    if not self._port_given:
                        self.port = free[1]
                if self._launch(libs, java, data_dir, deadline):
                    return self
            raise RuntimeError(f"Kafka broker could not bind 127.0.0.1:{self.port} or its controller port")
        except BaseException as exc:
            detail = self._log_tails()
            self.stop()
            if isinstance(exc, RuntimeError):
                raise RuntimeError(f"{exc}{detail}") from None
            raise

    def _log_tails(self) -> str:
        if self.data_dir is None:
            return ""
        logs = ((self.data_dir / "kafka.out", 25), (self.data_dir / "logs" / "server.log", 10))  # WARN+, then INFO
        return "".join(f"\n--- {path} ---\n{_tail(path, n)}" for path, n in logs)

    def _properties(self, data_dir: Path) -> str:
        return _SERVER_PROPERTIES.format(node_id=1, voters=f"1@127.0.0.1:{self.controller_port}", port=self.port,
                                         cport=self.controller_port, log_dirs=data_dir / "kafka-logs", rf=1, min_isr=1)

    def _jvm(self, libs: Path, java: str, data_dir: Path) -> list[str]:
        return [java, "-Djava.awt.headless=true", f"-Dlog4j2.configurationFile={LOG4J_CONFIG}",
                f"-Dkafka.logs.dir={data_dir / 'logs'}", "-cp", f"{libs}/*"]

    def _launch(self, libs: Path, java: str, data_dir: Path, deadline: float) -> bool:
        """Format storage if new, spawn the JVM and wait for it; False if a port was taken."""
        self._format(libs, java, data_dir, deadline)
        offset = self._spawn(libs, java, data_dir)
        return self._await_ready(deadline, offset, may_repick=not self._port_given)

    def _format(self, libs: Path, java: str, data_dir: Path, deadline: float, cluster_id: str | None = None) -> None:
        """Write server.properties; format the storage unless it already holds a node's data."""
        config = data_dir / "server.properties"
        config.write_text(self._properties(data_dir))
        if (data_dir / "kafka-logs" / "meta.properties").exists():
            return
        cluster_id = cluster_id or new_cluster_id()
        cmd = [*self._jvm(libs, java, data_dir), "kafka.tools.StorageTool", "format", "-t", cluster_id,
               "-c", str(config)]
        left = max(deadline - time.monotonic(), 1)
        try:
            res = subprocess.run(cmd, check=False, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=left)
        except subprocess.TimeoutExpired:
            raise RuntimeError(f"kafka storage format did not finish in {left:.0f}s") from None
        if res.returncode != 0:
            raise RuntimeError(f"kafka storage format failed:\n{(res.stdout + res.stderr)[-4000:]}")

    def _spawn(self, libs: Path, java: str, data_dir: Path) -> int:
        """Start the JVM in the background; the offset in kafka.out where its output begins."""
        self._out = out = open(data_dir / "kafka.out", "ab")  # noqa: SIM115 - stays open while the broker runs
        offset = out.tell()
        self._proc = subprocess.Popen(  # noqa: PLW1509 - the hook only calls prctl
            [*self._jvm(libs, java, data_dir), *self._heap, "kafka.Kafka", str(data_dir / "server.properties")],
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # own process group: stop() signals the whole tree
            preexec_fn=_parent_death_hook(),
        )
        _RUNNING.add(self)
        return offset

    _heap: tuple[str, ...] = ("-Xmx512m", "-Xms256m")

    def _bind_error(self, offset: int) -> int | None:
        """The port the JVM failed to bind, from its output since `offset`, if that is why it died."""
        if self.data_dir is None:
            return None
        with open(self.data_dir / "kafka.out", "rb") as f:
            f.seek(offset)
            found = re.search(rb"failed to bind to 127\.0\.0\.1:(\d+)", f.read())
        return int(found[1]) if found else None

    def _poll_ready(self, offset: int, may_repick: bool) -> bool | None:
        """One readiness check: True if ready, None if not yet, False if it died for a taken port
        that may be picked again (`may_repick`: any port but a caller's); raises if it died otherwise."""
        if _api_versions_answered(self.port):
            return True
        assert self._proc is not None
        if self._proc.poll() is not None:
            port = self._bind_error(offset)
            if port is not None and may_repick and not (self._port_given and port == self.port):
                self._terminate()
                return False
            raise RuntimeError(f"Kafka broker {self.bootstrap} exited with code {self._proc.returncode}")
        return None

    def _await_ready(self, deadline: float, offset: int, may_repick: bool) -> bool:
        while (ready := self._poll_ready(offset, may_repick)) is None:
            if time.monotonic() > deadline:
                raise RuntimeError(f"Kafka broker not ready on {self.bootstrap} in time")
            time.sleep(0.2)
        return ready

    def wait(self) -> int | None:
        """Block until the broker exits by itself; its exit code (None if not started)."""
        return self._proc.wait() if self._proc is not None else None

    def stop(self, timeout: float = 30, hard: bool = False) -> None:
        """SIGTERM the broker's process group (SIGKILL if `hard` or still alive after `timeout`),
        then drop a temporary data dir. Idempotent."""
        self._terminate(timeout, hard)
        if self._owns_dir and self.data_dir is not None:
            shutil.rmtree(self.data_dir, ignore_errors=True)
            self.data_dir = None

    def _terminate(self, timeout: float = 30, hard: bool = False) -> None:
        if self._proc is not None:
            for sig in (signal.SIGKILL,) if hard else (signal.SIGTERM, signal.SIGKILL):
                try:
                    os.killpg(self._proc.pid, sig)
                except (ProcessLookupError, PermissionError):
                    pass
                try:
                    self._proc.wait(timeout)
                    break
                except subprocess.TimeoutExpired:
                    continue
            self._proc = None
        if self._out is not None:
            self._out.close()
            self._out = None
        _RUNNING.discard(self)

    def __enter__(self) -> LocalKafka:
        return self.start()

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None) -> None:
        self.stop()


class KafkaNode(LocalKafka):
    """One broker+controller of a LocalKafkaCluster. Its ports and data dir belong to the cluster
    and stay fixed, so it can be stopped (clean or hard) and started again while the others run;
    start() returns once this broker is back in the cluster (registered and unfenced)."""

    _heap = ("-Xmx384m", "-Xms128m")

    def __init__(self, cluster: LocalKafkaCluster, node_id: int) -> None:
        super().__init__(data_dir=None, port=None)
        self._owns_dir = False  # the cluster's
        self.cluster = cluster
        self.node_id = node_id

    def _properties(self, data_dir: Path) -> str:
        c = self.cluster
        return _SERVER_PROPERTIES.format(
            node_id=self.node_id, voters=c.voters, port=self.port, cport=self.controller_port,
            log_dirs=data_dir / "kafka-logs", rf=c.replication_factor, min_isr=c.min_insync_replicas)

    def start(self, timeout: float = 60) -> KafkaNode:
        """Restart this node with the same ports and storage. A node alone cannot become ready: a
        majority of the cluster's controllers must be running (use the cluster's start() for all)."""
        if self.running:
            return self
        if self.data_dir is None:
            raise RuntimeError("start the cluster first: a node's ports and storage are the cluster's")
        libs, java = ensure_kafka_jars(), _require("java")
        deadline = time.monotonic() + timeout
        try:
            self._format(libs, java, self.data_dir, deadline, self.cluster.cluster_id)
            self._await_ready(deadline, self._spawn(libs, java, self.data_dir), may_repick=False)
        except BaseException as exc:
            detail = self._log_tails()
            self.stop()
            if isinstance(exc, RuntimeError):
                raise RuntimeError(f"node {self.node_id}: {exc}{detail}") from None
            raise
        return self


class LocalKafkaCluster:
    """`size` KRaft nodes (each broker and controller, one JVM each) on 127.0.0.1 forming one cluster.

    Topics default to replication factor `size` (at most 3) and min ISR 2, and so do the internal
    offsets and transaction-state topics, so one node may be stopped (`nodes[i].stop(hard=...)`)
    and started again (`nodes[i].start()`) while clients keep producing with acks=all.

    Like LocalKafka: without `data_dir` a temporary one is made and removed on stop(); a caller's
    `data_dir` (one subdirectory per node) is kept and reused; ports stay the same across
    stop()/start(). `port` fixes the client ports to port, port+1, ...; controller ports are free ones.
    """

    def __init__(self, size: int = 3, data_dir: Path | None = None, port: int | None = None) -> None:
        if size < 1:
            raise ValueError("a cluster needs at least one node")
        self.size = size
        self.replication_factor = min(size, 3)
        self.min_insync_replicas = min(2, self.replication_factor)
        self._owns_dir = data_dir is None
        self.data_dir = Path(data_dir) if data_dir is not None else None
        self._port_given = port is not None
        self.nodes = [KafkaNode(self, i + 1) for i in range(size)]
        if port is not None:
            for i, node in enumerate(self.nodes):
                node.port, node._port_given = port + i, True
        self.cluster_id = ""

    @property
    def bootstrap(self) -> str:
        """Every node's address, comma-separated (clients need only one that is up)."""
        return ",".join(node.bootstrap for node in self.nodes)

    @property
    def voters(self) -> str:
        return ",".join(f"{n.node_id}@127.0.0.1:{n.controller_port}" for n in self.nodes)

    @property
    def running(self) -> bool:
        """True while every node runs."""
        return all(node.running for node in self.nodes)

    def _pick_ports(self) -> None:
        taken = {n.port for n in self.nodes if n._port_given}
        free = iter(p for p in free_ports(3 * self.size) if p not in taken)
        for node in self.nodes:
            node.controller_port = next(free)
            if not node._port_given:
                node.port = next(free)

    def _existing_cluster_id(self) -> str:
        """The cluster id a node's storage was formatted with, so reused storage stays one cluster."""
        for node in self.nodes:
            meta = (node.data_dir or Path("/nonexistent")) / "kafka-logs" / "meta.properties"
            if meta.is_file():
                found = re.search(r"^cluster\.id=(\S+)", meta.read_text(), flags=re.M)
                if found:
                    return found[1]
        return new_cluster_id()

    def start(self, timeout: float = 120) -> LocalKafkaCluster:
        """Start every node that is not running, all at once (none is ready before a majority of
        controllers runs); return once each answers Kafka requests, else raise with its log tails."""
        if self.running:
            return self
        libs, java = ensure_kafka_jars(), _require("java")
        if self.data_dir is None:
            self.data_dir = Path(tempfile.mkdtemp(prefix="claimcheck-kafka-cluster-"))
        for node in self.nodes:
            node.data_dir = self.data_dir / f"node-{node.node_id}"
            node.data_dir.mkdir(parents=True, exist_ok=True)
        self.cluster_id = self.cluster_id or self._existing_cluster_id()
        deadline = time.monotonic() + timeout
        _RUNNING.add(self)
        try:
            for attempt in range(3):
                if not any(n.running for n in self.nodes) and (attempt or not self.nodes[0].controller_port):
                    self._pick_ports()  # all voters must agree: only when no node runs
                if self._launch(libs, java, deadline):
                    return self
            raise RuntimeError("Kafka cluster could not bind its ports")
        except BaseException as exc:
            detail = "".join(f"\n=== node {n.node_id} ==={n._log_tails()}" for n in self.nodes)
            self.stop()
            if isinstance(exc, RuntimeError):
                raise RuntimeError(f"{exc}{detail}") from None
            raise

    def _launch(self, libs: Path, java: str, deadline: float) -> bool:
        """Format (in parallel) and spawn the stopped nodes, then wait for all; False if a port
        picked here was taken (every node is stopped then, so all ports may be picked again)."""
        todo = [n for n in self.nodes if not n.running]
        errors: list[BaseException] = []

        def format_node(node: KafkaNode) -> None:
            try:
                assert node.data_dir is not None
                node._format(libs, java, node.data_dir, deadline, self.cluster_id)
            except BaseException as exc:  # noqa: BLE001 - re-raised below
                errors.append(exc)

        threads = [threading.Thread(target=format_node, args=(n,)) for n in todo]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        if errors:
            raise errors[0]
        offsets = {n.node_id: n._spawn(libs, java, n.data_dir) for n in todo if n.data_dir is not None}
        may_repick = len(todo) == self.size
        waiting = list(todo)
        while waiting:
            for node in list(waiting):
                ready = node._poll_ready(offsets[node.node_id], may_repick)
                if ready is False:
                    self._terminate_all()
                    return False
                if ready:
                    waiting.remove(node)
            if waiting and time.monotonic() > deadline:
                raise RuntimeError(f"Kafka nodes {[n.node_id for n in waiting]} not ready in time")
            time.sleep(0.2)
        return True

    def _terminate_all(self, timeout: float = 30, hard: bool = False) -> None:
        """Signal every node first, then wait for each: a node stopped after the others lost their
        quorum would wait in vain for its controlled shutdown."""
        if not hard:
            for node in self.nodes:
                if node.running and node._proc is not None:
                    try:
                        os.killpg(node._proc.pid, signal.SIGTERM)
                    except (ProcessLookupError, PermissionError):
                        pass
        deadline = time.monotonic() + timeout
        for node in self.nodes:
            node._terminate(max(deadline - time.monotonic(), 1), hard)

    def stop(self, timeout: float = 30, hard: bool = False) -> None:
        """Stop every node (SIGTERM all, SIGKILL any left after `timeout`; SIGKILL if `hard`),
        then drop a temporary data dir. Idempotent."""
        self._terminate_all(timeout, hard)
        _RUNNING.discard(self)
        if self._owns_dir and self.data_dir is not None:
            shutil.rmtree(self.data_dir, ignore_errors=True)
            self.data_dir = None
            for node in self.nodes:
                node.data_dir = None

    def __enter__(self) -> LocalKafkaCluster:
        return self.start()

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None) -> None:
        self.stop()


@atexit.register
def _stop_all() -> None:
    """Stop brokers a caller forgot, at interpreter exit (PDEATHSIG covers a hard crash)."""
    # Clusters first: they signal all their nodes at once (see LocalKafkaCluster._terminate_all).
    for kafka in sorted(_RUNNING, key=lambda k: not isinstance(k, LocalKafkaCluster)):
        kafka.stop()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m shared.kafka_runner", description=__doc__.splitlines()[0])
    parser.add_argument("--brokers", type=int, default=1,
                        help="number of nodes (default 1; 3 gives a cluster with replication factor 3, min ISR 2)")
    parser.add_argument("--port", type=int, help="broker port; with --brokers N, ports PORT..PORT+N-1 (default: free ones)")
    parser.add_argument("--data-dir", type=Path, help="kept after exit (default: a temporary dir)")
    parser.add_argument("--fetch-only", action="store_true", help="only make sure the Kafka jars are cached")
    args = parser.parse_args(argv)
    if args.fetch_only:
        print(ensure_kafka_jars(), flush=True)
        return
    if args.brokers < 1:
        parser.error("--brokers must be at least 1")

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    for sig in (signal.SIGINT, signal.SIGTERM):  # explicit: a shell's background job starts with SIGINT ignored
        signal.signal(sig, interrupt)
    kafka: LocalKafka | LocalKafkaCluster = (
        LocalKafka(args.data_dir, args.port) if args.brokers == 1
        else LocalKafkaCluster(args.brokers, args.data_dir, args.port))
    code = 0
    try:
        kafka.start()
        print(f"KAFKA_BOOTSTRAP={kafka.bootstrap}", flush=True)
        if isinstance(kafka, LocalKafka):
            code = kafka.wait() or 1  # only returns if the broker died on its own
            print(f"Kafka broker exited:\n{_tail((kafka.data_dir or Path()) / 'kafka.out')}", file=sys.stderr)
        else:
            while kafka.running:  # until a node dies on its own
                time.sleep(1)
            dead = next(n for n in kafka.nodes if not n.running)
            code = (dead._proc.returncode if dead._proc is not None else None) or 1
            print(f"Kafka node {dead.node_id} exited:\n{_tail((dead.data_dir or Path()) / 'kafka.out')}",
                  file=sys.stderr)
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut the shutdown short
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        kafka.stop()
    sys.exit(code)


if __name__ == "__main__":
    main()
