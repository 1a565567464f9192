"""SQL of the cross-document entity registry."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

# Articles naming a "person" by one word only (and three times as many as name it in full) after
# which it is taken for something else.
UNNAMED_PERSON_ARTICLES = 3


@dataclass(frozen=True, slots=True)
class RegistryEntity:
    id: int
    name: str
    type: str
    aliases: tuple[str, ...]
    articles: int


class EntitiesMixin:
    conn: sqlite3.Connection

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
        aliases = tuple(
            r[0]
            for r in self.conn.execute(
                "SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY alias", (entity_id,)
            )
        )
        return RegistryEntity(row["id"], row["name"], row["type"], aliases, row["n"])

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
