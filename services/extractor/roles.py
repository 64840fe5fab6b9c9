"""Roles that stand for a person within one article: after "Kremlin spokesman Dmitry Peskov said",
a later "the Kremlin spokesman told reporters" is Peskov speaking again.

Only the article itself binds a role to a person, never a table: who holds an office changes, and
an outlet names the holder at the first mention. A role the article never binds stays as written.
"""

from __future__ import annotations

import re

from .entities import _fold_word

# Offices newsrooms use in place of a name; longest first so "prime minister" wins over "minister".
_ROLES = sorted((
    "spokesman", "spokeswoman", "spokesperson", "press secretary", "foreign minister", "defence minister",
    "defense minister", "prime minister", "finance minister", "interior minister", "health minister",
    "minister", "president", "chancellor", "secretary of state", "secretary general", "secretary-general",
    "envoy", "special envoy", "ambassador", "governor", "mayor", "chief executive", "commander",
), key=len, reverse=True)
_ROLE = "|".join(re.escape(r) for r in _ROLES)
# A word every role holds one of (a substring test is far cheaper than the pattern's scan).
_ROLE_WORDS = ("spokes", "secretary", "minister", "president", "chancellor", "envoy", "ambassador", "governor",
               "mayor", "chief executive", "commander")
_WORD = r"[A-Za-z][\w’'.-]*"
_NAME = r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2}"
# "Kremlin spokesman Dmitry Peskov", "Ukraine's foreign minister, Andrii Sybiha", "port authority spokesman Ian Roe":
# found from the role word (cheap: most sentences have none), then up to three words before it.
_BINDING = re.compile(rf"\b(?P<role>(?i:{_ROLE}))\b,?\s+(?P<name>{_NAME})")
_ORG_BEFORE = re.compile(rf"(?:{_WORD}\s+){{0,3}}$")
# A speaker that is only a role: "the Kremlin spokesman", "the Kremlin's spokesman", "the spokesman".
_BARE_ROLE = re.compile(rf"^(?P<org>(?:{_WORD}\s+){{0,3}})(?P<role>(?i:{_ROLE}))$")
# Words that end the organisation part from the left: what precedes them is the sentence, not the office.
_NOT_ORG = frozenset("the a an that said says told and or but as by of for with to in on at while when".split())


def _org_words(org: str) -> tuple[str, ...]:
    words = org.split()
    for i in range(len(words) - 1, -1, -1):
        if words[i].lower() in _NOT_ORG:
            words = words[i + 1:]
            break
    return tuple(_fold_word(re.sub(r"['’]s$", "", w)) for w in words)


class RoleBook:
    """The role -> person bindings one article has made so far."""

    def __init__(self) -> None:
        self._bindings: list[tuple[tuple[str, ...], str, str]] = []  # (organisation words, role, name)

    def learn(self, text: str) -> None:
        low = text.lower()
        if not any(word in low for word in _ROLE_WORDS):
            return  # most sentences: no role word, so no scan for one
        for m in _BINDING.finditer(text):
            before = text[max(0, m.start() - 80):m.start()]
            org = _ORG_BEFORE.search(before)
            self._bindings.append((_org_words(org.group() if org else ""), m.group("role").lower(), m.group("name")))

    def person(self, speaker: str) -> str:
        """The person a role-only speaker stands for in this article, or "": the latest binding of
        that role whose organisation ends with the speaker's ("the board spokeswoman" is the
        "harbour board spokeswoman" named before)."""
        m = _BARE_ROLE.match(speaker.strip())
        if not m:
            return ""
        org, role = _org_words(m.group("org")), m.group("role").lower()
        for bound_org, bound_role, name in reversed(self._bindings):
            if bound_role == role and (not org or bound_org[-len(org):] == org):
                return name
        return ""
