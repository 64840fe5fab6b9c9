"""The schema and deployment files stay valid and the generated code stays in step with protos/."""

import filecmp
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def test_generated_code_matches_protos(tmp_path):
    from shared.protogen import OUT, generate

    for path in generate(tmp_path):
        assert filecmp.cmp(path, OUT / path.name, shallow=False), f"{path.name} is stale: run `make proto`"


def tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    if not found:
        pytest.fail(f"{name} is not installed (it comes with the dev extras: make install)")
    return found


def test_protos_pass_buf_lint():
    result = subprocess.run([tool("buf"), "lint"], cwd=ROOT / "protos", capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_compose_file_matches_the_compose_specification():
    result = subprocess.run([tool("check-jsonschema"), "--builtin-schema", "vendor.compose-spec",
                             str(ROOT / "docker-compose.yml")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


BASELINE = "baseline/claimcheck-v1.json"  # the released v1 API; refresh with `make proto-baseline` on release


def test_protos_do_not_break_the_released_api():
    result = subprocess.run([tool("buf"), "breaking", ".", "--against", BASELINE], cwd=ROOT / "protos",
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_breaking_check_catches_a_removed_field(tmp_path):
    shutil.copytree(ROOT / "protos", tmp_path / "protos")
    claim = tmp_path / "protos" / "claimcheck" / "v1" / "claim.proto"
    claim.write_text(claim.read_text().replace("  string speaker = 8;\n", ""))
    result = subprocess.run([tool("buf"), "breaking", ".", "--against", BASELINE], cwd=tmp_path / "protos",
                            capture_output=True, text=True)
    assert result.returncode != 0 and "speaker" in result.stdout + result.stderr
