"""Cross-document entity registry: each article's local entities joined to canonical ones.

Blocking: candidates are only the registry entities sharing a normalised alias key
with the local entity, so the cost per article does not grow with the corpus. A person's
name of three words or more is keyed by its first and last ("John R. Bolton" -> "john
bolton"), so that variants with and without middle names and initials meet; ``same_person``
then keeps apart different people who share a family name.
"""

from __future__ import annotations

from typing import Protocol

from ..store import RegistryEntity
from ..text.names import normalize_name, same_person
from ..types import AnnotatedArticle, LocalEntity

# Types that are often confused by NER and may be unified by agreement.
_PLACE_TYPES = {"GPE", "LOC", "FAC"}
_AGENT_TYPES = {"PERSON", "ORG", "NORP"}


class RegistryStore(Protocol):
    def entities_with_keys(self, keys: set[str]) -> list[RegistryEntity]: ...
    def create_entity(self, name: str, type_: str) -> int: ...
    def add_aliases(self, entity_id: int, aliases: list[tuple[str, str]]) -> None: ...
    def rename_entity(self, entity_id: int, name: str) -> None: ...
    def refresh_entity_type(self, entity_id: int) -> None: ...
    def insert_article_entity(
        self, article_id: int, local_key: int, entity_id: int, name: str, type_: str, mentions: int
    ) -> None: ...
    def insert_entity_mentions(self, article_id: int, rows: list[tuple[int, int, int, str]]) -> None: ...


def link_entities(store: RegistryStore, article_id: int, ann: AnnotatedArticle) -> dict[int, int]:
    """Link every local entity of ``ann`` to the registry; return local key -> entity id."""
    ids: dict[int, int] = {}
    for entity in ann.entities:
        entity_id = _resolve(store, entity)
        names = {entity.name, *entity.aliases}
        store.add_aliases(entity_id, sorted((n, _key(n, entity.type)) for n in names if normalize_name(n)))
        store.insert_article_entity(
            article_id, entity.key, entity_id, entity.name, entity.type, entity.mentions
        )
        store.refresh_entity_type(entity_id)
        ids[entity.key] = entity_id
    store.insert_entity_mentions(
        article_id,
        [(ids[m.entity], m.start, m.end, m.text) for m in ann.mentions if m.entity in ids],
    )
    return ids


def _resolve(store: RegistryStore, entity: LocalEntity) -> int:
    names = (entity.name, *entity.aliases)
    keys = ({normalize_name(n) for n in names} | {_key(n, entity.type) for n in names}) - {""}
    candidates = [c for c in store.entities_with_keys(keys) if _compatible(entity, c)]
    if not candidates:
        return store.create_entity(entity.name, entity.type)
    best = max(candidates, key=lambda c: (_name_match(entity, c), c.articles, -c.id))
    if _fuller(entity.name, best.name):
        store.rename_entity(best.id, entity.name)
    return best.id


def _key(name: str, type_: str) -> str:
    """The blocking key of a name: normalised, and for a person's name of three words or more
    its first and last word only."""
    tokens = normalize_name(name).split()
    if type_ == "PERSON" and len(tokens) > 2:
        return f"{tokens[0]} {tokens[-1]}"
    return normalize_name(name)


def _types_agree(a: str, b: str) -> bool:
    return a == b or {a, b} <= _PLACE_TYPES or {a, b} <= _AGENT_TYPES


def _compatible(entity: LocalEntity, candidate: RegistryEntity) -> bool:
    if not _types_agree(entity.type, candidate.type):
        return False
    if entity.type == "PERSON" or candidate.type == "PERSON":
        return same_person(entity.name, candidate.name)
    key = normalize_name(entity.name)
    return any(normalize_name(a) == key for a in candidate.aliases)


def _name_match(entity: LocalEntity, candidate: RegistryEntity) -> int:
    """2: same canonical name; 1: the canonical name is among the candidate's aliases."""
    key = normalize_name(entity.name)
    if normalize_name(candidate.name) == key:
        return 2
    return int(any(normalize_name(a) == key for a in candidate.aliases))


def _fuller(new: str, old: str) -> bool:
    """Prefer a multi-word name to a single word (``Kim Jong-un`` over ``Kim``)."""
    return len(new.split()) > 1 and len(old.split()) == 1
