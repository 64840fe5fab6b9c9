"""The Python client for claimcheck's gRPC APIs: typed, async (`AsyncClient`) and sync (`Client`),
with deadlines, retries with exponential backoff on UNAVAILABLE (gRPC's own retry policy), TLS,
mutual TLS and bearer tokens from the same settings as the services.

    async with AsyncClient.from_env() as cc:
        reply = await cc.submit_article(article)
        async for event in cc.watch_verdicts(include_current=True):
            print(event.sequence, event.verdict.status)

    with Client.from_env() as cc:
        print(cc.get_claim("nw-1#0").verdict.status)
"""

from __future__ import annotations

import asyncio
import json
import threading
from datetime import datetime
from typing import Any, AsyncIterator, Iterator

import grpc

from shared.config import Settings
from shared.pb import (
    article_pb2,
    extractor_service_pb2 as extractor_pb,
    extractor_service_pb2_grpc as extractor_grpc,
    matcher_service_pb2 as matcher_pb,
    matcher_service_pb2_grpc as matcher_grpc,
    verdict_service_pb2 as verdict_pb,
    verdict_service_pb2_grpc as verdict_grpc,
)
from shared.security import bearer_token_interceptors, channel_credentials

DEFAULT_TIMEOUT_S = 30.0
# Retried by gRPC itself: UNAVAILABLE means nothing was accepted (SubmitArticle is idempotent per id).
_RETRY_POLICY = {
    "methodConfig": [{
        "name": [{"service": f"claimcheck.v1.{s}"} for s in ("ExtractorService", "MatcherService", "VerdictService")],
        "retryPolicy": {"maxAttempts": 5, "initialBackoff": "0.2s", "maxBackoff": "5s",
                        "backoffMultiplier": 2, "retryableStatusCodes": ["UNAVAILABLE"]},
    }],
}
CHANNEL_OPTIONS = [("grpc.enable_retries", 1), ("grpc.service_config", json.dumps(_RETRY_POLICY)),
                   ("grpc.max_receive_message_length", 64 * 1024 * 1024)]


def _options(settings: Settings) -> list[tuple[str, object]]:
    if settings.tls_server_name:
        return CHANNEL_OPTIONS + [("grpc.ssl_target_name_override", settings.tls_server_name)]
    return CHANNEL_OPTIONS


def open_channel(addr: str, settings: Settings) -> grpc.aio.Channel:
    """An aio channel to one service, secured and authenticated as the settings say."""
    interceptors = bearer_token_interceptors(settings.auth_token) if settings.auth_token else None
    credentials = channel_credentials(settings)
    if credentials is not None:
        return grpc.aio.secure_channel(addr, credentials, _options(settings), interceptors=interceptors)
    return grpc.aio.insecure_channel(addr, CHANNEL_OPTIONS, interceptors=interceptors)


def open_sync_channel(addr: str, settings: Settings) -> grpc.Channel:
    """A blocking channel (health probes and the like: open services, so no token)."""
    credentials = channel_credentials(settings)
    if credentials is not None:
        return grpc.secure_channel(addr, credentials, _options(settings))
    return grpc.insecure_channel(addr, CHANNEL_OPTIONS)


