"""Reading articles from files: a scenario JSON (eval format) or JSONL, one article a line."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path

from shared.pb import article_pb2

SAMPLE_FILE = "harbour-fire.jsonl"
_FIELDS = ("id", "source", "title", "byline", "text", "url")


class ArticleFileError(ValueError):
    """A file that is not a scenario or article JSONL, with where and why."""


def iso_time(text: str) -> datetime:
    """An ISO 8601 time ("2025-03-12T09:15:00Z") in UTC, as the pipeline reads publication times; one
    without a zone is UTC. ValueError otherwise."""
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return value.astimezone(timezone.utc) if value.tzinfo else value.replace(tzinfo=timezone.utc)


def article_from_dict(data: dict) -> article_pb2.Article:
    if not isinstance(data, dict):
        raise ArticleFileError(f"expected an object, got {type(data).__name__}")
    article = article_pb2.Article(**{k: str(data[k]) for k in _FIELDS if data.get(k) is not None})
    if data.get("published_at"):
        try:
            published = iso_time(str(data["published_at"]))
        except ValueError as exc:
            raise ArticleFileError(f"published_at: {exc}") from None
        article.published_at.FromDatetime(published)
    return article


def parse_articles(text: str, name: str = "<input>") -> list[article_pb2.Article]:
    stripped = text.lstrip()
    if stripped.startswith("{") and '"articles"' in stripped[:100_000]:
        try:
            scenario = json.loads(text)
        except json.JSONDecodeError:
            scenario = None
        if isinstance(scenario, dict) and isinstance(scenario.get("articles"), list):
            return [article_from_dict(a) for a in scenario["articles"]]
    articles = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            articles.append(article_from_dict(json.loads(line)))
        except (json.JSONDecodeError, ArticleFileError) as exc:
            raise ArticleFileError(f"{name}:{number}: {exc}") from None
    return articles


def load_articles(path: str | Path) -> list[article_pb2.Article]:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ArticleFileError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    return parse_articles(text, str(path))


def sample_articles() -> list[article_pb2.Article]:
    """The project's own sample story (several outlets on one event), shipped with the package."""
    text = resources.files("shared.samples").joinpath(SAMPLE_FILE).read_text(encoding="utf-8")
    return parse_articles(text, SAMPLE_FILE)


def by_publication_time(articles: list[article_pb2.Article]) -> list[article_pb2.Article]:
    return sorted(articles, key=lambda a: (a.published_at.seconds, a.published_at.nanos, a.id))
