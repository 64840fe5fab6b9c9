"""TLS, mutual TLS and bearer-token auth for the gRPC servers and clients.

Servers: CLAIMCHECK_TLS_CERT_FILE + CLAIMCHECK_TLS_KEY_FILE turn TLS on; CLAIMCHECK_TLS_CLIENT_CA_FILE
also requires client certificates signed by that CA (mutual TLS). CLAIMCHECK_AUTH_TOKENS_FILE (lines
`<role> <token>`, role `read` or `write`) requires `authorization: Bearer <token>` on every call but
health checks and reflection. Tokens never reach the logs.
"""

from __future__ import annotations

import hmac
from pathlib import Path
from typing import Any, Awaitable, Callable

import grpc

from shared.config import Settings

ROLES = ("read", "write")
# Health and reflection stay open: probes and grpcurl's discovery carry no token.
OPEN_SERVICES = ("/grpc.health.v1.Health/", "/grpc.reflection.")
WRITE_METHODS = frozenset({"/claimcheck.v1.ExtractorService/SubmitArticle"})


def _read(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise ValueError(f"cannot read {path}: {exc.strerror}") from None


def server_credentials(settings: Settings) -> grpc.ServerCredentials | None:
    if not (settings.tls_cert_file or settings.tls_key_file):
        return None
    if not (settings.tls_cert_file and settings.tls_key_file):
        raise ValueError("CLAIMCHECK_TLS_CERT_FILE and CLAIMCHECK_TLS_KEY_FILE go together")
    client_ca = _read(settings.tls_client_ca_file) if settings.tls_client_ca_file else None
    return grpc.ssl_server_credentials([(_read(settings.tls_key_file), _read(settings.tls_cert_file))],
                                       root_certificates=client_ca, require_client_auth=client_ca is not None)


def channel_credentials(settings: Settings) -> grpc.ChannelCredentials | None:
    """Client side: TLS when a CA (or a client certificate for mutual TLS) is configured."""
    if not (settings.tls_ca_file or settings.tls_client_cert_file):
        return None
    return grpc.ssl_channel_credentials(
        root_certificates=_read(settings.tls_ca_file) if settings.tls_ca_file else None,
        private_key=_read(settings.tls_client_key_file) if settings.tls_client_key_file else None,
        certificate_chain=_read(settings.tls_client_cert_file) if settings.tls_client_cert_file else None)


def load_tokens(path: str) -> dict[str, str]:
    """token -> role, from lines `<role> <token>`; blank lines and # comments ignored."""
    tokens = {}
    for number, line in enumerate(_read(path).decode().splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        role, _, token = line.partition(" ")
        if role not in ROLES or not token.strip():
            raise ValueError(f"{path}:{number}: expected '<read|write> <token>'")
        tokens[token.strip()] = role
    if not tokens:
        raise ValueError(f"{path}: no tokens")
    return tokens


class TokenAuthInterceptor(grpc.aio.ServerInterceptor):
    """UNAUTHENTICATED without a known bearer token; PERMISSION_DENIED for a read token on a write method."""

    def __init__(self, tokens: dict[str, str]) -> None:
        self._tokens = list(tokens.items())

    def _role(self, token: str) -> str | None:
        role = None
        for known, known_role in self._tokens:  # compare with every token, in constant time each
            if hmac.compare_digest(known.encode(), token.encode()):
                role = known_role
        return role

    async def intercept_service(self, continuation: Callable[[grpc.HandlerCallDetails], Awaitable[Any]],
                                details: grpc.HandlerCallDetails) -> Any:
        handler = await continuation(details)
        if handler is None or details.method.startswith(OPEN_SERVICES):
            return handler
        metadata = dict(details.invocation_metadata or ())
        scheme, _, token = str(metadata.get("authorization", "")).partition(" ")
        if scheme.lower() != "bearer" or not token:
            return _denied(handler, grpc.StatusCode.UNAUTHENTICATED,
                           "missing bearer token: send metadata 'authorization: Bearer <token>'")
        role = self._role(token)
        if role is None:
            return _denied(handler, grpc.StatusCode.UNAUTHENTICATED, "unknown bearer token")
        if details.method in WRITE_METHODS and role != "write":
            return _denied(handler, grpc.StatusCode.PERMISSION_DENIED, f"{details.method} needs a write token")
        return handler


def _denied(handler: grpc.RpcMethodHandler, code: grpc.StatusCode, message: str) -> grpc.RpcMethodHandler:
    async def deny_unary(request: Any, context: grpc.aio.ServicerContext) -> Any:
        await context.abort(code, message)

    async def deny_stream(request: Any, context: grpc.aio.ServicerContext) -> Any:
        await context.abort(code, message)
        yield  # pragma: no cover - makes this an async generator

    if handler.unary_stream:
        return grpc.unary_stream_rpc_method_handler(deny_stream, request_deserializer=handler.request_deserializer,
                                                    response_serializer=handler.response_serializer)
    return grpc.unary_unary_rpc_method_handler(deny_unary, request_deserializer=handler.request_deserializer,
                                               response_serializer=handler.response_serializer)


class _WithToken:
    def __init__(self, token: str) -> None:
        self._metadata = ("authorization", f"Bearer {token}")

    def _with_token(self, details: grpc.aio.ClientCallDetails) -> grpc.aio.ClientCallDetails:
        metadata = grpc.aio.Metadata(*(details.metadata or ()), self._metadata)
        return grpc.aio.ClientCallDetails(details.method, details.timeout, metadata, details.credentials,
                                          details.wait_for_ready)


class _UnaryToken(_WithToken, grpc.aio.UnaryUnaryClientInterceptor):
    async def intercept_unary_unary(self, continuation, details, request):
        return await continuation(self._with_token(details), request)


class _StreamToken(_WithToken, grpc.aio.UnaryStreamClientInterceptor):
    async def intercept_unary_stream(self, continuation, details, request):
        return await continuation(self._with_token(details), request)


def bearer_token_interceptors(token: str) -> list[grpc.aio.ClientInterceptor]:
    """Client side: the token on every call (plaintext channels too, for local use). One object
    per call kind: grpc.aio files an interceptor under the first kind it implements only."""
    return [_UnaryToken(token), _StreamToken(token)]
