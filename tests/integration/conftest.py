"""One real Kafka broker for the whole test session; each test module gets its own three service
processes on its own topic prefix, so modules never see each other's data."""

import os

import pytest

from shared.kafka_runner import LocalKafka
from shared.stack import LocalStack


def pytest_collection_modifyitems(items):
    for item in items:
        if "/integration/" in str(item.fspath):
            item.add_marker(pytest.mark.integration)


@pytest.fixture(scope="session")
def kafka_bootstrap():
    """The broker: CLAIMCHECK_KAFKA_BOOTSTRAP if set, else a local one that fails loudly if it
    never comes up and is always stopped."""
    given = os.environ.get("CLAIMCHECK_KAFKA_BOOTSTRAP")
    if given:
        yield given
        return
    with LocalKafka() as kafka:
        yield kafka.bootstrap


@pytest.fixture(scope="module")
def stack(kafka_bootstrap, request, tmp_path_factory):
    prefix = request.module.__name__.rsplit(".", 1)[-1].replace("_", "-")
    with LocalStack(kafka_bootstrap=kafka_bootstrap,
                    env={"CLAIMCHECK_TOPIC_PREFIX": prefix, "CLAIMCHECK_LOG_LEVEL": "debug"},
                    log_dir=tmp_path_factory.mktemp(f"{prefix}-logs")) as running:
        yield running
