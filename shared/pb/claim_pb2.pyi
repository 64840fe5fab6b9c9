import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class EntityKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ENTITY_KIND_UNSPECIFIED: _ClassVar[EntityKind]
    ENTITY_KIND_PERSON: _ClassVar[EntityKind]
    ENTITY_KIND_ORGANIZATION: _ClassVar[EntityKind]
    ENTITY_KIND_PLACE: _ClassVar[EntityKind]
    ENTITY_KIND_OTHER: _ClassVar[EntityKind]
ENTITY_KIND_UNSPECIFIED: EntityKind
ENTITY_KIND_PERSON: EntityKind
ENTITY_KIND_ORGANIZATION: EntityKind
ENTITY_KIND_PLACE: EntityKind
ENTITY_KIND_OTHER: EntityKind

class Span(_message.Message):
    __slots__ = ("start", "end")
    START_FIELD_NUMBER: _ClassVar[int]
    END_FIELD_NUMBER: _ClassVar[int]
    start: int
    end: int
    def __init__(self, start: _Optional[int] = ..., end: _Optional[int] = ...) -> None: ...

class Entity(_message.Message):
    __slots__ = ("text", "canonical", "kind", "span")
    TEXT_FIELD_NUMBER: _ClassVar[int]
    CANONICAL_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    SPAN_FIELD_NUMBER: _ClassVar[int]
    text: str
    canonical: str
    kind: EntityKind
    span: Span
    def __init__(self, text: _Optional[str] = ..., canonical: _Optional[str] = ..., kind: _Optional[_Union[EntityKind, str]] = ..., span: _Optional[_Union[Span, _Mapping]] = ...) -> None: ...

class Quantity(_message.Message):
    __slots__ = ("text", "value", "unit", "span")
    TEXT_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    SPAN_FIELD_NUMBER: _ClassVar[int]
    text: str
    value: float
    unit: str
    span: Span
    def __init__(self, text: _Optional[str] = ..., value: _Optional[float] = ..., unit: _Optional[str] = ..., span: _Optional[_Union[Span, _Mapping]] = ...) -> None: ...

class DateMention(_message.Message):
    __slots__ = ("text", "resolved", "span")
    TEXT_FIELD_NUMBER: _ClassVar[int]
    RESOLVED_FIELD_NUMBER: _ClassVar[int]
    SPAN_FIELD_NUMBER: _ClassVar[int]
    text: str
    resolved: str
    span: Span
    def __init__(self, text: _Optional[str] = ..., resolved: _Optional[str] = ..., span: _Optional[_Union[Span, _Mapping]] = ...) -> None: ...

class TimeOfDay(_message.Message):
    __slots__ = ("text", "minutes", "zone", "span")
    TEXT_FIELD_NUMBER: _ClassVar[int]
    MINUTES_FIELD_NUMBER: _ClassVar[int]
    ZONE_FIELD_NUMBER: _ClassVar[int]
    SPAN_FIELD_NUMBER: _ClassVar[int]
    text: str
    minutes: int
    zone: str
    span: Span
    def __init__(self, text: _Optional[str] = ..., minutes: _Optional[int] = ..., zone: _Optional[str] = ..., span: _Optional[_Union[Span, _Mapping]] = ...) -> None: ...

class Claim(_message.Message):
    __slots__ = ("id", "article_id", "source", "span", "text", "statement", "normalized_text", "speaker", "reporting_verb", "entities", "quantities", "dates", "negated", "check_worthiness", "published_at", "byline", "story_key", "times", "hedged")
    ID_FIELD_NUMBER: _ClassVar[int]
    ARTICLE_ID_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    SPAN_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    STATEMENT_FIELD_NUMBER: _ClassVar[int]
    NORMALIZED_TEXT_FIELD_NUMBER: _ClassVar[int]
    SPEAKER_FIELD_NUMBER: _ClassVar[int]
    REPORTING_VERB_FIELD_NUMBER: _ClassVar[int]
    ENTITIES_FIELD_NUMBER: _ClassVar[int]
    QUANTITIES_FIELD_NUMBER: _ClassVar[int]
    DATES_FIELD_NUMBER: _ClassVar[int]
    NEGATED_FIELD_NUMBER: _ClassVar[int]
    CHECK_WORTHINESS_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_AT_FIELD_NUMBER: _ClassVar[int]
    BYLINE_FIELD_NUMBER: _ClassVar[int]
    STORY_KEY_FIELD_NUMBER: _ClassVar[int]
    TIMES_FIELD_NUMBER: _ClassVar[int]
    HEDGED_FIELD_NUMBER: _ClassVar[int]
    id: str
    article_id: str
    source: str
    span: Span
    text: str
    statement: str
    normalized_text: str
    speaker: str
    reporting_verb: str
    entities: _containers.RepeatedCompositeFieldContainer[Entity]
    quantities: _containers.RepeatedCompositeFieldContainer[Quantity]
    dates: _containers.RepeatedCompositeFieldContainer[DateMention]
    negated: bool
    check_worthiness: float
    published_at: _timestamp_pb2.Timestamp
    byline: str
    story_key: str
    times: _containers.RepeatedCompositeFieldContainer[TimeOfDay]
    hedged: bool
    def __init__(self, id: _Optional[str] = ..., article_id: _Optional[str] = ..., source: _Optional[str] = ..., span: _Optional[_Union[Span, _Mapping]] = ..., text: _Optional[str] = ..., statement: _Optional[str] = ..., normalized_text: _Optional[str] = ..., speaker: _Optional[str] = ..., reporting_verb: _Optional[str] = ..., entities: _Optional[_Iterable[_Union[Entity, _Mapping]]] = ..., quantities: _Optional[_Iterable[_Union[Quantity, _Mapping]]] = ..., dates: _Optional[_Iterable[_Union[DateMention, _Mapping]]] = ..., negated: _Optional[bool] = ..., check_worthiness: _Optional[float] = ..., published_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., byline: _Optional[str] = ..., story_key: _Optional[str] = ..., times: _Optional[_Iterable[_Union[TimeOfDay, _Mapping]]] = ..., hedged: _Optional[bool] = ...) -> None: ...
