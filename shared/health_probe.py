"""Container healthcheck: exit 0 only when this process's gRPC health service says SERVING.

Usage: python -m shared.health_probe [ADDR]  (default: CLAIMCHECK_GRPC_LISTEN on loopback)
"""

from __future__ import annotations

import os
import sys

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc


def main(argv: list[str]) -> int:
    listen = argv[0] if argv else os.environ.get("CLAIMCHECK_GRPC_LISTEN", "127.0.0.1:50051")
    addr = "127.0.0.1:" + listen.rsplit(":", 1)[1]
    try:
        with grpc.insecure_channel(addr) as channel:
            reply = health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(), timeout=2)
    except grpc.RpcError as exc:
        print(f"unhealthy: {exc.code().name}", file=sys.stderr)
        return 1
    status = health_pb2.HealthCheckResponse.ServingStatus.Name(reply.status)
    print(status)
    return 0 if reply.status == health_pb2.HealthCheckResponse.SERVING else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
