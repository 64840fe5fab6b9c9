"""The seed article must yield the claims a fact-checker expects and none of its opinion.

    python bench/extraction/seed_check.py /work/shared/seeds/*.txt
Prints every extracted claim (speaker | verb | text) and PASS/FAIL per expectation; writes JSON.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from _common import write_json

from services.extractor.extraction import extract_claims
from shared.pb import article_pb2

# (name, pattern the claim text must match, a word of the speaker it must have, or None)
EXPECTED = [
    ("Poland confirms aid transit resumed", r"Poland confirmed the resumption of US military aid", "Poland"),
    ("Trump announces the envoys", r"Representatives of the US government are on their way to Russia", "Trump"),
    ("Rubio on sanctions", r"sanctions would likely be", "Rubio"),
    ("Russian flag over Sudzha", r"raising their flag over Sudscha", None),
]
FORBIDDEN = [r"The stakes are incredibly high", r"The coming days will highlight", r"all attention now turns to Moscow",
             r"The outcome of these discussions could set the stage"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("seeds", nargs="+", type=Path)
    args = ap.parse_args(argv)
    report, ok = {}, True
    for path in args.seeds:
        art = article_pb2.Article(id=path.stem, source="seed", text=path.read_text(encoding="utf-8"))
        art.published_at.FromJsonString("2025-03-12T12:00:00Z")
        claims = extract_claims(art)
        for c in claims:
            print(f"{c.id:>24}  {c.check_worthiness:.2f}  {c.speaker or '-':<22} {c.reporting_verb or '-':<9} {c.text[:110]}")
        checks = []
        for name, pattern, speaker in EXPECTED:
            hit = next((c for c in claims if re.search(pattern, c.text)), None)
            passed = hit is not None and (speaker is None or speaker in hit.speaker.split())
            checks.append({"check": name, "passed": passed, "speaker": hit.speaker if hit else None})
        for pattern in FORBIDDEN:
            hit = next((c for c in claims if re.search(pattern, c.text)), None)
            checks.append({"check": f"no opinion: {pattern}", "passed": hit is None})
        for c in checks:
            print(f"{'PASS' if c['passed'] else 'FAIL'}  {c['check']}" + (f"  (speaker {c['speaker']!r})" if c.get("speaker") is not None else ""))
            ok &= c["passed"]
        report[path.name] = {"claims": len(claims), "checks": checks}
    print(f"wrote {write_json('seed_check.json', report)}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
