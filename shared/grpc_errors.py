"""Turning request problems into gRPC statuses, the same way in every servicer."""

from __future__ import annotations

import grpc


async def reject_invalid(context: grpc.aio.ServicerContext, problems: list[str]) -> None:
    """Aborts the call with INVALID_ARGUMENT naming every problem; returns only if there are none."""
    if problems:
        await context.abort(grpc.StatusCode.INVALID_ARGUMENT, "; ".join(problems))
