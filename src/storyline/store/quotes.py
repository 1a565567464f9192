"""The quote repository: quotes as the linker stores them (speaker linked to the registry) and
the quote listings, as typed rows."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from ..types import DateValue, Quote, try_date_value
from .database import in_story

__all__ = ["QuoteRepository", "QuoteRow"]

# "the article is in story ?" (or no story asked for); takes the story id twice
_IN_STORY = in_story("q.article_id")


@dataclass(frozen=True, slots=True)
class QuoteRow:
    """A stored quote as listings show it: speaker (the registry's name, else the article's),
    its article, the date it was said (when known), the article's publication date, and the
    event its sentence reports (the mention the quote overlaps, else the sentence's first)."""

    id: int
    speaker: str | None
    text: str
    article: int
    title: str
    date: DateValue | None
    cue: str
    kind: str
    cue_class: str
    published: DateValue | None
    event: int | None = None
    event_headline: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """The row as the listing's JSON-ready mapping (dates stay DateValues)."""
        return {name: getattr(self, name) for name in self.__slots__}


# the event a quote's sentence reports: the mention the quote overlaps, else the sentence's first
_EVENT_OF_QUOTE = """SELECT x.event_id FROM (
        SELECT m.event_id, (m.start < q."end" AND q.start < m."end") AS hit, m.start AS at
        FROM event_mentions m WHERE m.article_id = q.article_id AND m.sentence_idx = q.sentence_idx
    ) x ORDER BY x.hit DESC, x.at LIMIT 1"""


class QuoteRepository:
    """The quotes table of a store, through the store's connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def insert_quote(self, article_id: int, quote: Quote, speaker_entity_id: int | None) -> None:
        self.conn.execute(
            """INSERT INTO quotes(article_id, start, "end", text, cue, kind, speaker_name,
                   speaker_entity_id, sentence_idx, date, cue_class) VALUES (?,?,?,?,?,?,?,?,?,?,?)""",
            (
                article_id, quote.start, quote.end, quote.text, quote.cue, quote.kind, quote.speaker,
                speaker_entity_id, quote.sentence, quote.date.value if quote.date else None,
                quote.cue_class,
            ),
        )

    def listing(
        self,
        speaker_ids: list[int] | None = None,
        article_id: int | None = None,
        limit: int | None = None,
        story: int | None = None,
        kind: str | None = None,
        cue_class: str | None = None,
    ) -> list[QuoteRow]:
        """Quotes by the date they were said (else their article's), then article and offset;
        each filter applies when given (``speaker_ids``: registry entities)."""
        where: list[str] = ["1=1"]
        params: list[str | int] = []
        if story is not None:
            where.append(_IN_STORY)
            params.extend([story, story])
        for column, value in (("kind", kind), ("cue_class", cue_class)):
            if value is not None:
                where.append(f"q.{column} = ?")
                params.append(value)
        if speaker_ids is not None:
            where.append(f"q.speaker_entity_id IN ({','.join('?' * len(speaker_ids)) or 'NULL'})")
            params.extend(speaker_ids)
        if article_id is not None:
            where.append("q.article_id = ?")
            params.append(article_id)
        rows = self.conn.execute(
            f"""SELECT q.id, COALESCE(e.name, q.speaker_name) AS speaker, q.text, q.article_id,
                       a.title, q.date, q.cue, q.kind, q.cue_class, a.published, ev.id, ev.headline
                FROM quotes q JOIN articles a ON a.id = q.article_id
                LEFT JOIN entities e ON e.id = q.speaker_entity_id
                LEFT JOIN events ev ON ev.id = ({_EVENT_OF_QUOTE})
                WHERE {" AND ".join(where)}
                ORDER BY COALESCE(q.date, a.published, ''), q.article_id, q.start LIMIT ?""",
            (*params, -1 if limit is None else limit),
        ).fetchall()
        return [
            QuoteRow(r[0], r[1], r[2], r[3], r[4], try_date_value(r[5]), r[6], r[7], r[8],
                     try_date_value(r[9]), r[10], r[11] or None)
            for r in rows
        ]