class AsyncClient:
    def __init__(self, settings: Settings, timeout: float = DEFAULT_TIMEOUT_S) -> None:
        self.settings = settings
        self.timeout = timeout
        self._channels = {name: open_channel(getattr(settings, f"{name}_addr"), settings)
                          for name in ("extractor", "matcher", "scorer")}
        self.extractor = extractor_grpc.ExtractorServiceStub(self._channels["extractor"])
        self.matcher = matcher_grpc.MatcherServiceStub(self._channels["matcher"])
        self.verdicts = verdict_grpc.VerdictServiceStub(self._channels["scorer"])

    @classmethod
    def from_env(cls, **kwargs: Any) -> "AsyncClient":
        return cls(Settings.from_env(), **kwargs)

    async def close(self) -> None:
        await asyncio.gather(*(channel.close() for channel in self._channels.values()))

    async def __aenter__(self) -> "AsyncClient":
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def submit_article(self, article: article_pb2.Article) -> extractor_pb.SubmitArticleResponse:
        return await self.extractor.SubmitArticle(extractor_pb.SubmitArticleRequest(article=article),
                                                  timeout=self.timeout)

    async def extract(self, article: article_pb2.Article) -> extractor_pb.ExtractResponse:
        return await self.extractor.Extract(extractor_pb.ExtractRequest(article=article), timeout=self.timeout)

    async def get_article(self, article_id: str) -> extractor_pb.GetArticleResponse:
        return await self.extractor.GetArticle(extractor_pb.GetArticleRequest(article_id=article_id),
                                               timeout=self.timeout)

    async def compare(self, text_a: str, text_b: str, published_at_a: datetime | None = None,
                      published_at_b: datetime | None = None) -> matcher_pb.CompareResponse:
        request = matcher_pb.CompareRequest(text_a=text_a, text_b=text_b)
        if published_at_a is not None:
            request.published_at_a.FromDatetime(published_at_a)
        if published_at_b is not None:
            request.published_at_b.FromDatetime(published_at_b)
        return await self.matcher.Compare(request, timeout=self.timeout)

    async def find_similar(self, text: str, limit: int = 10, min_score: float = 0.0,
                           published_at: datetime | None = None) -> matcher_pb.FindSimilarResponse:
        request = matcher_pb.FindSimilarRequest(text=text, limit=limit, min_score=min_score)
        if published_at is not None:
            request.published_at.FromDatetime(published_at)
        return await self.matcher.FindSimilar(request, timeout=self.timeout)

    async def get_claim(self, claim_id: str) -> verdict_pb.GetClaimResponse:
        return await self.verdicts.GetClaim(verdict_pb.GetClaimRequest(claim_id=claim_id), timeout=self.timeout)

    async def list_claims(self, request: verdict_pb.ListClaimsRequest | None = None,
                          **filters: Any) -> AsyncIterator[verdict_pb.ClaimWithVerdict]:
        """Every matching claim, page after page (filters as in ListClaimsRequest)."""
        request = request or verdict_pb.ListClaimsRequest(**filters)
        request.page_size = request.page_size or 500
        while True:
            page = await self.verdicts.ListClaims(request, timeout=self.timeout)
            for item in page.claims:
                yield item
            if not page.next_page_token:
                return
            request.page_token = page.next_page_token

    async def all_claims(self, **filters: Any) -> list[verdict_pb.ClaimWithVerdict]:
        return [item async for item in self.list_claims(**filters)]

    async def watch_verdicts(self, include_current: bool = False,
                             resume_after: int = 0) -> AsyncIterator[verdict_pb.WatchVerdictsResponse]:
        """Verdict changes as they happen (no deadline: a watch lasts). After a disconnect, pass the
        last `sequence` seen as `resume_after` to continue where it stopped."""
        request = verdict_pb.WatchVerdictsRequest(include_current=include_current, resume_after=resume_after)
        async for event in self.verdicts.WatchVerdicts(request):
            yield event


class Client:
    """The blocking client: every AsyncClient method, run on a private event loop thread."""

    def __init__(self, settings: Settings, timeout: float = DEFAULT_TIMEOUT_S) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="claimcheck-client", daemon=True)
        self._thread.start()
        self._async = self._run(self._make(settings, timeout))

    @staticmethod
    async def _make(settings: Settings, timeout: float) -> AsyncClient:
        return AsyncClient(settings, timeout)  # channels must be created on the loop that uses them

    @classmethod
    def from_env(cls, **kwargs: Any) -> "Client":
        return cls(Settings.from_env(), **kwargs)

    def _run(self, coroutine: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result()

    def close(self) -> None:
        self._run(self._async.close())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def submit_article(self, article: article_pb2.Article) -> extractor_pb.SubmitArticleResponse:
        return self._run(self._async.submit_article(article))

    def extract(self, article: article_pb2.Article) -> extractor_pb.ExtractResponse:
        return self._run(self._async.extract(article))

    def get_article(self, article_id: str) -> extractor_pb.GetArticleResponse:
        return self._run(self._async.get_article(article_id))

    def compare(self, text_a: str, text_b: str, published_at_a: datetime | None = None,
                published_at_b: datetime | None = None) -> matcher_pb.CompareResponse:
        return self._run(self._async.compare(text_a, text_b, published_at_a, published_at_b))

    def find_similar(self, text: str, limit: int = 10, min_score: float = 0.0,
                     published_at: datetime | None = None) -> matcher_pb.FindSimilarResponse:
        return self._run(self._async.find_similar(text, limit, min_score, published_at))

    def get_claim(self, claim_id: str) -> verdict_pb.GetClaimResponse:
        return self._run(self._async.get_claim(claim_id))

    def all_claims(self, **filters: Any) -> list[verdict_pb.ClaimWithVerdict]:
        return self._run(self._async.all_claims(**filters))

    def watch_verdicts(self, include_current: bool = False, resume_after: int = 0) -> Iterator[verdict_pb.WatchVerdictsResponse]:
        stream = self._async.watch_verdicts(include_current, resume_after)
        while True:
            try:
                yield self._run(stream.__anext__())
            except StopAsyncIteration:
                return
