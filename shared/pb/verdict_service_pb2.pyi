import datetime

from . import claim_pb2 as _claim_pb2
from . import verdict_pb2 as _verdict_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetClaimRequest(_message.Message):
    __slots__ = ("claim_id",)
    CLAIM_ID_FIELD_NUMBER: _ClassVar[int]
    claim_id: str
    def __init__(self, claim_id: _Optional[str] = ...) -> None: ...

class GetClaimResponse(_message.Message):
    __slots__ = ("claim", "verdict")
    CLAIM_FIELD_NUMBER: _ClassVar[int]
    VERDICT_FIELD_NUMBER: _ClassVar[int]
    claim: _claim_pb2.Claim
    verdict: _verdict_pb2.Verdict
    def __init__(self, claim: _Optional[_Union[_claim_pb2.Claim, _Mapping]] = ..., verdict: _Optional[_Union[_verdict_pb2.Verdict, _Mapping]] = ...) -> None: ...

class ListClaimsRequest(_message.Message):
    __slots__ = ("status", "source", "page_size", "page_token", "entity", "text", "published_after", "published_before")
    STATUS_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    ENTITY_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_AFTER_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_BEFORE_FIELD_NUMBER: _ClassVar[int]
    status: _verdict_pb2.VerdictStatus
    source: str
    page_size: int
    page_token: str
    entity: str
    text: str
    published_after: _timestamp_pb2.Timestamp
    published_before: _timestamp_pb2.Timestamp
    def __init__(self, status: _Optional[_Union[_verdict_pb2.VerdictStatus, str]] = ..., source: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., entity: _Optional[str] = ..., text: _Optional[str] = ..., published_after: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., published_before: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ClaimWithVerdict(_message.Message):
    __slots__ = ("claim", "verdict")
    CLAIM_FIELD_NUMBER: _ClassVar[int]
    VERDICT_FIELD_NUMBER: _ClassVar[int]
    claim: _claim_pb2.Claim
    verdict: _verdict_pb2.Verdict
    def __init__(self, claim: _Optional[_Union[_claim_pb2.Claim, _Mapping]] = ..., verdict: _Optional[_Union[_verdict_pb2.Verdict, _Mapping]] = ...) -> None: ...

class ListClaimsResponse(_message.Message):
    __slots__ = ("claims", "next_page_token")
    CLAIMS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    claims: _containers.RepeatedCompositeFieldContainer[ClaimWithVerdict]
    next_page_token: str
    def __init__(self, claims: _Optional[_Iterable[_Union[ClaimWithVerdict, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class WatchVerdictsRequest(_message.Message):
    __slots__ = ("include_current", "resume_after")
    INCLUDE_CURRENT_FIELD_NUMBER: _ClassVar[int]
    RESUME_AFTER_FIELD_NUMBER: _ClassVar[int]
    include_current: bool
    resume_after: int
    def __init__(self, include_current: _Optional[bool] = ..., resume_after: _Optional[int] = ...) -> None: ...

class WatchVerdictsResponse(_message.Message):
    __slots__ = ("verdict", "sequence")
    VERDICT_FIELD_NUMBER: _ClassVar[int]
    SEQUENCE_FIELD_NUMBER: _ClassVar[int]
    verdict: _verdict_pb2.Verdict
    sequence: int
    def __init__(self, verdict: _Optional[_Union[_verdict_pb2.Verdict, _Mapping]] = ..., sequence: _Optional[int] = ...) -> None: ...
