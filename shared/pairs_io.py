"""Reading sentence pairs for `claimcheck compare --pairs`: tab-separated; with MRPC's header the
two string columns, otherwise the first two columns."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Iterator

MRPC_STRING_COLUMNS = ("#1 String", "#2 String")


def read_pairs(path: str | Path) -> Iterator[tuple[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        first = next(rows, None)
        if first is None:
            return
        if all(column in first for column in MRPC_STRING_COLUMNS):
            a, b = (first.index(column) for column in MRPC_STRING_COLUMNS)
        else:
            a, b = 0, 1
            if len(first) >= 2:
                yield first[0], first[1]
        for number, row in enumerate(rows, 2):
            if not any(cell.strip() for cell in row):
                continue
            if len(row) <= max(a, b):
                raise ValueError(f"{path}:{number}: expected at least {max(a, b) + 1} tab-separated columns")
            yield row[a], row[b]
