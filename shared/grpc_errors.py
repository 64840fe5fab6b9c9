"""Turning problems into gRPC statuses with google.rpc details, the same way in every servicer:
INVALID_ARGUMENT carries a BadRequest (which field, why), UNAVAILABLE a RetryInfo (when to retry)."""

from __future__ import annotations

import grpc
from google.protobuf import any_pb2, duration_pb2
from google.rpc import code_pb2, error_details_pb2, status_pb2
from grpc_status import rpc_status

from shared.validation import Violation


async def reject_invalid(context: grpc.aio.ServicerContext, problems: list[Violation]) -> None:
    """Aborts the call with INVALID_ARGUMENT naming every problem; returns only if there are none."""
    if not problems:
        return
    bad_request = error_details_pb2.BadRequest(field_violations=[
        error_details_pb2.BadRequest.FieldViolation(field=p.field, description=p.description) for p in problems])
    await _abort(context, code_pb2.INVALID_ARGUMENT, "; ".join(map(str, problems)), bad_request)


async def reject_unavailable(context: grpc.aio.ServicerContext, message: str, retry_after_s: float = 1.0) -> None:
    retry = error_details_pb2.RetryInfo(retry_delay=duration_pb2.Duration(
        seconds=int(retry_after_s), nanos=int(retry_after_s % 1 * 1e9)))
    await _abort(context, code_pb2.UNAVAILABLE, message, retry)


# Status messages travel in HTTP/2 trailers, which peers cap at 16 KiB; never echo input unbounded.
MAX_MESSAGE_CHARS = 1_000


def bounded(text: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


async def _abort(context: grpc.aio.ServicerContext, code: int, message: str, detail) -> None:
    message = bounded(message)
    packed = any_pb2.Any()
    packed.Pack(detail)
    await context.abort_with_status(rpc_status.to_status(status_pb2.Status(code=code, message=message, details=[packed])))
