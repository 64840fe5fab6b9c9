"""TLS, mutual TLS, bearer tokens and metrics on real service processes, with certificates made
here for the test (a throwaway CA, a server certificate for 127.0.0.1, a client certificate)."""

import asyncio
import datetime
import ipaddress
import urllib.request
from dataclasses import replace

import grpc
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from shared.client import AsyncClient
from shared.pb import article_pb2
from shared.stack import LocalStack

pytestmark = pytest.mark.asyncio(loop_scope="session")
READ_TOKEN, WRITE_TOKEN = "reader-7f3a9c", "writer-2b81d4"


def _issue(subject: str, issuer_key, issuer_name, *, ca: bool = False, server: bool = False):
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.datetime.now(datetime.timezone.utc)
    builder = (x509.CertificateBuilder().subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
               .issuer_name(issuer_name or x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
               .public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(now - datetime.timedelta(minutes=1)).not_valid_after(now + datetime.timedelta(days=1))
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
    if server:
        builder = builder.add_extension(x509.SubjectAlternativeName(
            [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
    cert = builder.sign(issuer_key or key, hashes.SHA256())
    return key, cert


def _write(path, key, cert):
    path.with_suffix(".key").write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                           serialization.NoEncryption()))
    path.with_suffix(".crt").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return str(path.with_suffix(".crt")), str(path.with_suffix(".key"))


@pytest.fixture(scope="module")
def secured(kafka_bootstrap, tmp_path_factory):
    pki = tmp_path_factory.mktemp("pki")
    ca_key, ca_cert = _issue("claimcheck test CA", None, None, ca=True)
    ca_file, _ = _write(pki / "ca", ca_key, ca_cert)
    server_cert, server_key = _write(pki / "server", *_issue("127.0.0.1", ca_key, ca_cert.subject, server=True))
    client_cert, client_key = _write(pki / "client", *_issue("newsroom-tool", ca_key, ca_cert.subject))
    tokens = pki / "tokens"
    tokens.write_text(f"# role token\nread {READ_TOKEN}\nwrite {WRITE_TOKEN}\n")
    env = {"CLAIMCHECK_TOPIC_PREFIX": "secured", "CLAIMCHECK_METRICS_PORT": "auto",
           "CLAIMCHECK_TLS_CERT_FILE": server_cert, "CLAIMCHECK_TLS_KEY_FILE": server_key,
           "CLAIMCHECK_TLS_CLIENT_CA_FILE": ca_file, "CLAIMCHECK_AUTH_TOKENS_FILE": str(tokens),
           # what clients of this stack use (the readiness probe among them):
           "CLAIMCHECK_TLS_CA_FILE": ca_file, "CLAIMCHECK_TLS_CLIENT_CERT_FILE": client_cert,
           "CLAIMCHECK_TLS_CLIENT_KEY_FILE": client_key}
    with LocalStack(kafka_bootstrap=kafka_bootstrap, env=env, log_dir=tmp_path_factory.mktemp("secured-logs")) as stack:
        yield stack


def article() -> article_pb2.Article:
    a = article_pb2.Article(id="sec-1", source="north.example", text="The regional police said 12 roads were closed on Monday.")
    a.published_at.FromJsonString("2026-06-01T08:00:00Z")
    return a


async def test_mutual_tls_with_a_write_token_submits(secured):
    async with AsyncClient(replace(secured.client_settings(), auth_token=WRITE_TOKEN)) as cc:
        assert (await cc.submit_article(article())).article_id == "sec-1"
        assert (await cc.extract(article())).claims


async def test_a_read_token_reads_but_may_not_submit(secured):
    async with AsyncClient(replace(secured.client_settings(), auth_token=READ_TOKEN)) as cc:
        await cc.all_claims()  # allowed
        async def first_event():  # streams carry the token too (the article submitted above)
            async for event in cc.watch_verdicts(include_current=True):
                return event

        assert (await asyncio.wait_for(first_event(), 60)).verdict.cluster_id
        with pytest.raises(grpc.aio.AioRpcError) as denied:
            await cc.submit_article(article())
        assert denied.value.code() == grpc.StatusCode.PERMISSION_DENIED


@pytest.mark.parametrize("token", ["", "not-a-token"])
async def test_missing_or_unknown_token_is_unauthenticated(secured, token):
    async with AsyncClient(replace(secured.client_settings(), auth_token=token)) as cc:
        with pytest.raises(grpc.aio.AioRpcError) as denied:
            await cc.all_claims()
        assert denied.value.code() == grpc.StatusCode.UNAUTHENTICATED
        # A watch stream is guarded the same way.
        with pytest.raises(grpc.aio.AioRpcError) as denied:
            async for _ in cc.watch_verdicts():
                pass
        assert denied.value.code() == grpc.StatusCode.UNAUTHENTICATED


async def test_tls_is_required_and_so_is_the_client_certificate(secured):
    settings = replace(secured.client_settings(), auth_token=WRITE_TOKEN)
    plaintext = replace(settings, tls_ca_file="", tls_client_cert_file="", tls_client_key_file="")
    no_client_cert = replace(settings, tls_client_cert_file="", tls_client_key_file="")
    for wrong in (plaintext, no_client_cert):
        async with AsyncClient(wrong, timeout=5) as cc:
            with pytest.raises(grpc.aio.AioRpcError) as refused:
                await cc.all_claims()
            assert refused.value.code() == grpc.StatusCode.UNAVAILABLE


async def test_metrics_count_calls_by_status_and_hide_tokens(secured):
    async with AsyncClient(replace(secured.client_settings(), auth_token="wrong")) as cc:
        with pytest.raises(grpc.aio.AioRpcError):
            await cc.get_claim("x#0")
    port = secured.metrics_ports["scorer"]
    for _ in range(60):  # the article submitted earlier reaches the scorer in its own time
        text = await asyncio.to_thread(
            lambda: urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5).read().decode())
        if 'claimcheck_kafka_records_total{outcome="processed",stage="scorer"}' in text:
            break
        await asyncio.sleep(0.5)
    assert 'claimcheck_grpc_requests_total{code="UNAUTHENTICATED",method="GetClaim",service="claimcheck.v1.VerdictService"}' in text
    assert 'claimcheck_kafka_records_total{outcome="processed",stage="scorer"}' in text
    logs = "".join(secured.log_tail(name, 10_000) for name in ("extractor", "matcher", "scorer"))
    assert READ_TOKEN not in logs and WRITE_TOKEN not in logs and "wrong" not in text
