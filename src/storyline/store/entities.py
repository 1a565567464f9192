"""The entity repository: the cross-document registry (what ``link.entities`` reads and writes)
and the entity listings, as typed rows."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..errors import NotFoundError
from .database import chunks, in_story

__all__ = ["EntityRepository", "EntityRow", "RegistryEntity"]

# Articles naming a "person" by one word only (and three times as many as name it in full) after
# which it is taken for something else.
UNNAMED_PERSON_ARTICLES = 3
# "the article is in story ?" (or no story asked for); takes the story id twice
_IN_STORY = in_story("a.article_id")


@dataclass(frozen=True, slots=True)
class RegistryEntity:
    """A registry entity as the linker compares it with a new article's entity."""

    id: int
    name: str
    type: str
    aliases: tuple[str, ...]
    articles: int


@dataclass(frozen=True, slots=True)
class EntityRow:
    """A registry entity as listings show it: aliases, mentions and articles citing it."""

    id: int
    name: str
    type: str
    aliases: tuple[str, ...]
    mentions: int
    articles: int

    def as_dict(self) -> dict[str, Any]:
        """The row as the listing's JSON-ready mapping (aliases a list, as edits change them)."""
        return {name: getattr(self, name) for name in self.__slots__} | {"aliases": list(self.aliases)}


