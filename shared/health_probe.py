"""Container healthcheck: exit 0 only when this process's gRPC health service says SERVING.

Usage: python -m shared.health_probe [ADDR]  (default: CLAIMCHECK_GRPC_LISTEN on loopback)
With TLS, the CLAIMCHECK_TLS_* client settings apply (CLAIMCHECK_TLS_SERVER_NAME if the certificate
does not name 127.0.0.1).
"""

from __future__ import annotations

import os
import sys

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from shared.client import open_sync_channel
from shared.config import Settings


def main(argv: list[str]) -> int:
    listen = argv[0] if argv else os.environ.get("CLAIMCHECK_GRPC_LISTEN", "127.0.0.1:50051")
    addr = "127.0.0.1:" + listen.rsplit(":", 1)[1]
    try:
        with open_sync_channel(addr, Settings.from_env()) as channel:
            reply = health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(), timeout=2)
    except grpc.RpcError as exc:
        print(f"unhealthy: {exc.code().name}", file=sys.stderr)
        return 1
    status = health_pb2.HealthCheckResponse.ServingStatus.Name(reply.status)
    print(status)
    return 0 if reply.status == health_pb2.HealthCheckResponse.SERVING else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
