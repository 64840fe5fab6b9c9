"""How every claimcheck process runs: a grpc.aio server with health and reflection, background
workers (Kafka loops), readiness, and a graceful stop on SIGTERM/SIGINT."""

from __future__ import annotations

import asyncio
import signal
from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable

import grpc
import structlog
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection

from shared.config import Settings


@dataclass
class Registration:
    """One gRPC service: its generated `add_*_to_server` function, servicer and full name."""

    add_to_server: Callable[[Any, grpc.aio.Server], None]
    servicer: Any
    full_name: str


@dataclass
class Worker:
    """A background task that runs until the event it is given is set (after the gRPC server
    stopped); `ready` gates the SERVING health status."""

    name: str
    run: Callable[[asyncio.Event], Awaitable[None]]
    ready: asyncio.Event = field(default_factory=asyncio.Event)


async def serve(name: str, settings: Settings, listen: str, registrations: list[Registration],
                workers: list[Worker], log: structlog.stdlib.BoundLogger) -> int:
    """Runs until a signal or a worker failure; returns the process exit code."""
    server = grpc.aio.server()
    health_servicer = health.aio.HealthServicer()
    health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)
    for reg in registrations:
        reg.add_to_server(reg.servicer, server)
    names = [r.full_name for r in registrations]
    reflection.enable_server_reflection([*names, health.SERVICE_NAME, reflection.SERVICE_NAME], server)
    if server.add_insecure_port(listen) == 0:
        log.error("cannot bind", listen=listen)
        return 2
    for svc in ["", *names]:
        await health_servicer.set(svc, health_pb2.HealthCheckResponse.NOT_SERVING)
    await server.start()
    log.info("grpc server started", listen=listen, services=names)

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)

    # Workers outlive the gRPC grace period: an RPC in flight may still need the Kafka producer.
    workers_stop = asyncio.Event()
    tasks = {asyncio.create_task(w.run(workers_stop), name=w.name): w for w in workers}
    exit_code = 0

    async def mark_serving() -> None:
        await asyncio.gather(*(w.ready.wait() for w in workers))
        for svc in ["", *names]:
            await health_servicer.set(svc, health_pb2.HealthCheckResponse.SERVING)
        log.info("serving")

    serving = asyncio.create_task(mark_serving())
    stopped = asyncio.create_task(stop.wait())
    done, _ = await asyncio.wait([stopped, *tasks], return_when=asyncio.FIRST_COMPLETED)
    for task in done:
        if task in tasks and task.exception() is not None:
            log.error("worker failed", worker=tasks[task].name, error=repr(task.exception()))
            exit_code = 1
    log.info("shutting down", grace_s=settings.shutdown_grace_s)
    serving.cancel()
    await health_servicer.enter_graceful_shutdown()
    await server.stop(settings.shutdown_grace_s)
    workers_stop.set()
    # Workers finish the batch in flight and commit it before returning.
    results = await asyncio.gather(*tasks, return_exceptions=True)
    for worker, result in zip(tasks.values(), results):
        if isinstance(result, BaseException) and not isinstance(result, asyncio.CancelledError):
            exit_code = exit_code or 1
    log.info("stopped", exit_code=exit_code)
    return exit_code
