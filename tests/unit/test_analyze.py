import json

from shared.cli import main

ARTICLES = [
    {"id": "late", "source": "south.example", "published_at": "2026-02-01T12:00:00Z", "title": "t",
     "text": "The transport ministry said the Elm Street bridge will reopen to traffic on Friday.\n\n"
             "It is a lovely bridge."},
    {"id": "early", "source": "north.example", "published_at": "2026-02-01T09:00:00Z", "title": "t",
     "byline": "By Ann Lee",
     "text": "The Elm Street bridge will reopen to traffic on Friday, the transport ministry said.\n\n"
             "Mayor Joan Reyes announced that the city would hire 40 new bus drivers."},
]


def run_analyze(tmp_path, capsys, content: str, name: str = "in.jsonl") -> list[dict]:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert main(["analyze", str(path)]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_analyze_jsonl_contract(tmp_path, capsys):
    rows = run_analyze(tmp_path, capsys, "\n".join(json.dumps(a) for a in ARTICLES))
    texts = {a["id"]: a["text"] for a in ARTICLES}
    assert rows, "no claims extracted"
    assert rows[0]["article_id"] == "early", "articles must be processed in published_at order"
    for row in rows:
        assert set(row) == {"claim_id", "article_id", "source", "start", "end", "text", "speaker",
                            "cluster_id", "status", "sources"}
        assert texts[row["article_id"]][row["start"]:row["end"]] == row["text"]
        assert row["status"] in {"corroborated", "single_source", "conflicting"}
    bridge = [r for r in rows if "bridge" in r["text"]]
    assert len(bridge) == 2 and bridge[0]["cluster_id"] == bridge[1]["cluster_id"]
    assert all(r["status"] == "corroborated" and r["sources"] == ["north.example", "south.example"] for r in bridge)
    drivers = [r for r in rows if "drivers" in r["text"]]
    assert drivers and drivers[0]["status"] == "single_source" and drivers[0]["speaker"]
    assert not any("lovely" in r["text"] for r in rows), "opinion must not be a claim"


def test_analyze_reads_a_scenario_file(tmp_path, capsys):
    rows = run_analyze(tmp_path, capsys, json.dumps({"scenario": "x", "articles": ARTICLES}), "s.json")
    assert {r["article_id"] for r in rows} == {"early", "late"}


def test_analyze_reports_the_bad_line(tmp_path, capsys):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(ARTICLES[0]) + "\n{not json\n", encoding="utf-8")
    assert main(["analyze", str(path)]) == 2
    assert "bad.jsonl:2" in capsys.readouterr().err


def test_analyze_rejects_non_utf8(tmp_path, capsys):
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(b'{"id": "x", "source": "s", "text": "caf\xe9"}\n')
    assert main(["analyze", str(path)]) == 2
    assert "not UTF-8" in capsys.readouterr().err


def test_sample_story_covers_every_status():
    from shared.analyze import analyze
    from shared.articles_io import sample_articles

    statuses = {row["status"] for row in analyze(sample_articles()).rows()}
    assert statuses == {"corroborated", "single_source", "conflicting"}
