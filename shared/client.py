"""Small async client helpers over the services' gRPC APIs, used by the CLI and tests."""

from __future__ import annotations

from typing import AsyncIterator

import grpc

from shared.pb import (
    article_pb2,
    claim_pb2,
    extractor_service_pb2 as extractor_pb,
    extractor_service_pb2_grpc as extractor_grpc,
    verdict_pb2,
    verdict_service_pb2 as verdict_service_pb,
    verdict_service_pb2_grpc as verdict_grpc,
)


async def submit_article(channel: grpc.aio.Channel, article: article_pb2.Article,
                         timeout: float = 30) -> extractor_pb.SubmitArticleResponse:
    stub = extractor_grpc.ExtractorServiceStub(channel)
    return await stub.SubmitArticle(extractor_pb.SubmitArticleRequest(article=article), timeout=timeout)


async def extract(channel: grpc.aio.Channel, article: article_pb2.Article, timeout: float = 30) -> list[claim_pb2.Claim]:
    stub = extractor_grpc.ExtractorServiceStub(channel)
    reply = await stub.Extract(extractor_pb.ExtractRequest(article=article), timeout=timeout)
    return list(reply.claims)


async def list_all_claims(channel: grpc.aio.Channel, status: int = 0,
                          source: str = "") -> list[verdict_service_pb.ClaimWithVerdict]:
    stub = verdict_grpc.VerdictServiceStub(channel)
    found, token = [], ""
    while True:
        page = await stub.ListClaims(verdict_service_pb.ListClaimsRequest(
            status=status, source=source, page_size=500, page_token=token), timeout=30)
        found.extend(page.claims)
        token = page.next_page_token
        if not token:
            return found


async def watch_verdicts(channel: grpc.aio.Channel, include_current: bool = False) -> AsyncIterator[verdict_pb2.Verdict]:
    stub = verdict_grpc.VerdictServiceStub(channel)
    async for reply in stub.WatchVerdicts(verdict_service_pb.WatchVerdictsRequest(include_current=include_current)):
        yield reply.verdict
