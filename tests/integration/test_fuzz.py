"""Fuzzing the gRPC surface of the running services: random and edge-case requests, valid and
not, typed and raw bytes. Every call must end quickly with a well-formed status (never INTERNAL,
UNKNOWN or a hang) and every service must stay healthy."""

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shared.pb import (
    article_pb2,
    extractor_service_pb2 as extractor_pb,
    matcher_service_pb2 as matcher_pb,
    verdict_service_pb2 as verdict_pb,
)
from shared.validation import EARLIEST_YEAR, LATEST_YEAR

MAX_BYTES = 20_000
FUZZ = settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
EXPECTED = {grpc.StatusCode.OK, grpc.StatusCode.INVALID_ARGUMENT, grpc.StatusCode.NOT_FOUND}
# Protobuf strings must be valid Unicode: lone surrogates cannot even be serialised by a client.
text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)
edge_text = st.one_of(text, st.sampled_from(["", " ", "\n\n", "\x00", "é" * 5000, "Dr. U.S. 3,000.", "“”'\"",
                                             "a" * (MAX_BYTES + 1), "The mayor said 14 people died on Monday."]))
CASES = {"count": 0}


@pytest.fixture(scope="module")
def stack(kafka_bootstrap, tmp_path_factory):
    from shared.stack import LocalStack

    with LocalStack(kafka_bootstrap=kafka_bootstrap, log_dir=tmp_path_factory.mktemp("fuzz-logs"),
                    env={"CLAIMCHECK_TOPIC_PREFIX": "fuzz", "CLAIMCHECK_MAX_ARTICLE_BYTES": str(MAX_BYTES)}) as running:
        yield running


@pytest.fixture(scope="module")
def channels(stack):
    opened = {name: grpc.insecure_channel(addr) for name, addr in stack.addrs.items()}
    yield opened
    for channel in opened.values():
        channel.close()
    for name, addr in stack.addrs.items():  # still alive and healthy after all of it
        assert stack.processes[name].poll() is None, f"{name} died"
        with grpc.insecure_channel(addr) as channel:
            reply = health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(), timeout=5)
            assert reply.status == health_pb2.HealthCheckResponse.SERVING
    print(f"fuzz cases sent: {CASES['count']}")


def call(channel: grpc.Channel, method: str, request: bytes, expected=EXPECTED) -> grpc.StatusCode:
    CASES["count"] += 1
    try:
        channel.unary_unary(method)(request, timeout=10)
        code = grpc.StatusCode.OK
    except grpc.RpcError as exc:
        code = exc.code()
        assert code in expected, f"{method}: {code.name}: {exc.details()}"
        assert exc.details(), "an error must say why"
    return code


@st.composite
def articles(draw) -> article_pb2.Article:
    article = article_pb2.Article(id=draw(st.one_of(st.just(""), text)), source=draw(edge_text),
                                  title=draw(text), byline=draw(text), text=draw(edge_text), url=draw(text))
    if draw(st.booleans()):
        article.published_at.seconds = draw(st.integers(-62135596800, 253402300799))
        article.published_at.nanos = draw(st.integers(0, 999_999_999))
    return article


@FUZZ
@given(article=articles(), submit=st.booleans())
def test_extractor_answers_every_article_with_a_proper_status(channels, article, submit):
    if submit:
        request = extractor_pb.SubmitArticleRequest(article=article).SerializeToString()
        code = call(channels["extractor"], "/claimcheck.v1.ExtractorService/SubmitArticle", request,
                    EXPECTED | {grpc.StatusCode.UNAVAILABLE})
    else:
        request = extractor_pb.ExtractRequest(article=article).SerializeToString()
        code = call(channels["extractor"], "/claimcheck.v1.ExtractorService/Extract", request)
    valid = bool(article.source.strip() and article.text.strip() and article.HasField("published_at")
                 and EARLIEST_YEAR <= article.published_at.ToDatetime().year <= LATEST_YEAR
                 and len(article.text.encode()) <= MAX_BYTES and len(article.source) <= 256 and len(article.id) <= 256)
    assert (code == grpc.StatusCode.OK) == valid or code == grpc.StatusCode.UNAVAILABLE


@FUZZ
@given(a=edge_text, b=edge_text, limit=st.integers(-5, 2000), min_score=st.floats(allow_nan=True),
       published=st.one_of(st.none(), st.tuples(st.integers(-62135596800, 253402300799), st.integers(0, 999_999_999))),
       which=st.sampled_from(["published_at_a", "published_at_b"]))
def test_matcher_answers_every_query_with_a_proper_status(channels, a, b, limit, min_score, published, which):
    compare = matcher_pb.CompareRequest(text_a=a, text_b=b)
    similar = matcher_pb.FindSimilarRequest(text=a, limit=limit, min_score=min_score)
    if published is not None:  # any valid Timestamp: "yesterday" in year 1 must not reach date arithmetic
        for stamp in (getattr(compare, which), similar.published_at):
            stamp.seconds, stamp.nanos = published
    call(channels["matcher"], "/claimcheck.v1.MatcherService/Compare", compare.SerializeToString())
    call(channels["matcher"], "/claimcheck.v1.MatcherService/FindSimilar", similar.SerializeToString())


@FUZZ
@given(claim_id=edge_text, status=st.integers(-3, 10), source=text, page_size=st.integers(-10, 1000),
       page_token=st.one_of(text, st.from_regex(r"[0-9]{1,25}", fullmatch=True), st.sampled_from(["²", "-1", "٣"])))
def test_scorer_answers_every_query_with_a_proper_status(channels, claim_id, status, source, page_size, page_token):
    call(channels["scorer"], "/claimcheck.v1.VerdictService/GetClaim",
         verdict_pb.GetClaimRequest(claim_id=claim_id).SerializeToString())
    call(channels["scorer"], "/claimcheck.v1.VerdictService/ListClaims",
         verdict_pb.ListClaimsRequest(status=status, source=source, page_size=page_size,
                                      page_token=page_token).SerializeToString())


METHODS = ["/claimcheck.v1.ExtractorService/Extract", "/claimcheck.v1.ExtractorService/SubmitArticle",
           "/claimcheck.v1.MatcherService/Compare", "/claimcheck.v1.MatcherService/FindSimilar",
           "/claimcheck.v1.VerdictService/GetClaim", "/claimcheck.v1.VerdictService/ListClaims"]


@FUZZ
@given(raw=st.binary(max_size=2048), method=st.sampled_from(METHODS))
def test_raw_bytes_never_crash_a_service(channels, raw, method):
    service = {"ExtractorService": "extractor", "MatcherService": "matcher", "VerdictService": "scorer"}
    name = service[method.split("/")[1].split(".")[-1]]
    call(channels[name], method, raw, EXPECTED | {grpc.StatusCode.UNAVAILABLE})


def test_watch_rejects_undecodable_requests(channels):
    stream = channels["scorer"].unary_stream("/claimcheck.v1.VerdictService/WatchVerdicts")
    with pytest.raises(grpc.RpcError) as rejected:
        list(stream(b"\x0a\x05ab", timeout=10))  # a length running past the end
    assert rejected.value.code() == grpc.StatusCode.INVALID_ARGUMENT
