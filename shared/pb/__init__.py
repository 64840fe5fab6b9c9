"""Generated protobuf and gRPC code for claimcheck.v1 (do not edit: `make proto`)."""

from . import (  # noqa: F401  (re-exported for `from shared.pb import claim_pb2`)
    article_pb2,
    claim_pb2,
    extractor_service_pb2,
    extractor_service_pb2_grpc,
    match_pb2,
    matcher_service_pb2,
    matcher_service_pb2_grpc,
    verdict_pb2,
    verdict_service_pb2,
    verdict_service_pb2_grpc,
)
