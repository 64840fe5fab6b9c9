"""The whole pipeline in one process, no Kafka: the same domain code the services run, in the
same order, for batch use (`claimcheck analyze`) and benchmarks."""

from __future__ import annotations

from dataclasses import dataclass, field

from services.extractor.stories import extract_story_claims
from services.matcher.matching import DEFAULT_THRESHOLD
from services.matcher.stories import StoryIndexes
from services.scorer.scoring import VerdictBook, status_name
from shared.articles_io import by_publication_time
from shared.pb import article_pb2, match_pb2, verdict_pb2
from shared.validation import article_id_for


@dataclass
class Analysis:
    matches: list[match_pb2.ClaimMatch] = field(default_factory=list)
    book: VerdictBook = field(default_factory=VerdictBook)

    def final_verdict(self, match: match_pb2.ClaimMatch) -> verdict_pb2.Verdict:
        return self.book.verdict(match.cluster_id)

    def rows(self) -> list[dict]:
        """One dict per extracted claim, the `claimcheck analyze` JSONL contract."""
        rows = []
        for m in self.matches:
            verdict = self.final_verdict(m)
            rows.append({
                "claim_id": m.claim.id, "article_id": m.claim.article_id, "source": m.claim.source,
                "start": m.claim.span.start, "end": m.claim.span.end, "text": m.claim.text,
                "speaker": m.claim.speaker or None, "cluster_id": m.cluster_id,
                "status": status_name(verdict.status), "sources": list(verdict.independent_sources),
            })
        return rows


def analyze(articles: list[article_pb2.Article], threshold: float | None = None,
            min_independent_sources: int = 2, source_aliases: dict[str, str] | None = None,
            story_key: str = "single") -> Analysis:
    index = StoryIndexes(threshold=threshold or DEFAULT_THRESHOLD)
    result = Analysis(book=VerdictBook(min_independent_sources, source_aliases))
    for article in by_publication_time(articles):
        if not article.id:
            article.id = article_id_for(article)
        for claim in extract_story_claims(article, story_key):
            match = index.place(claim)
            if result.book.apply(match) is not None:
                result.matches.append(match)
    return result
