"""A local one-node Apache Kafka 4.1 broker for tests, the demo and users without Docker.

The broker runs straight from Maven Central jars (deploy/kafka/pom.xml) in KRaft combined mode
(broker and controller in one JVM) on loopback ports. Standard library only and synchronous, so it
can be imported and run before any project dependency is installed.

    python -m shared.kafka_runner [--port N] [--data-dir DIR] [--fetch-only]
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
_RUNNING: set[LocalKafka] = set()

# One node acting as broker and controller. Static voters, so storage is formatted without
# --standalone. Internal topics get replication factor 1 / min ISR 1 or they can never be created.
_SERVER_PROPERTIES = """\
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:{cport}
listeners=PLAINTEXT://127.0.0.1:{port},CONTROLLER://127.0.0.1:{cport}
advertised.listeners=PLAINTEXT://127.0.0.1:{port}
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs={log_dirs}
num.partitions=1
auto.create.topics.enable=false
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
# After a hard kill the old registration must expire before the broker may rejoin; the 9 s
# default doubles the time of every hard bounce in a test.
broker.session.timeout.ms=4000
broker.heartbeat.interval.ms=1000
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


def _free_ports(n: int) -> list[int]:
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
                    free = [p for p in _free_ports(3) if p != self.port]
                    self.controller_port = free[0]
                    if not self._port_given:
                        self.port = free[1]
                if self._launch(libs, java, data_dir, deadline):
                    return self
            raise RuntimeError(f"Kafka broker could not bind 127.0.0.1:{self.port} or its controller port")
        except BaseException as exc:
            logs = ((data_dir / "kafka.out", 25), (data_dir / "logs" / "server.log", 10))  # WARN+, then INFO
            detail = "".join(f"\n--- {path} ---\n{_tail(path, n)}" for path, n in logs)
            self.stop()
            if isinstance(exc, RuntimeError):
                raise RuntimeError(f"{exc}{detail}") from None
            raise

    def _launch(self, libs: Path, java: str, data_dir: Path, deadline: float) -> bool:
        """Format storage if new, spawn the JVM and wait for it; False if a port was taken."""
        config = data_dir / "server.properties"
        config.write_text(
            _SERVER_PROPERTIES.format(port=self.port, cport=self.controller_port, log_dirs=data_dir / "kafka-logs")
        )
        jvm = [java, "-Djava.awt.headless=true", f"-Dlog4j2.configurationFile={LOG4J_CONFIG}"]
        jvm += [f"-Dkafka.logs.dir={data_dir / 'logs'}", "-cp", f"{libs}/*"]
        if not (data_dir / "kafka-logs" / "meta.properties").exists():
            cluster_id = base64.urlsafe_b64encode(uuid.uuid4().bytes).rstrip(b"=").decode()
            cmd = [*jvm, "kafka.tools.StorageTool", "format", "-t", cluster_id, "-c", str(config)]
            left = max(deadline - time.monotonic(), 1)
            try:
                res = subprocess.run(
                    cmd, check=False, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=left
                )
            except subprocess.TimeoutExpired:
                raise RuntimeError(f"kafka storage format did not finish in {left:.0f}s") from None
            if res.returncode != 0:
                raise RuntimeError(f"kafka storage format failed:\n{(res.stdout + res.stderr)[-4000:]}")
        out_path = data_dir / "kafka.out"
        self._out = out = open(out_path, "ab")  # noqa: SIM115 - stays open while the broker runs
        offset = out.tell()
        self._proc = subprocess.Popen(  # noqa: PLW1509 - the hook only calls prctl
            [*jvm, "-Xmx512m", "-Xms256m", "kafka.Kafka", str(config)],
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # own process group: stop() signals the whole tree
            preexec_fn=_parent_death_hook(),
        )
        _RUNNING.add(self)
        while not _api_versions_answered(self.port):
            if self._proc.poll() is not None:
                with open(out_path, "rb") as f:
                    f.seek(offset)
                    bind_error = re.search(rb"failed to bind to 127\.0\.0\.1:(\d+)", f.read())
                if bind_error and not (self._port_given and int(bind_error[1]) == self.port):
                    self._terminate()
                    return False
                raise RuntimeError(f"Kafka broker exited with code {self._proc.returncode}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Kafka broker not ready on {self.bootstrap} in time")
            time.sleep(0.2)
        return True

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


@atexit.register
def _stop_all() -> None:
    """Stop brokers a caller forgot, at interpreter exit (PDEATHSIG covers a hard crash)."""
    for kafka in list(_RUNNING):
        kafka.stop()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m shared.kafka_runner", description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, help="broker port (default: a free one)")
    parser.add_argument("--data-dir", type=Path, help="kept after exit (default: a temporary dir)")
    parser.add_argument("--fetch-only", action="store_true", help="only make sure the Kafka jars are cached")
    args = parser.parse_args(argv)
    if args.fetch_only:
        print(ensure_kafka_jars(), flush=True)
        return

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    for sig in (signal.SIGINT, signal.SIGTERM):  # explicit: a shell's background job starts with SIGINT ignored
        signal.signal(sig, interrupt)
    kafka = LocalKafka(args.data_dir, args.port)
    code = 0
    try:
        kafka.start()
        print(f"KAFKA_BOOTSTRAP={kafka.bootstrap}", flush=True)
        code = kafka.wait() or 1  # only returns if the broker died on its own
        print(f"Kafka broker exited:\n{_tail((kafka.data_dir or Path()) / 'kafka.out')}", file=sys.stderr)
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut the shutdown short
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        kafka.stop()
    sys.exit(code)


if __name__ == "__main__":
    main()
