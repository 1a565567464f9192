-- A user's corrections, kept apart from what the machine found and applied by every view.
-- target: the id of what it changes when made; anchor: what identifies that thing again
-- after re-annotation (an event's sentences, an article's content hash, an entity's name).
CREATE TABLE edits (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,
    target      INTEGER NOT NULL,
    value       TEXT,
    anchor      TEXT NOT NULL,
    note        TEXT,
    created_at  TEXT NOT NULL,
    undone_at   TEXT
);
CREATE INDEX edits_active ON edits(undone_at, id);

-- Each `storyline add`: when it began, so that "what is new since the last add" can be asked.
CREATE TABLE ingest_runs (
    id          INTEGER PRIMARY KEY,
    started_at  TEXT NOT NULL,
    added       INTEGER NOT NULL DEFAULT 0
);
