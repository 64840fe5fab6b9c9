"""Checks for compose-test.sh: what the live compose stack produced against the in-process
reference (`claimcheck analyze`, the same domain code without Kafka).

    python deploy/compose/check_stack.py requests SAMPLE       "ID<TAB>SubmitArticleRequest JSON" a line
    python deploy/compose/check_stack.py count SAMPLE          claims the sample should yield
    python deploy/compose/check_stack.py claims LISTCLAIMS_JSON    claims in a grpcurl reply
    python deploy/compose/check_stack.py verify SAMPLE LISTCLAIMS_JSON CONSUMER_OUTPUT

CONSUMER_OUTPUT is what Kafka's console consumer printed for the verdicts topic with raw values
(no value deserializer), print.key/print.headers on, and the separators below. The values are
decoded byte for byte with the project's protobuf classes.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

# Passed to the console consumer as key.separator / line.separator; no verdict's bytes hold them.
FIELD_SEP = b"<<claimcheck-field>>"
RECORD_SEP = b"<<claimcheck-record>>\n"


def reference(sample: str):
    from shared.analyze import analyze
    from shared.articles_io import load_articles

    return analyze(load_articles(sample))


def list_claims(path: str):
    from google.protobuf import json_format

    from shared.pb import verdict_service_pb2

    reply = verdict_service_pb2.ListClaimsResponse()
    json_format.Parse(Path(path).read_text() or "{}", reply)
    return list(reply.claims)


def consumer_records(path: str) -> list[tuple[dict[str, bytes], str, bytes]]:
    """(headers, key, value) per record, in offset order."""
    from shared.pb import verdict_pb2  # noqa: F401  (import errors surface before parsing)

    records = []
    for chunk in Path(path).read_bytes().split(RECORD_SEP):
        if not chunk.strip():
            continue
        headers_raw, key, value = chunk.split(FIELD_SEP, 2)
        headers = {}
        if headers_raw != b"NO_HEADERS":
            for item in headers_raw.split(b","):
                name, _, val = item.partition(b":")
                headers[name.decode()] = val
        records.append((headers, key.decode(), value))
    return records


def verify(sample: str, claims_json: str, consumer_out: str) -> list[str]:
    from services.scorer.scoring import status_name
    from shared.pb import verdict_pb2

    expected = reference(sample)
    problems: list[str] = []

    # 1. The scorer's view over gRPC: every claim, in the reference's cluster and status.
    live = {c.claim.id: (c.verdict.cluster_id, status_name(c.verdict.status), tuple(c.verdict.independent_sources))
            for c in list_claims(claims_json)}
    want = {m.claim.id: (m.cluster_id, status_name(expected.final_verdict(m).status),
                         tuple(expected.final_verdict(m).independent_sources)) for m in expected.matches}
    for claim_id in sorted(set(live) | set(want)):
        if live.get(claim_id) != want.get(claim_id):
            problems.append(f"ListClaims {claim_id}: live {live.get(claim_id)} != expected {want.get(claim_id)}")

    # 2. The verdicts topic as Kafka's console consumer read it (read_committed).
    records = consumer_records(consumer_out)
    latest: dict[str, verdict_pb2.Verdict] = {}
    revisions: dict[str, list[int]] = {}
    for headers, key, value in records:
        verdict = verdict_pb2.Verdict.FromString(value)
        if verdict.SerializeToString() != value:
            problems.append(f"record {key}: value does not round-trip through claimcheck.v1.Verdict")
        if key != verdict.cluster_id:
            problems.append(f"record key {key!r} != verdict cluster_id {verdict.cluster_id!r}")
        if headers.get("claimcheck-type") != b"claimcheck.v1.Verdict":
            problems.append(f"record {key}: claimcheck-type header {headers.get('claimcheck-type')!r}")
        revisions.setdefault(key, []).append(verdict.revision)
        latest[key] = verdict
    want_verdicts = {v.cluster_id: v for v in expected.book.verdicts()}
    for cluster in sorted(set(latest) | set(want_verdicts)):
        got, exp = latest.get(cluster), want_verdicts.get(cluster)
        if got is None or exp is None:
            problems.append(f"cluster {cluster}: {'missing on the topic' if got is None else 'not expected'}")
        elif got != exp:
            problems.append(f"cluster {cluster}: topic has {status_name(got.status)} rev {got.revision} "
                            f"evidence {[e.claim_id for e in got.evidence]}; expected {status_name(exp.status)} "
                            f"rev {exp.revision} evidence {[e.claim_id for e in exp.evidence]}")
    # Exactly once: a cluster's records come in strictly increasing revisions (a record may stand for
    # several changes made in one transaction, so revisions may skip), the last one equal to the
    # reference's (checked above), whose history lists every change.
    for cluster, seen in sorted(revisions.items()):
        if seen != sorted(set(seen)):
            problems.append(f"cluster {cluster}: revisions on the topic {seen} (duplicated or out of order)")

    statuses = Counter(status_name(v.status) for v in latest.values())
    articles = Counter(m.claim.article_id for m in expected.matches)
    print(f"console consumer: {len(records)} verdict records, {len(latest)} clusters "
          f"({', '.join(f'{n} {s}' for s, n in sorted(statuses.items()))}); ListClaims: {len(live)} claims "
          f"from {len(articles)} articles")
    for cluster, verdict in sorted(latest.items()):
        print(f"  {cluster:8} {status_name(verdict.status):14} rev {verdict.revision}  "
              f"{len(verdict.evidence)} claims  {', '.join(verdict.independent_sources)}")
    return problems


def main(argv: list[str]) -> int:
    command, *args = argv
    if command == "requests":  # in publication order, as the reference processes them
        from google.protobuf import json_format

        from shared.articles_io import by_publication_time, load_articles
        from shared.pb import extractor_service_pb2

        for article in by_publication_time(load_articles(args[0])):
            request = extractor_service_pb2.SubmitArticleRequest(article=article)
            print(f"{article.id}\t{json_format.MessageToJson(request, indent=None)}")
    elif command == "count":
        print(len(reference(args[0]).matches))
    elif command == "claims":
        print(len(list_claims(args[0])))
    elif command == "verify":
        problems = verify(*args)
        for problem in problems:
            print(f"MISMATCH {problem}", file=sys.stderr)
        if problems:
            return 1
        print("verdicts match the in-process reference: every cluster, status, source and revision")
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
