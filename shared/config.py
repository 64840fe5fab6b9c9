"""The one settings object: read from the environment once per process (see README, Configuration)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from typing import Mapping


@dataclass(frozen=True)
class Topics:
    """Topic names; a prefix lets several stacks (or test runs) share one cluster."""

    prefix: str = "claimcheck"

    @property
    def articles(self) -> str:
        return f"{self.prefix}.articles.v1"

    @property
    def claims(self) -> str:
        return f"{self.prefix}.claims.v1"

    @property
    def matches(self) -> str:
        return f"{self.prefix}.matches.v1"

    @property
    def verdicts(self) -> str:
        return f"{self.prefix}.verdicts.v1"

    @staticmethod
    def dlq(topic: str) -> str:
        return f"{topic}.dlq"


@dataclass(frozen=True)
class Settings:
    kafka_bootstrap: str = "127.0.0.1:9092"
    topics: Topics = field(default_factory=Topics)
    topic_partitions: int = 1
    replication_factor: int = 1
    extractor_addr: str = "127.0.0.1:50051"
    matcher_addr: str = "127.0.0.1:50052"
    scorer_addr: str = "127.0.0.1:50053"
    # Where this process's gRPC server binds; empty means the service's own *_addr.
    grpc_listen: str = ""
    # Distinguishes transactional ids when several instances of one service run.
    instance_id: str = "0"
    log_level: str = "info"
    log_format: str = "json"
    shutdown_grace_s: float = 10.0
    max_article_bytes: int = 1_000_000
    # Accepted articles the extractor keeps in memory for GetArticle (the oldest are dropped).
    article_index_size: int = 20_000
    # SubmitArticle calls waiting for Kafka's acknowledgement before new ones get UNAVAILABLE.
    max_pending_submits: int = 1_000
    # WatchVerdicts streams one scorer serves at once before new ones get UNAVAILABLE (each holds a
    # queue of up to 10,000 verdict changes while its client reads).
    max_watchers: int = 1_000
    # Compare calls in flight (each up to 40 x 40 sentence pairs in a worker thread) before new ones
    # get UNAVAILABLE.
    max_pending_compares: int = 64
    # Similarity (0-100) at which two claims can be the same; 0 means the matcher's calibrated default.
    match_threshold: float = 0.0
    # Claims published further apart than this are never matched: older claims leave the matcher's
    # index, and after twice as long the scorer forgets their clusters (memory stays bounded).
    match_window_s: float = 14 * 24 * 3600.0
    min_independent_sources: int = 2
    # How articles are grouped into stories (claims match only within a story): single | place.
    story_key: str = "single"
    # Names of one outlet counted once, e.g. "apnews.com=AP,ap.org=AP".
    source_aliases: str = ""
    # Prometheus /metrics on this HTTP port; 0 turns it off.
    metrics_port: int = 0
    # Server TLS (cert + key); a client CA as well means mutual TLS. Clients: the CA to trust,
    # and their own certificate for mutual TLS.
    tls_cert_file: str = ""
    tls_key_file: str = ""
    tls_client_ca_file: str = ""
    tls_ca_file: str = ""
    tls_client_cert_file: str = ""
    tls_client_key_file: str = ""
    # Clients: the name to expect in the server's certificate when it differs from the address.
    tls_server_name: str = ""
    # Servers: lines "<read|write> <token>". Clients (the CLI): the token they send.
    auth_tokens_file: str = ""
    auth_token: str = field(default="", repr=False)
    # Passed through to aiokafka (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL).
    kafka_security_protocol: str = "PLAINTEXT"
    kafka_sasl_mechanism: str = ""
    kafka_sasl_username: str = ""
    kafka_sasl_password: str = field(default="", repr=False)
    kafka_ssl_cafile: str = ""

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> "Settings":
        environ = os.environ if environ is None else environ
        defaults = cls()
        values: dict[str, object] = {}
        for f in fields(cls):
            if f.name == "topics":
                values["topics"] = Topics(environ.get("CLAIMCHECK_TOPIC_PREFIX", defaults.topics.prefix))
                continue
            default = getattr(defaults, f.name)
            raw = environ.get(f"CLAIMCHECK_{f.name.upper()}", str(default))
            try:
                values[f.name] = type(default)(raw)
            except ValueError as exc:
                raise ValueError(f"CLAIMCHECK_{f.name.upper()}={raw!r}: {exc}") from None
        return cls(**values)  # type: ignore[arg-type]

    @property
    def verdict_retention_s(self) -> float:
        """How long the scorer keeps a cluster after its newest claim: twice the matcher's window,
        so the matcher has forgotten a cluster's claims well before the scorer forgets its verdict."""
        return 2 * self.match_window_s

    def listen_addr(self, service_addr: str) -> str:
        return self.grpc_listen or service_addr
