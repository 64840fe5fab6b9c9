import json

from shared.cli import main

MRPC_STYLE = (
    "\ufeffQuality\t#1 ID\t#2 ID\t#1 String\t#2 String\n"
    "1\t1\t2\tThe union has agreed to the new wage offer from the port operators.\t"
    "The port operators' new wage offer has been agreed by the union.\n"
    "0\t3\t4\tThe union has agreed to the new wage offer from the port operators.\t"
    "The union has not agreed to the new wage offer from the port operators.\n"
    "0\t5\t6\tThe museum reopened on Friday after a long renovation.\t"
    "Ship traffic was suspended until Thursday at the harbour.\n"
)


def run_compare(tmp_path, capsys, content: str, *options: str) -> list[dict]:
    path = tmp_path / "pairs.tsv"
    path.write_text(content, encoding="utf-8")
    assert main(["compare", "--pairs", str(path), *options]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_compare_reads_mrpc_columns_and_prints_one_line_per_pair_in_order(tmp_path, capsys):
    rows = run_compare(tmp_path, capsys, MRPC_STYLE)
    assert [r["decision"] for r in rows] == ["same", "conflicting", "different"]
    assert [r["rule"] for r in rows] == ["same_claim", "confirm_deny", "below_threshold"]
    for row in rows:
        assert set(row) == {"decision", "score", "reason", "rule"} and 0 <= row["score"] <= 100 and row["reason"]


def test_compare_without_header_takes_the_first_two_columns(tmp_path, capsys):
    rows = run_compare(tmp_path, capsys, "The bridge reopened on Monday.\tThe bridge reopened on Monday.\textra\n")
    assert len(rows) == 1 and rows[0]["decision"] == "same"


def test_compare_resolves_relative_dates_against_a_publication_time_when_given(tmp_path, capsys):
    pair = ("The dockworkers in Halden walked off the job on Tuesday.\t"
            "The dockworkers in Halden walked off the job yesterday.\n")
    as_written = run_compare(tmp_path, capsys, pair)  # a weekday and "yesterday": not comparable
    assert as_written[0]["decision"] == "same", as_written
    [wednesday] = run_compare(tmp_path, capsys, pair, "--published-at", "2025-06-11T09:00:00Z")
    assert wednesday["decision"] == "same" and wednesday["rule"] == "same_claim", wednesday
    [thursday] = run_compare(tmp_path, capsys, pair, "--published-at", "2025-06-12T09:00")  # no zone: UTC
    assert thursday["rule"] == "date_mismatch" and "2025-06-10 vs 2025-06-11" in thursday["reason"], thursday


def test_a_pair_with_a_text_without_words_answers_in_its_place_with_a_clear_rule(tmp_path, capsys):
    rows = run_compare(tmp_path, capsys, "The bridge reopened.\t   \n"
                                         "The bridge reopened on Monday.\tThe bridge reopened on Monday.\n"
                                         "...\t\u200b\n")
    assert [r["decision"] for r in rows] == ["different", "same", "different"]
    assert rows[0]["rule"] == "empty_text" and rows[0]["score"] == 0 and "second text has no words" in rows[0]["reason"]
    assert rows[2]["rule"] == "empty_text" and "first and the second text have no words" in rows[2]["reason"]
