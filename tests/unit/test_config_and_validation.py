import pytest

from shared.config import Settings
from shared.pb import article_pb2
from shared.validation import article_id_for, publication_time, validate_article


def test_settings_read_the_environment(monkeypatch):
    monkeypatch.setenv("CLAIMCHECK_KAFKA_BOOTSTRAP", "kafka:9092")
    monkeypatch.setenv("CLAIMCHECK_TOPIC_PREFIX", "story7")
    monkeypatch.setenv("CLAIMCHECK_MATCH_THRESHOLD", "82.5")
    monkeypatch.setenv("CLAIMCHECK_TOPIC_PARTITIONS", "3")
    settings = Settings.from_env()
    assert settings.kafka_bootstrap == "kafka:9092"
    assert settings.topics.verdicts == "story7.verdicts.v1"
    assert settings.topics.dlq(settings.topics.claims) == "story7.claims.v1.dlq"
    assert settings.match_threshold == 82.5 and settings.topic_partitions == 3


def test_a_malformed_setting_names_the_variable(monkeypatch):
    monkeypatch.setenv("CLAIMCHECK_TOPIC_PARTITIONS", "three")
    with pytest.raises(ValueError, match="CLAIMCHECK_TOPIC_PARTITIONS"):
        Settings.from_env()


def good_article(**changes) -> article_pb2.Article:
    article = article_pb2.Article(id="a1", source="north.example", text="The bridge reopened on Monday.")
    article.published_at.FromJsonString("2026-01-01T00:00:00Z")
    for key, value in changes.items():
        setattr(article, key, value)
    return article


def test_validate_article_accepts_a_good_one_and_names_each_problem():
    assert validate_article(good_article(), 1000) == []
    problems = validate_article(article_pb2.Article(source=" ", text=""), 1000)
    assert {p.field for p in problems} == {"article.source", "article.text", "article.published_at"}
    assert "article.text is empty" in map(str, problems)
    too_big = validate_article(good_article(text="x" * 2000), 1000)
    assert [p.field for p in too_big] == ["article.text"] and "over the limit" in too_big[0].description


def test_publication_times_out_of_range_are_named_and_in_range_ones_read_as_utc():
    good = article_pb2.Article(id="a", source="northwire.example", text="Text.")
    good.published_at.FromJsonString("2025-06-11T09:00:00Z")
    assert validate_article(good, 1000) == [] and publication_time(good, "published_at")[0].isoformat() == (
        "2025-06-11T09:00:00+00:00")
    year_one = article_pb2.Article(id="a", source="northwire.example", text="Text.")
    year_one.published_at.seconds = -62135596800  # 0001-01-01: a valid Timestamp, no publication time
    assert [v.field for v in validate_article(year_one, 1000)] == ["article.published_at"]
    broken = article_pb2.Article(id="a", source="northwire.example", text="Text.")
    broken.published_at.nanos = 2 * 10**9
    when, problems = publication_time(broken, "published_at", "article.published_at")
    assert when is None and "article.published_at is not a valid time" in str(problems[0])
    assert publication_time(article_pb2.Article(), "published_at") == (None, [])


def test_derived_article_ids_are_stable_and_distinct():
    assert article_id_for(good_article(id="")) == article_id_for(good_article(id=""))
    assert article_id_for(good_article(id="")) != article_id_for(good_article(id="", source="south.example"))


def test_every_setting_is_documented_in_the_readme():
    import re
    from dataclasses import fields
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    documented = set(re.findall(r"^\| `(CLAIMCHECK_[A-Z_]+)` \|", readme, re.MULTILINE))
    settings = {f"CLAIMCHECK_{f.name.upper()}" for f in fields(Settings) if f.name != "topics"}
    assert settings | {"CLAIMCHECK_TOPIC_PREFIX"} <= documented, sorted(settings - documented)


def test_kafka_cluster_ids_never_look_like_an_option():
    from shared.kafka_runner import new_cluster_id

    ids = [new_cluster_id() for _ in range(5000)]  # ~78 would start with "-" without the guard
    assert not any(i.startswith("-") for i in ids) and len(set(ids)) == len(ids)
    assert all(len(i) == 22 for i in ids)


def test_stage_inputs_are_kept_at_least_as_long_as_the_state_replay_rebuilds():
    from shared.kafka import pipeline_topics

    settings = Settings.from_env({"CLAIMCHECK_MATCH_WINDOW_S": "3600"})
    assert settings.verdict_retention_s == 7200
    kept = {spec.name: spec.config.get("retention.ms") for spec in pipeline_topics(settings)}
    for topic in (settings.topics.articles, settings.topics.claims, settings.topics.matches):
        assert int(kept[topic]) >= settings.verdict_retention_s * 1000
    assert kept[settings.topics.verdicts] is None  # compacted: the latest verdict per cluster stays
