"""The whole stack on this machine: a local Kafka broker (unless one is given) and the three
services as separate processes. Used by `claimcheck up`/`demo` and by the integration tests."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import IO, Any

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from shared.client import open_sync_channel
from shared.config import Settings, Topics  # noqa: F401  (Topics: the type of .topics)
from shared.kafka_runner import LocalKafka, free_ports

SERVICES = ("extractor", "matcher", "scorer")
ROOT = Path(__file__).resolve().parent.parent


def port_is_free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def wait_serving(addr: str, timeout: float, process: subprocess.Popen | None = None,
                 settings: Settings | None = None) -> None:
    """Polls grpc.health.v1 until SERVING; fails fast if the process died."""
    deadline = time.monotonic() + timeout
    with open_sync_channel(addr, settings or Settings()) as channel:
        stub = health_pb2_grpc.HealthStub(channel)
        while True:
            if process is not None and process.poll() is not None:
                raise RuntimeError(f"service at {addr} exited with code {process.returncode}")
            try:
                reply = stub.Check(health_pb2.HealthCheckRequest(), timeout=1)
                if reply.status == health_pb2.HealthCheckResponse.SERVING:
                    return
            except grpc.RpcError:
                pass
            if time.monotonic() > deadline:
                raise TimeoutError(f"service at {addr} not SERVING after {timeout:.0f}s")
            time.sleep(0.2)


class LocalStack:
    """Broker plus services; `env` adds CLAIMCHECK_* settings for every service. `instances` runs
    several processes of a service in its consumer group ("matcher", "matcher-1", ...)."""

    def __init__(self, *, kafka_bootstrap: str | None = None, env: dict[str, str] | None = None,
                 log_dir: Path | None = None, addrs: dict[str, str] | None = None,
                 kafka_port: int | None = None, kafka_data_dir: Path | None = None,
                 kafka: Any = None, instances: dict[str, int] | None = None) -> None:
        """Without `addrs` (and `kafka_port`) free loopback ports are picked, so runs never collide.
        A `kafka_data_dir` keeps the broker's storage across its stop and start (bounce tests);
        `kafka` is any broker or cluster object with start(), stop() and bootstrap."""
        self.kafka = kafka or (None if kafka_bootstrap else LocalKafka(data_dir=kafka_data_dir, port=kafka_port))
        self._bootstrap = kafka_bootstrap
        self.log_dir = log_dir or Path(tempfile.mkdtemp(prefix="claimcheck-logs-"))
        self.members = [service if i == 0 else f"{service}-{i}"
                        for service in SERVICES for i in range((instances or {}).get(service, 1))]
        ports = iter(free_ports(2 * len(self.members)))
        self.addrs = {name: (addrs or {}).get(name) or f"127.0.0.1:{next(ports)}" for name in self.members}
        # Each process's Prometheus port, when CLAIMCHECK_METRICS_PORT asks for metrics ("auto": free ports).
        self.metrics_ports = ({name: next(ports) for name in self.members}
                              if (env or {}).get("CLAIMCHECK_METRICS_PORT") == "auto" else {})
        self._env = dict(env or {})
        self.processes: dict[str, subprocess.Popen] = {}
        self._logs: dict[str, IO] = {}

    @property
    def bootstrap(self) -> str:
        return self._bootstrap or self.kafka.bootstrap

    @property
    def topics(self) -> Topics:
        return self.client_settings().topics

    def client_settings(self) -> Settings:
        """Settings for a client of this stack: its addresses, TLS and token settings."""
        return Settings.from_env(self.service_env())

    def service_env(self, name: str | None = None) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMCHECK_")}
        env.update({
            "CLAIMCHECK_KAFKA_BOOTSTRAP": self.bootstrap,
            **{f"CLAIMCHECK_{service.upper()}_ADDR": self.addrs[service] for service in SERVICES},
            "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
            "PYTHONUNBUFFERED": "1",
        })
        env.update(self._env)
        if self.metrics_ports:
            env["CLAIMCHECK_METRICS_PORT"] = str(self.metrics_ports[name]) if name else "0"
        if name and "-" in name:  # a further instance: its own address and transactional identity
            env["CLAIMCHECK_GRPC_LISTEN"] = self.addrs[name]
            env["CLAIMCHECK_INSTANCE_ID"] = name.rsplit("-", 1)[1]
        return env

    def start(self, timeout: float = 120) -> "LocalStack":
        if self.kafka is not None:
            self.kafka.start()
        try:
            for name in self.members:
                self.start_service(name)
            for name in self.members:
                self.wait_ready(name, timeout)
        except BaseException:
            self.stop()
            raise
        return self

    def start_service(self, name: str) -> subprocess.Popen:
        log_file = self._logs.get(name) or open(self.log_dir / f"{name}.log", "ab")
        self._logs[name] = log_file
        service = name.split("-")[0]
        process = subprocess.Popen([sys.executable, "-m", f"services.{service}"], env=self.service_env(name),
                                   stdout=log_file, stderr=subprocess.STDOUT)  # the caller's cwd: relative paths in settings work
        self.processes[name] = process
        return process

    def wait_ready(self, name: str, timeout: float = 120) -> None:
        try:
            wait_serving(self.addrs[name], timeout, self.processes[name], self.client_settings())
        except (RuntimeError, TimeoutError) as exc:
            raise RuntimeError(f"{exc}; last log lines:\n{self.log_tail(name)}") from None

    def log_tail(self, name: str, lines: int = 30) -> str:
        path = self.log_dir / f"{name}.log"
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else ""

    def stop_service(self, name: str, sig: int = signal.SIGTERM, timeout: float = 30) -> int | None:
        process = self.processes.get(name)
        if process is None or process.poll() is not None:
            return process.returncode if process else None
        process.send_signal(sig)
        try:
            return process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            return process.wait()

    def stop(self) -> None:
        for name in reversed(self.members):
            self.stop_service(name)
        for log_file in self._logs.values():
            log_file.close()
        self._logs.clear()
        if self.kafka is not None:
            self.kafka.stop()

    def __enter__(self) -> "LocalStack":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
