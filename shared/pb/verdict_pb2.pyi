import datetime

from . import claim_pb2 as _claim_pb2
from . import match_pb2 as _match_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class VerdictStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    VERDICT_STATUS_UNSPECIFIED: _ClassVar[VerdictStatus]
    VERDICT_STATUS_SINGLE_SOURCE: _ClassVar[VerdictStatus]
    VERDICT_STATUS_CORROBORATED: _ClassVar[VerdictStatus]
    VERDICT_STATUS_CONFLICTING: _ClassVar[VerdictStatus]
VERDICT_STATUS_UNSPECIFIED: VerdictStatus
VERDICT_STATUS_SINGLE_SOURCE: VerdictStatus
VERDICT_STATUS_CORROBORATED: VerdictStatus
VERDICT_STATUS_CONFLICTING: VerdictStatus

class Evidence(_message.Message):
    __slots__ = ("claim_id", "article_id", "source", "independent_source", "text", "span", "explanation")
    CLAIM_ID_FIELD_NUMBER: _ClassVar[int]
    ARTICLE_ID_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    INDEPENDENT_SOURCE_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    SPAN_FIELD_NUMBER: _ClassVar[int]
    EXPLANATION_FIELD_NUMBER: _ClassVar[int]
    claim_id: str
    article_id: str
    source: str
    independent_source: str
    text: str
    span: _claim_pb2.Span
    explanation: _match_pb2.MatchExplanation
    def __init__(self, claim_id: _Optional[str] = ..., article_id: _Optional[str] = ..., source: _Optional[str] = ..., independent_source: _Optional[str] = ..., text: _Optional[str] = ..., span: _Optional[_Union[_claim_pb2.Span, _Mapping]] = ..., explanation: _Optional[_Union[_match_pb2.MatchExplanation, _Mapping]] = ...) -> None: ...

class VerdictChange(_message.Message):
    __slots__ = ("revision", "status", "changed_at", "cause")
    REVISION_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    CHANGED_AT_FIELD_NUMBER: _ClassVar[int]
    CAUSE_FIELD_NUMBER: _ClassVar[int]
    revision: int
    status: VerdictStatus
    changed_at: _timestamp_pb2.Timestamp
    cause: str
    def __init__(self, revision: _Optional[int] = ..., status: _Optional[_Union[VerdictStatus, str]] = ..., changed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., cause: _Optional[str] = ...) -> None: ...

class Verdict(_message.Message):
    __slots__ = ("cluster_id", "status", "canonical_text", "independent_sources", "evidence", "reason", "revision", "previous_status", "updated_at", "history", "claim_count")
    CLUSTER_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    CANONICAL_TEXT_FIELD_NUMBER: _ClassVar[int]
    INDEPENDENT_SOURCES_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REVISION_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_STATUS_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    HISTORY_FIELD_NUMBER: _ClassVar[int]
    CLAIM_COUNT_FIELD_NUMBER: _ClassVar[int]
    cluster_id: str
    status: VerdictStatus
    canonical_text: str
    independent_sources: _containers.RepeatedScalarFieldContainer[str]
    evidence: _containers.RepeatedCompositeFieldContainer[Evidence]
    reason: str
    revision: int
    previous_status: VerdictStatus
    updated_at: _timestamp_pb2.Timestamp
    history: _containers.RepeatedCompositeFieldContainer[VerdictChange]
    claim_count: int
    def __init__(self, cluster_id: _Optional[str] = ..., status: _Optional[_Union[VerdictStatus, str]] = ..., canonical_text: _Optional[str] = ..., independent_sources: _Optional[_Iterable[str]] = ..., evidence: _Optional[_Iterable[_Union[Evidence, _Mapping]]] = ..., reason: _Optional[str] = ..., revision: _Optional[int] = ..., previous_status: _Optional[_Union[VerdictStatus, str]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., history: _Optional[_Iterable[_Union[VerdictChange, _Mapping]]] = ..., claim_count: _Optional[int] = ...) -> None: ...
