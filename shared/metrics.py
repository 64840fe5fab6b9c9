"""Prometheus metrics every service exposes on CLAIMCHECK_METRICS_PORT (/metrics)."""

from __future__ import annotations

import time
from typing import Any, Callable

import grpc
from prometheus_client import Counter, Gauge, Histogram, start_http_server

GRPC_REQUESTS = Counter("claimcheck_grpc_requests_total", "gRPC calls handled", ["service", "method", "code"])
GRPC_LATENCY = Histogram("claimcheck_grpc_request_seconds", "gRPC call latency (unary; streams: until closed)",
                         ["service", "method"],
                         buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10))
RECORDS = Counter("claimcheck_kafka_records_total", "Kafka records handled by a stage",
                  ["stage", "outcome"])  # outcome: processed, dlq, replayed
CONSUMER_LAG = Gauge("claimcheck_kafka_consumer_lag", "Records not yet consumed (high watermark - position)",
                     ["stage", "partition"])
BATCH_SECONDS = Histogram("claimcheck_kafka_transaction_seconds", "Time to process and commit one batch",
                          ["stage"], buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10))


def serve_metrics(port: int) -> None:
    if port:
        start_http_server(port)


class MetricsInterceptor(grpc.aio.ServerInterceptor):
    """Counts every call by status code and times it."""

    async def intercept_service(self, continuation: Callable, details: grpc.HandlerCallDetails) -> Any:
        handler = await continuation(details)
        if handler is None or not (handler.unary_unary or handler.unary_stream):
            return handler
        service, _, method = details.method.lstrip("/").partition("/")

        def record(context: grpc.aio.ServicerContext, started: float, failed: bool) -> None:
            code = context.code() or (grpc.StatusCode.UNKNOWN if failed else grpc.StatusCode.OK)
            name = code.name if isinstance(code, grpc.StatusCode) else str(code)
            GRPC_REQUESTS.labels(service, method, name).inc()
            GRPC_LATENCY.labels(service, method).observe(time.perf_counter() - started)

        if handler.unary_unary:
            inner = handler.unary_unary

            async def unary(request: Any, context: grpc.aio.ServicerContext) -> Any:
                started, failed = time.perf_counter(), True
                try:
                    reply = await inner(request, context)
                    failed = False
                    return reply
                finally:
                    record(context, started, failed)

            return grpc.unary_unary_rpc_method_handler(unary, request_deserializer=handler.request_deserializer,
                                                       response_serializer=handler.response_serializer)
        inner_stream = handler.unary_stream

        async def stream(request: Any, context: grpc.aio.ServicerContext) -> Any:
            started, failed = time.perf_counter(), True
            try:
                async for reply in inner_stream(request, context):
                    yield reply
                failed = False
            finally:
                record(context, started, failed)

        return grpc.unary_stream_rpc_method_handler(stream, request_deserializer=handler.request_deserializer,
                                                    response_serializer=handler.response_serializer)
