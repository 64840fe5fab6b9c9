import datetime

from . import claim_pb2 as _claim_pb2
from . import match_pb2 as _match_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CompareRequest(_message.Message):
    __slots__ = ("text_a", "text_b", "published_at_a", "published_at_b")
    TEXT_A_FIELD_NUMBER: _ClassVar[int]
    TEXT_B_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_AT_A_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_AT_B_FIELD_NUMBER: _ClassVar[int]
    text_a: str
    text_b: str
    published_at_a: _timestamp_pb2.Timestamp
    published_at_b: _timestamp_pb2.Timestamp
    def __init__(self, text_a: _Optional[str] = ..., text_b: _Optional[str] = ..., published_at_a: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., published_at_b: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CompareResponse(_message.Message):
    __slots__ = ("explanation",)
    EXPLANATION_FIELD_NUMBER: _ClassVar[int]
    explanation: _match_pb2.MatchExplanation
    def __init__(self, explanation: _Optional[_Union[_match_pb2.MatchExplanation, _Mapping]] = ...) -> None: ...

class FindSimilarRequest(_message.Message):
    __slots__ = ("text", "limit", "min_score", "published_at")
    TEXT_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    MIN_SCORE_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_AT_FIELD_NUMBER: _ClassVar[int]
    text: str
    limit: int
    min_score: float
    published_at: _timestamp_pb2.Timestamp
    def __init__(self, text: _Optional[str] = ..., limit: _Optional[int] = ..., min_score: _Optional[float] = ..., published_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class SimilarClaim(_message.Message):
    __slots__ = ("claim", "cluster_id", "explanation", "relevance")
    CLAIM_FIELD_NUMBER: _ClassVar[int]
    CLUSTER_ID_FIELD_NUMBER: _ClassVar[int]
    EXPLANATION_FIELD_NUMBER: _ClassVar[int]
    RELEVANCE_FIELD_NUMBER: _ClassVar[int]
    claim: _claim_pb2.Claim
    cluster_id: str
    explanation: _match_pb2.MatchExplanation
    relevance: float
    def __init__(self, claim: _Optional[_Union[_claim_pb2.Claim, _Mapping]] = ..., cluster_id: _Optional[str] = ..., explanation: _Optional[_Union[_match_pb2.MatchExplanation, _Mapping]] = ..., relevance: _Optional[float] = ...) -> None: ...

class FindSimilarResponse(_message.Message):
    __slots__ = ("results",)
    RESULTS_FIELD_NUMBER: _ClassVar[int]
    results: _containers.RepeatedCompositeFieldContainer[SimilarClaim]
    def __init__(self, results: _Optional[_Iterable[_Union[SimilarClaim, _Mapping]]] = ...) -> None: ...
