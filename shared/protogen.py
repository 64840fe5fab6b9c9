"""Regenerates shared/pb from protos/ (run via `make proto`; tests check it is up to date).

grpc_tools writes absolute imports (`from claimcheck.v1 import claim_pb2`); they are rewritten
to package-relative ones so the generated code lives inside `shared.pb` without path tricks.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

from grpc_tools import protoc

ROOT = Path(__file__).resolve().parent.parent
PROTO_ROOT = ROOT / "protos"
OUT = ROOT / "shared" / "pb"
_ABSOLUTE_IMPORT = re.compile(r"^from claimcheck\.v1 import (\w+)", re.MULTILINE)


def generate(out: Path = OUT) -> list[Path]:
    protos = sorted(str(p.relative_to(PROTO_ROOT)) for p in PROTO_ROOT.rglob("*.proto"))
    with tempfile.TemporaryDirectory() as tmp:
        args = ["protoc", f"-I{PROTO_ROOT}", f"-I{protoc_include()}",
                f"--python_out={tmp}", f"--pyi_out={tmp}", f"--grpc_python_out={tmp}", *protos]
        if protoc.main(args) != 0:
            raise RuntimeError("protoc failed")
        written = []
        for generated in sorted((Path(tmp) / "claimcheck" / "v1").iterdir()):
            code = _ABSOLUTE_IMPORT.sub(r"from . import \1", generated.read_text())
            if generated.name.endswith("_grpc.py") and "Servicer" not in code:
                continue  # a proto with messages only: its gRPC module would be empty
            target = out / generated.name
            target.write_text(code)
            written.append(target)
    return written


def protoc_include() -> str:
    import grpc_tools

    return str(Path(grpc_tools.__file__).parent / "_proto")


if __name__ == "__main__":
    for path in generate(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT):
        print(path.relative_to(ROOT))