class EntityRepository:
    """The entity tables of a store, through the store's connection (implements
    ``link.entities.RegistryStore``)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    # -- the registry: what the linker reads and writes --------------------------

    def entities_with_keys(self, keys: Iterable[str]) -> list[RegistryEntity]:
        """Registry entities having an alias whose key is one of ``keys`` (the blocking step)."""
        wanted = sorted(set(keys))
        if not wanted:
            return []
        marks = ",".join("?" * len(wanted))
        ids = [
            r[0]
            for r in self.conn.execute(
                f"SELECT DISTINCT entity_id FROM entity_aliases WHERE key IN ({marks})", wanted
            )
        ]
        return [self.registry_entity(i) for i in ids]

    def registry_entity(self, entity_id: int) -> RegistryEntity:
        row = self.conn.execute(
            """SELECT e.id, e.name, e.type,
                      (SELECT COUNT(*) FROM article_entities a WHERE a.entity_id = e.id) AS n
               FROM entities e WHERE e.id = ?""",
            (entity_id,),
        ).fetchone()
        return RegistryEntity(row["id"], row["name"], row["type"], self._aliases(entity_id), row["n"])

    def create_entity(self, name: str, type_: str) -> int:
        cur = self.conn.execute("INSERT INTO entities(name, type) VALUES (?, ?)", (name, type_))
        return int(cur.lastrowid or 0)

    def add_aliases(self, entity_id: int, aliases: Iterable[tuple[str, str]]) -> None:
        """aliases: (alias, key) pairs."""
        self.conn.executemany(
            "INSERT OR IGNORE INTO entity_aliases(entity_id, alias, key) VALUES (?,?,?)",
            [(entity_id, a, k) for a, k in aliases],
        )

    def rename_entity(self, entity_id: int, name: str) -> None:
        self.conn.execute("UPDATE entities SET name = ? WHERE id = ?", (name, entity_id))

    def refresh_entity_type(self, entity_id: int) -> None:
        """Set the type by agreement: the type carrying most mentions across articles. A "person"
        that ``UNNAMED_PERSON_ARTICLES`` articles or more name by one word only, three times as
        many as give it a full name ("Twitter", typed PERSON by NER and once glued to a name), is
        not a person: the next type agreed on, else ORG."""
        rows = self.conn.execute(
            """SELECT type, SUM(mentions) AS n,
                      COUNT(DISTINCT CASE WHEN instr(trim(name), ' ') > 0 THEN article_id END) AS full,
                      COUNT(DISTINCT CASE WHEN instr(trim(name), ' ') = 0 THEN article_id END) AS one
               FROM article_entities WHERE entity_id = ?
               GROUP BY type ORDER BY n DESC, type""",
            (entity_id,),
        ).fetchall()
        if not rows:
            return
        chosen = rows[0]["type"]
        full, one = sum(r["full"] for r in rows), sum(r["one"] for r in rows)
        if chosen == "PERSON" and one >= UNNAMED_PERSON_ARTICLES and one >= 3 * full:
            chosen = rows[1]["type"] if len(rows) > 1 else "ORG"
        self.conn.execute("UPDATE entities SET type = ? WHERE id = ?", (chosen, entity_id))

    def insert_article_entity(
        self, article_id: int, local_key: int, entity_id: int, name: str, type_: str, mentions: int
    ) -> None:
        self.conn.execute(
            """INSERT INTO article_entities(article_id, local_key, entity_id, name, type, mentions)
               VALUES (?,?,?,?,?,?)""",
            (article_id, local_key, entity_id, name, type_, mentions),
        )

    def insert_entity_mentions(self, article_id: int, rows: list[tuple[int, int, int, str]]) -> None:
        """rows: (entity_id, start, end, text)."""
        self.conn.executemany(
            'INSERT INTO entity_mentions(article_id, entity_id, start, "end", text) VALUES (?,?,?,?,?)',
            [(article_id, *row) for row in rows],
        )

    # -- the read side: listings and look-ups by name ----------------------------

    def listing(
        self, type_: str | None = None, limit: int | None = None, min_articles: int = 1,
        story: int | None = None,
    ) -> list[EntityRow]:
        """Registry entities, the most cited first; counts within ``story`` when given."""
        rows = self.conn.execute(
            f"""SELECT e.id, e.name, e.type, SUM(a.mentions) AS mentions,
                      COUNT(DISTINCT a.article_id) AS articles
               FROM entities e JOIN article_entities a ON a.entity_id = e.id
               WHERE (? IS NULL OR e.type = ?) AND {_IN_STORY}
               GROUP BY e.id HAVING articles >= ?
               ORDER BY articles DESC, mentions DESC, e.name LIMIT ?""",
            (type_, type_, story, story, min_articles, -1 if limit is None else limit),
        ).fetchall()
        aliases: dict[int, list[str]] = defaultdict(list)
        for chunk in chunks([r["id"] for r in rows], 500):
            marks = ",".join("?" * len(chunk))
            for r in self.conn.execute(
                f"SELECT entity_id, alias FROM entity_aliases WHERE entity_id IN ({marks}) ORDER BY alias",
                chunk,
            ):
                aliases[r[0]].append(r[1])
        return [
            EntityRow(r["id"], r["name"], r["type"], tuple(aliases[r["id"]]), r["mentions"], r["articles"])
            for r in rows
        ]

    def get(self, entity_id: int) -> EntityRow:
        """One registry entity with its aliases and counts."""
        row = self.conn.execute(
            """SELECT e.id, e.name, e.type, COALESCE(SUM(a.mentions), 0) AS mentions,
                      COUNT(DISTINCT a.article_id) AS articles
               FROM entities e LEFT JOIN article_entities a ON a.entity_id = e.id
               WHERE e.id = ? GROUP BY e.id""",
            (entity_id,),
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no entity with id {entity_id}; list them with `storyline entities`")
        return EntityRow(row["id"], row["name"], row["type"], self._aliases(entity_id), row["mentions"],
                         row["articles"])

    def ids_named(self, name: str) -> list[int]:
        """Entities whose canonical name or an alias equals ``name`` (case-insensitive)."""
        rows = self.conn.execute(
            """SELECT id FROM entities WHERE name = ? COLLATE NOCASE
               UNION SELECT entity_id FROM entity_aliases WHERE alias = ? COLLATE NOCASE""",
            (name, name),
        ).fetchall()
        return [r[0] for r in rows]

    def names(self, ids: list[int]) -> dict[int, str]:
        """Entity id -> canonical name, for the ids that exist."""
        out: dict[int, str] = {}
        for chunk in chunks(ids, 400):
            marks = ",".join("?" * len(chunk))
            for r in self.conn.execute(f"SELECT id, name FROM entities WHERE id IN ({marks})", chunk):
                out[r[0]] = r[1]
        return out

    def named(self, names: list[str]) -> dict[str, int]:
        """Canonical name -> the lowest entity id of that name."""
        out: dict[str, int] = {}
        for chunk in chunks(names, 400):
            marks = ",".join("?" * len(chunk))
            for r in self.conn.execute(
                f"SELECT name, MIN(id) FROM entities WHERE name IN ({marks}) GROUP BY name", chunk
            ):
                out[r[0]] = r[1]
        return out

    def _aliases(self, entity_id: int) -> tuple[str, ...]:
        return tuple(
            r[0]
            for r in self.conn.execute(
                "SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY alias", (entity_id,)
            )
        )

