"""shared.kafka.stop_client: the CancelledError aiokafka's stop() can raise from its own fetch task
must not end a stage, and a real cancellation of the caller must still go through."""

import asyncio

import pytest

from shared.kafka import stop_client


class ClientWhoseStopRaisesItsTaskCancellation:
    stopped = False

    async def stop(self) -> None:
        self.stopped = True
        raise asyncio.CancelledError  # what aiokafka's fetcher leaks when stopped in a retry backoff


async def test_the_clients_own_cancellation_is_swallowed():
    client = ClientWhoseStopRaisesItsTaskCancellation()
    await stop_client(client)  # raised CancelledError (and ended the service) before
    assert client.stopped


async def test_a_cancellation_of_the_caller_still_propagates():
    started = asyncio.Event()
    release = asyncio.Event()

    class SlowClient:
        async def stop(self) -> None:
            started.set()
            await release.wait()

    task = asyncio.create_task(stop_client(SlowClient()))
    await started.wait()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
