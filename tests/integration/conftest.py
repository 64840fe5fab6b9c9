"""One real Kafka broker and one stack of the three services for the whole test session."""

import os

import pytest

from shared.stack import LocalStack


def pytest_collection_modifyitems(items):
    for item in items:
        if "/integration/" in str(item.fspath):
            item.add_marker(pytest.mark.integration)


@pytest.fixture(scope="session")
def stack(tmp_path_factory):
    """Starts the broker (or uses CLAIMCHECK_KAFKA_BOOTSTRAP) and the services; fails loudly if
    they never come up, and always stops them."""
    with LocalStack(kafka_bootstrap=os.environ.get("CLAIMCHECK_KAFKA_BOOTSTRAP") or None,
                    env={"CLAIMCHECK_TOPIC_PREFIX": "itest", "CLAIMCHECK_LOG_LEVEL": "debug"},
                    log_dir=tmp_path_factory.mktemp("service-logs")) as running:
        yield running
