"""Making, checking and resolving a user's edits (the store side is ``store.edits``, what
they do to a timeline is ``timeline.edits``).

Each edit keeps an anchor besides the id it targets: the sentences of an event, the content
hash of an article, the name of an entity. When articles are re-read and ids change, the
anchor finds the target again; an edit whose target is gone is reported as stale.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlsplit

from .errors import ConfigError, NotFoundError
from .store import Store
from .store.edits import anchor_json
from .timeline.edits import (
    SPLIT_BASE,
    Edit,
    EditKind,
    EditPlan,
    parse_value_date,
    plan_edits,
    split_value,
)
from .types import PublishedBasis

__all__ = ["Editor", "Resolution"]

MAX_TEXT = 1000
Checked = tuple[str | None, dict[str, Any]]  # the value to store and the target's anchor


@dataclass(frozen=True, slots=True)
class Resolution:
    edits: tuple[Edit, ...]  # active edits that still apply, with current ids
    stale: tuple[tuple[Edit, str], ...]  # active edits that no longer can, with the reason


class Editor:
    """The edits of one store: make them (checked), undo them, resolve and plan them."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._cache: tuple[str, Resolution, EditPlan] | None = None

    # -- making edits ------------------------------------------------------------

    def make(self, kind: EditKind, target: int, value: str | None = None, note: str | None = None) -> Edit:
        """Check and record one edit; raise ConfigError / NotFoundError saying what is wrong."""
        note = _text(note, "note", required=False) or None
        if kind.subject == "event":
            value, anchor = self._event_edit(kind, target, value)
        elif kind.subject == "entity":
            value, anchor = self._entity_edit(kind, target, value)
        else:
            value, anchor = self._article_edit(kind, target, value)
        edit_id = self.store.edits.add(kind, target, value, anchor_json(anchor), note)
        self._cache = None
        return self.store.edits.get(edit_id)

    def undo(self, edit_id: int) -> Edit:
        edit = self.store.edits.undo(edit_id)
        self._cache = None
        return edit

    def entity_id(self, name: str) -> int:
        """The entity a user's name (shown name, alias or id) stands for, edits applied."""
        ids = self.entity_ids(name)
        return min(ids)

    def entity_ids(self, name: str) -> list[int]:
        """Registry ids ``name`` stands for once renames, merges and split aliases apply."""
        name = name.strip()
        plan = self.plan()
        if re.fullmatch(r"[0-9]{1,18}", name):  # an entity id, as the web links give it
            ids = {int(name)}
        else:
            renamed = {shown.casefold(): i for i, shown in self._shown_names(plan).items()}
            ids = set(self.store.entities.ids_named(name))
            ids -= {i for i, aliases in plan.split_aliases.items()
                    if name.casefold() in {a.casefold() for a in aliases}}
            if name.casefold() in renamed:
                ids.add(renamed[name.casefold()])
        if not ids:
            raise NotFoundError(f"no entity named {name!r}; list them with `storyline entities`")
        return sorted(_merge_group(ids, plan.entity_roots))

    def _event_edit(self, kind: EditKind, target: int, value: str | None) -> Checked:
        anchor = self._event_anchor(target)
        if kind is EditKind.EVENT_DATE:
            value = parse_value_date(value, "the event's date").value
        elif kind is EditKind.EVENT_HEADLINE:
            value = _text(value, "headline")
        elif kind is EditKind.EVENT_MERGE:
            other = _int(value, "the event to merge")
            if other == target:
                raise ConfigError("an event cannot be merged with itself; give another event id")
            anchor["other"] = self._event_anchor(other)
            value = str(other)
        elif kind is EditKind.EVENT_SPLIT:
            article, sentence = split_value(value)
            hashes = self.store.edits.article_hashes([article])
            if article not in hashes or [hashes[article], sentence] not in self._sentences(target):
                raise ConfigError(f"event {target} has no sentence {sentence!r} from article {article}")
            anchor["article"] = hashes[article]
        else:
            value = None
        return value, anchor

    def _sentences(self, event_id: int) -> list[list[str]]:
        """(content hash, sentence) of the event as edited: its own and those merged into it."""
        plan = self.plan()
        members = [i for i in plan.partners([event_id]) if plan.root(i) == event_id and i < SPLIT_BASE]
        live = self.store.events.existing(members)
        return [pair for i in members if i in live for pair in self.store.events.anchor(i)]

    def _event_anchor(self, event_id: int) -> dict[str, Any]:
        if event_id >= SPLIT_BASE:
            if not any(e.id == event_id - SPLIT_BASE and e.kind is EditKind.EVENT_SPLIT
                       for e in self.resolved().edits):
                raise NotFoundError(f"no event with id {event_id}; list them with `storyline timeline`")
            return {"split": event_id - SPLIT_BASE}
        return {"sentences": self.store.events.anchor(event_id)}

    def _entity_edit(self, kind: EditKind, target: int, value: str | None) -> Checked:
        names = self.store.entities.names([target])
        if target not in names:
            raise NotFoundError(f"no entity with id {target}; list them with `storyline entities`")
        anchor: dict[str, Any] = {"name": names[target]}
        if kind is EditKind.ENTITY_MERGE:
            other = self.entity_id(_text(value, "the entity to merge"))
            if other == target or self._root(other) == self._root(target):
                raise ConfigError(f"{value!r} is already that entity")
            anchor["other"] = self.store.entities.names([other])[other]
            return str(other), anchor
        if kind is EditKind.ENTITY_SPLIT_ALIAS:
            alias = _text(value, "alias")
            aliases = self.store.entities.get(target).aliases
            if alias.casefold() not in {a.casefold() for a in aliases}:
                raise ConfigError(f"{names[target]!r} has no alias {alias!r}; "
                                  f"its aliases: {', '.join(aliases)}")
            return alias, anchor
        return _text(value, "name"), anchor

    def _article_edit(self, kind: EditKind, target: int, value: str | None) -> Checked:
        hashes = self.store.edits.article_hashes([target])
        if target not in hashes:
            raise NotFoundError(f"no article with id {target}; list them with `storyline articles`")
        anchor = {"content_hash": hashes[target]}
        if kind is EditKind.ARTICLE_PUBLISHED:
            return parse_value_date(value, "the publication date").value, anchor
        if kind is EditKind.ARTICLE_URL:
            url = _text(value, "url")
            if urlsplit(url).scheme not in ("http", "https"):
                raise ConfigError(f"--url must start with http:// or https://; got {url!r}")
            return url, anchor
        if kind is EditKind.ARTICLE_STORY:
            return str(self.store.stories.get_story(_int(value, "the story")).id), anchor  # it must exist
        if kind is EditKind.ARTICLE_REMOVE:
            return None, anchor
        return _text(value, kind.value.split(".")[1]), anchor

    # -- resolving and planning --------------------------------------------------

    def resolved(self) -> Resolution:
        return self._current()[0]

    def plan(self) -> EditPlan:
        return self._current()[1]

    def _current(self) -> tuple[Resolution, EditPlan]:
        key = f"{self.store.edits.version()}-{self.store.content_version()}"
        if self._cache is None or self._cache[0] != key:
            resolution = self._resolve(self.store.edits.listing(active_only=True))
            ids = [e.target for e in resolution.edits if e.kind.subject == "entity"]
            ids += [int(e.value) for e in resolution.edits if e.kind is EditKind.ENTITY_MERGE and e.value]
            names = self.store.entities.names(ids)
            self._cache = (key, resolution, plan_edits(resolution.edits, names))
        return self._cache[1], self._cache[2]

    def _resolve(self, edits: list[Edit]) -> Resolution:
        ok: list[Edit] = []
        stale: list[tuple[Edit, str]] = []
        splits: set[int] = set()
        for edit in edits:
            anchor = json.loads(edit.anchor or "{}")
            found = self._resolve_one(edit, anchor, splits)
            if found is None:  # a removal carried out by `storyline gc`
                continue
            if isinstance(found, str):
                stale.append((edit, found))
                continue
            ok.append(found)
            if edit.kind is EditKind.EVENT_SPLIT:
                splits.add(edit.id)
        return Resolution(tuple(ok), tuple(stale))

    def _resolve_one(self, edit: Edit, anchor: dict[str, Any], splits: set[int]) -> Edit | str | None:
        subject = edit.kind.subject
        if subject == "article":
            found = self.store.edits.articles_with_hashes([anchor["content_hash"]])
            if not found:
                gone = edit.kind is EditKind.ARTICLE_REMOVE
                return None if gone else "its article is no longer in the store"
            return replace(edit, target=found[anchor["content_hash"]])
        if subject == "entity":
            target = self._find_entity(edit.target, anchor["name"])
            if target is None:
                return f"no entity named {anchor['name']!r} any more"
            if edit.kind is EditKind.ENTITY_MERGE:
                other = self._find_entity(int(edit.value or 0), anchor["other"])
                if other is None:
                    return f"no entity named {anchor['other']!r} any more"
                return replace(edit, target=target, value=str(other))
            return replace(edit, target=target)
        target = self._find_event(edit.target, anchor, splits)
        if target is None:
            return "its event no longer exists"
        if edit.kind is EditKind.EVENT_MERGE:
            other = self._find_event(int(edit.value or 0), anchor["other"], splits)
            if other is None:
                return "the event merged into it no longer exists"
            return replace(edit, target=target, value=str(other))
        if edit.kind is EditKind.EVENT_SPLIT:
            found = self.store.edits.articles_with_hashes([anchor["article"]])
            if not found:
                return "the article of the sentence split out is no longer in the store"
            _, sentence = split_value(edit.value)
            value = json.dumps({"article": found[anchor["article"]], "sentence": sentence},
                               ensure_ascii=False)
            return replace(edit, target=target, value=value)
        return replace(edit, target=target)

    def _find_event(self, event_id: int, anchor: dict[str, Any], splits: set[int]) -> int | None:
        if "split" in anchor:
            return event_id if anchor["split"] in splits else None
        counts = self.store.events.sharing(anchor["sentences"])
        if counts.get(event_id):
            return event_id
        return max(counts, key=lambda i: (counts[i], -i)) if counts else None

    def _find_entity(self, entity_id: int, name: str) -> int | None:
        if self.store.entities.names([entity_id]).get(entity_id) == name:
            return entity_id
        return self.store.entities.named([name]).get(name)

    def _root(self, entity_id: int) -> int:
        roots = self.plan().entity_roots
        seen = {entity_id}
        while entity_id in roots and roots[entity_id] not in seen:
            entity_id = roots[entity_id]
            seen.add(entity_id)
        return entity_id

    def _shown_names(self, plan: EditPlan) -> dict[int, str]:
        shown: dict[int, str] = {}
        for e in self.resolved().edits:
            if e.kind is EditKind.ENTITY_RENAME and e.value:
                shown[e.target] = e.value
        return shown

    # -- views of articles and entities -----------------------------------------

    def articles(self, rows: list[dict[str, Any]], keep_removed: bool = False) -> list[dict[str, Any]]:
        """Article rows (as the store lists them) with the article edits applied."""
        plan = self.plan()
        out = []
        for row in rows:
            removed = row["id"] in plan.removed
            if removed and not keep_removed:
                continue
            fix = plan.articles.get(row["id"])
            row = dict(row)
            if fix is not None:
                for name in ("title", "source", "url"):
                    if getattr(fix, name) is not None:
                        row[name] = getattr(fix, name)
                if fix.published is not None:
                    row["published"], row["published_basis"] = fix.published, PublishedBasis.USER
            if row["id"] in plan.stories:
                row["story"] = plan.stories[row["id"]]
            row["edited"] = fix is not None or removed
            row["removed"] = removed
            out.append(row)
        return out

    def entities(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Entity rows with renames, merges and split aliases applied."""
        plan = self.plan()
        if not (plan.entity_roots or plan.split_aliases or plan.names):
            return rows
        shown = self._shown_names(plan)
        by_id = {r["id"]: dict(r) for r in rows}
        for row in by_id.values():
            row["name"] = shown.get(row["id"], row["name"])
            split = {a.casefold() for a in plan.split_aliases.get(row["id"], ())}
            row["aliases"] = [a for a in row["aliases"] if a.casefold() not in split]
        for entity_id in list(by_id):
            root = self._root(entity_id)
            if root != entity_id and root in by_id:
                gone = by_id.pop(entity_id)
                into = by_id[root]
                into["aliases"] = sorted({*into["aliases"], gone["name"], *gone["aliases"]})
                into["mentions"] = (into.get("mentions") or 0) + (gone.get("mentions") or 0)
                into["articles"] = (into.get("articles") or 0) + (gone.get("articles") or 0)
        return list(by_id.values())

    def listing(self) -> list[dict[str, Any]]:
        """Every edit ever made (undone ones too), newest last, with its status."""
        resolution = self.resolved()
        stale = {e.id: why for e, why in resolution.stale}
        active = {e.id for e in resolution.edits}
        out = []
        for e in self.store.edits.listing():
            status = "undone" if e.undone_at else ("stale: " + stale[e.id] if e.id in stale else "active")
            if status == "active" and e.id not in active:
                status = "done: deleted by `storyline gc`"
            out.append({"id": e.id, "kind": str(e.kind), "target": e.target, "value": e.value,
                        "note": e.note, "created_at": e.created_at.isoformat(timespec="seconds"),
                        "undone_at": e.undone_at.isoformat(timespec="seconds") if e.undone_at else None,
                        "status": status})
        return out


def _merge_group(ids: set[int], roots: dict[int, int] | Any) -> set[int]:
    """``ids`` with every entity merged into or out of them."""
    group = set(ids)
    for _ in range(len(roots) + 1):
        more = {roots[i] for i in group if i in roots} | {b for b, a in roots.items() if a in group}
        if more <= group:
            break
        group |= more
    return group


def _text(value: str | None, what: str, required: bool = True) -> str:
    text = " ".join((value or "").split())
    if required and not text:
        raise ConfigError(f"{what} must not be empty")
    if len(text) > MAX_TEXT:
        raise ConfigError(f"{what} is longer than {MAX_TEXT} characters; shorten it")
    return text


def _int(value: str | None, what: str) -> int:
    try:
        number = int(str(value).strip())
    except ValueError:
        raise ConfigError(f"{what} must be an id (a whole number); got {value!r}") from None
    if number < 1 or number > 2**62:
        raise ConfigError(f"{what} must be an id between 1 and 2**62; got {number}")
    return number
