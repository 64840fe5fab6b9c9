from . import article_pb2 as _article_pb2
from . import claim_pb2 as _claim_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ExtractRequest(_message.Message):
    __slots__ = ("article",)
    ARTICLE_FIELD_NUMBER: _ClassVar[int]
    article: _article_pb2.Article
    def __init__(self, article: _Optional[_Union[_article_pb2.Article, _Mapping]] = ...) -> None: ...

class ExtractResponse(_message.Message):
    __slots__ = ("claims",)
    CLAIMS_FIELD_NUMBER: _ClassVar[int]
    claims: _containers.RepeatedCompositeFieldContainer[_claim_pb2.Claim]
    def __init__(self, claims: _Optional[_Iterable[_Union[_claim_pb2.Claim, _Mapping]]] = ...) -> None: ...

class SubmitArticleRequest(_message.Message):
    __slots__ = ("article",)
    ARTICLE_FIELD_NUMBER: _ClassVar[int]
    article: _article_pb2.Article
    def __init__(self, article: _Optional[_Union[_article_pb2.Article, _Mapping]] = ...) -> None: ...

class SubmitArticleResponse(_message.Message):
    __slots__ = ("article_id", "partition", "offset")
    ARTICLE_ID_FIELD_NUMBER: _ClassVar[int]
    PARTITION_FIELD_NUMBER: _ClassVar[int]
    OFFSET_FIELD_NUMBER: _ClassVar[int]
    article_id: str
    partition: int
    offset: int
    def __init__(self, article_id: _Optional[str] = ..., partition: _Optional[int] = ..., offset: _Optional[int] = ...) -> None: ...

class GetArticleRequest(_message.Message):
    __slots__ = ("article_id",)
    ARTICLE_ID_FIELD_NUMBER: _ClassVar[int]
    article_id: str
    def __init__(self, article_id: _Optional[str] = ...) -> None: ...

class GetArticleResponse(_message.Message):
    __slots__ = ("article", "claims")
    ARTICLE_FIELD_NUMBER: _ClassVar[int]
    CLAIMS_FIELD_NUMBER: _ClassVar[int]
    article: _article_pb2.Article
    claims: _containers.RepeatedCompositeFieldContainer[_claim_pb2.Claim]
    def __init__(self, article: _Optional[_Union[_article_pb2.Article, _Mapping]] = ..., claims: _Optional[_Iterable[_Union[_claim_pb2.Claim, _Mapping]]] = ...) -> None: ...
