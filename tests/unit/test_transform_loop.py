"""The transactional loop's batch handling, with a stand-in producer: what one transaction sends."""

import asyncio

from aiokafka import ConsumerRecord, TopicPartition

from shared.config import Settings
from shared.kafka import COALESCED_TRACES_HEADER, Output, TransformLoop
from shared.pb import claim_pb2


class RecordingProducer:
    def __init__(self) -> None:
        self.sent: list[tuple[str, bytes, bytes, dict]] = []
        self.offsets: list[dict] = []
        self.transactions = 0

    def transaction(self) -> "RecordingProducer":
        return self

    async def __aenter__(self) -> None:
        self.transactions += 1

    async def __aexit__(self, *exc) -> None:
        return None

    async def send(self, topic, value, key=None, headers=()):
        self.sent.append((topic, key, value, dict(headers)))
        return asyncio.get_running_loop().create_future()

    async def send_offsets_to_transaction(self, offsets, group_id):
        self.offsets.append(offsets)


class StateProcessor:
    """Each input claim sets its article's state (latest per key) and also emits a log entry (not)."""

    input_type = claim_pb2.Claim

    def __init__(self) -> None:
        self.state: dict[str, claim_pb2.Claim] = {}

    def validate(self, claim):
        return []

    def process(self, claim):
        state = self.state.setdefault(claim.article_id, claim_pb2.Claim(article_id=claim.article_id))
        state.text += claim.text  # changed in place: the output's value is the live state
        return [Output("log", claim.id, claim), Output("state", claim.article_id, state, latest_per_key=True)]

    def replay(self, claim):
        self.process(claim)

    def reset(self):
        self.state.clear()


def traceparent(offset: int) -> bytes:
    return f"00-{offset + 1:032x}-{offset + 1:016x}-01".encode()


def record(offset: int, article_id: str, text: str) -> ConsumerRecord:
    claim = claim_pb2.Claim(id=f"{article_id}#{offset}", article_id=article_id, text=text)
    value = claim.SerializeToString()
    headers = [("traceparent", traceparent(offset))]
    return ConsumerRecord("in", 0, offset, 0, 0, b"k", value, None, 1, len(value), headers)


async def test_only_the_latest_output_of_a_key_is_produced_with_the_trace_of_its_last_change():
    loop = TransformLoop(Settings(), stage="test", input_topic="in", processor=StateProcessor())
    tp = TopicPartition("in", 0)
    loop._live_from = {tp: 10}
    producer = RecordingProducer()
    records = [record(10, "a", "1"), record(11, "b", "2"), record(12, "a", "3"), record(13, "a", "4")]
    await loop._process_in_transaction(producer, tp, records)

    assert producer.transactions == 1 and producer.offsets == [{tp: 14}]
    logged = [(key, claim_pb2.Claim.FromString(value).text) for topic, key, value, _ in producer.sent if topic == "log"]
    assert logged == [(b"a#10", "1"), (b"b#11", "2"), (b"a#12", "3"), (b"a#13", "4")]
    states = [(key, claim_pb2.Claim.FromString(value).text, h["traceparent"], h.get(COALESCED_TRACES_HEADER))
              for topic, key, value, h in producer.sent if topic == "state"]
    # One record per key, in the order of each key's last change, carrying that change's trace and
    # the traceparents of the changes it stands for besides.
    assert states == [(b"b", "2", traceparent(11), None),
                      (b"a", "134", traceparent(13), traceparent(10) + b"," + traceparent(12))]
    assert [topic for topic, *_ in producer.sent][-2:] == ["state", "state"]
    assert loop.processed == 4 and loop._live_from[tp] == 14
