"""W3C trace context (traceparent/tracestate), carried from SubmitArticle's gRPC metadata through
the Kafka headers of every stage to the verdicts, and bound into the logs as trace_id, so one
article's lines join across services. (Spans are left to an OpenTelemetry SDK, if one is added.)"""

from __future__ import annotations

import secrets
from typing import Iterable, Sequence

TRACE_HEADERS = ("traceparent", "tracestate")


def trace_headers(headers: Iterable[tuple[str, str | bytes]] | None) -> list[tuple[str, bytes]]:
    """The trace-context entries of Kafka headers or gRPC metadata, as Kafka headers."""
    return [(k, v.encode() if isinstance(v, str) else v) for k, v in headers or () if k in TRACE_HEADERS]


def new_traceparent() -> list[tuple[str, bytes]]:
    return [("traceparent", f"00-{secrets.token_hex(16)}-{secrets.token_hex(8)}-01".encode())]


def trace_id(trace: Sequence[tuple[str, bytes]]) -> str | None:
    """The trace id of a traceparent ("00-<trace id>-<span id>-<flags>")."""
    for key, value in trace:
        if key == "traceparent":
            parts = value.decode(errors="replace").split("-")
            return parts[1] if len(parts) == 4 else None
    return None
