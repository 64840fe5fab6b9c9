from . import claim_pb2 as _claim_pb2
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class MatchDecision(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    MATCH_DECISION_UNSPECIFIED: _ClassVar[MatchDecision]
    MATCH_DECISION_SAME: _ClassVar[MatchDecision]
    MATCH_DECISION_CONFLICTING: _ClassVar[MatchDecision]
    MATCH_DECISION_DIFFERENT: _ClassVar[MatchDecision]
MATCH_DECISION_UNSPECIFIED: MatchDecision
MATCH_DECISION_SAME: MatchDecision
MATCH_DECISION_CONFLICTING: MatchDecision
MATCH_DECISION_DIFFERENT: MatchDecision

class MatchExplanation(_message.Message):
    __slots__ = ("decision", "score", "reason", "rule")
    DECISION_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    RULE_FIELD_NUMBER: _ClassVar[int]
    decision: MatchDecision
    score: float
    reason: str
    rule: str
    def __init__(self, decision: _Optional[_Union[MatchDecision, str]] = ..., score: _Optional[float] = ..., reason: _Optional[str] = ..., rule: _Optional[str] = ...) -> None: ...

class ClaimMatch(_message.Message):
    __slots__ = ("claim", "cluster_id", "matched_claim_id", "explanation", "reprint_of_article_id", "independent_source")
    CLAIM_FIELD_NUMBER: _ClassVar[int]
    CLUSTER_ID_FIELD_NUMBER: _ClassVar[int]
    MATCHED_CLAIM_ID_FIELD_NUMBER: _ClassVar[int]
    EXPLANATION_FIELD_NUMBER: _ClassVar[int]
    REPRINT_OF_ARTICLE_ID_FIELD_NUMBER: _ClassVar[int]
    INDEPENDENT_SOURCE_FIELD_NUMBER: _ClassVar[int]
    claim: _claim_pb2.Claim
    cluster_id: str
    matched_claim_id: str
    explanation: MatchExplanation
    reprint_of_article_id: str
    independent_source: str
    def __init__(self, claim: _Optional[_Union[_claim_pb2.Claim, _Mapping]] = ..., cluster_id: _Optional[str] = ..., matched_claim_id: _Optional[str] = ..., explanation: _Optional[_Union[MatchExplanation, _Mapping]] = ..., reprint_of_article_id: _Optional[str] = ..., independent_source: _Optional[str] = ...) -> None: ...
