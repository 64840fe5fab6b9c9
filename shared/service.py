"""How every claimcheck process runs: a grpc.aio server with health and reflection, background
workers (Kafka loops), readiness, and a graceful stop on SIGTERM/SIGINT."""

from __future__ import annotations

import asyncio
import signal
from dataclasses import dataclass, field
from typing import Any, AsyncIterator, Awaitable, Callable

import grpc
import structlog
from google.protobuf.descriptor import ServiceDescriptor
from google.protobuf.message import DecodeError, Message
from google.protobuf.message_factory import GetMessageClass
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection

from shared.config import Settings
from shared.metrics import MetricsInterceptor, serve_metrics
from shared.security import TokenAuthInterceptor, load_tokens, server_credentials


class _Undecodable:
    """Stands in for a request that did not parse, so the method can reject it as INVALID_ARGUMENT
    (gRPC's own deserializer failure would surface as INTERNAL)."""

    def __init__(self, type_name: str, error: Exception) -> None:
        self.reason = f"request is not a valid {type_name} (invalid protobuf or UTF-8): {error}"


def _tolerant_deserializer(message_type: type[Message]) -> Callable[[bytes], Any]:
    def deserialize(data: bytes) -> Any:
        try:
            return message_type.FromString(data)
        except DecodeError as exc:
            return _Undecodable(message_type.DESCRIPTOR.full_name, exc)
    return deserialize


def _guard_unary(method: Callable) -> Callable:
    async def handler(request: Any, context: grpc.aio.ServicerContext) -> Any:
        if isinstance(request, _Undecodable):
            await context.abort(grpc.StatusCode.INVALID_ARGUMENT, request.reason)
        return await method(request, context)
    return handler


def _guard_stream(method: Callable) -> Callable:
    async def handler(request: Any, context: grpc.aio.ServicerContext) -> AsyncIterator[Any]:
        if isinstance(request, _Undecodable):
            await context.abort(grpc.StatusCode.INVALID_ARGUMENT, request.reason)
        async for reply in method(request, context):
            yield reply
    return handler


@dataclass
class Registration:
    """One gRPC service: its servicer and the service's descriptor from the generated code."""

    servicer: Any
    descriptor: ServiceDescriptor

    @property
    def full_name(self) -> str:
        return self.descriptor.full_name

    def add_to(self, server: grpc.aio.Server) -> None:
        handlers = {}
        for method in self.descriptor.methods:
            request_type = GetMessageClass(method.input_type)
            response_type = GetMessageClass(method.output_type)
            implementation = getattr(self.servicer, method.name)
            make, guard = ((grpc.unary_stream_rpc_method_handler, _guard_stream) if method.server_streaming
                           else (grpc.unary_unary_rpc_method_handler, _guard_unary))
            handlers[method.name] = make(guard(implementation),
                                         request_deserializer=_tolerant_deserializer(request_type),
                                         response_serializer=response_type.SerializeToString)
        server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler(self.full_name, handlers),))


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
    interceptors: list[grpc.aio.ServerInterceptor] = [MetricsInterceptor()]
    if settings.auth_tokens_file:
        interceptors.append(TokenAuthInterceptor(load_tokens(settings.auth_tokens_file)))
    server = grpc.aio.server(interceptors=interceptors)
    health_servicer = health.aio.HealthServicer()
    health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)
    for reg in registrations:
        reg.add_to(server)
    names = [r.full_name for r in registrations]
    reflection.enable_server_reflection([*names, health.SERVICE_NAME, reflection.SERVICE_NAME], server)
    credentials = server_credentials(settings)
    bound = server.add_secure_port(listen, credentials) if credentials else server.add_insecure_port(listen)
    if bound == 0:
        log.error("cannot bind", listen=listen)
        return 2
    serve_metrics(settings.metrics_port)
    for svc in ["", *names]:
        await health_servicer.set(svc, health_pb2.HealthCheckResponse.NOT_SERVING)
    await server.start()
    log.info("grpc server started", listen=listen, services=names, tls=credentials is not None,
             mutual_tls=bool(settings.tls_client_ca_file), auth=bool(settings.auth_tokens_file),
             metrics_port=settings.metrics_port or None)

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
            log.error("worker failed", worker=tasks[task].name, error=repr(task.exception()),
                      exc_info=task.exception())
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
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.remove_signal_handler(sig)
    log.info("stopped", exit_code=exit_code)
    return exit_code
