-- Raw inputs exactly as read: nothing a user gave us is lost.
CREATE TABLE raw_inputs (
    sha256   TEXT PRIMARY KEY,
    path     TEXT NOT NULL,
    kind     TEXT NOT NULL,
    data     BLOB NOT NULL,
    read_at  TEXT NOT NULL
);

CREATE TABLE articles (
    id                 INTEGER PRIMARY KEY,
    content_hash       TEXT NOT NULL UNIQUE,
    raw_sha256         TEXT NOT NULL REFERENCES raw_inputs(sha256),
    part               INTEGER NOT NULL DEFAULT 0,
    path               TEXT NOT NULL,
    title              TEXT NOT NULL,
    text               TEXT NOT NULL,
    source             TEXT,
    url                TEXT,
    byline             TEXT,
    dateline           TEXT,
    published          TEXT,
    published_basis    TEXT NOT NULL,
    published_evidence TEXT,
    story_id           INTEGER,            -- near-duplicate group: id of its first article
    minhash            BLOB,
    added_at           TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_story ON articles(story_id);

CREATE TABLE sentences (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT NOT NULL,
    UNIQUE (article_id, idx)
);

CREATE TABLE timexes (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT NOT NULL,
    type        TEXT NOT NULL,
    value       TEXT NOT NULL,
    mod         TEXT,
    anchor      TEXT
);
CREATE INDEX timexes_article ON timexes(article_id);

-- Cross-document entity registry.
CREATE TABLE entities (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL,
    type  TEXT NOT NULL
);
CREATE TABLE entity_aliases (
    entity_id  INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    alias      TEXT NOT NULL,
    key        TEXT NOT NULL,
    PRIMARY KEY (entity_id, alias)
);
CREATE INDEX entity_aliases_key ON entity_aliases(key);

-- An entity as one article knows it, linked to the registry.
CREATE TABLE article_entities (
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local_key   INTEGER NOT NULL,
    entity_id   INTEGER NOT NULL REFERENCES entities(id),
    name        TEXT NOT NULL,
    type        TEXT NOT NULL,
    mentions    INTEGER NOT NULL,
    PRIMARY KEY (article_id, local_key)
);
CREATE INDEX article_entities_entity ON article_entities(entity_id);

CREATE TABLE entity_mentions (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity_id   INTEGER NOT NULL REFERENCES entities(id),
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT NOT NULL
);
CREATE INDEX entity_mentions_article ON entity_mentions(article_id);

CREATE TABLE quotes (
    id                 INTEGER PRIMARY KEY,
    article_id         INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start              INTEGER NOT NULL,
    "end"              INTEGER NOT NULL,
    text               TEXT NOT NULL,
    cue                TEXT NOT NULL,
    kind               TEXT NOT NULL,
    speaker_name       TEXT,
    speaker_entity_id  INTEGER REFERENCES entities(id),
    sentence_idx       INTEGER NOT NULL,
    date               TEXT
);
CREATE INDEX quotes_article ON quotes(article_id);
CREATE INDEX quotes_speaker ON quotes(speaker_entity_id);

-- Events merged across articles; each keeps every mention that reports it.
CREATE TABLE events (
    id           INTEGER PRIMARY KEY,
    date         TEXT NOT NULL,
    date_start   TEXT NOT NULL,
    date_end     TEXT NOT NULL,
    granularity  TEXT NOT NULL,
    summary      TEXT NOT NULL
);
CREATE INDEX events_span ON events(date_start, date_end);

CREATE TABLE event_mentions (
    id           INTEGER PRIMARY KEY,
    event_id     INTEGER NOT NULL REFERENCES events(id),
    article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    sentence_idx INTEGER NOT NULL,
    start        INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    text         TEXT NOT NULL,
    date         TEXT NOT NULL,
    date_start   TEXT NOT NULL,
    date_end     TEXT NOT NULL,
    granularity  TEXT NOT NULL,
    timex        TEXT NOT NULL,
    predicate    TEXT NOT NULL,
    background   INTEGER NOT NULL,
    keywords     TEXT NOT NULL            -- space-separated lemmas
);
CREATE INDEX event_mentions_event ON event_mentions(event_id);
CREATE INDEX event_mentions_article ON event_mentions(article_id);

CREATE TABLE event_mention_actors (
    mention_id  INTEGER NOT NULL REFERENCES event_mentions(id) ON DELETE CASCADE,
    entity_id   INTEGER NOT NULL REFERENCES entities(id),
    PRIMARY KEY (mention_id, entity_id)
);
CREATE INDEX event_mention_actors_entity ON event_mention_actors(entity_id);

-- Full-text search over articles and sentences (external content tables).
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id');
CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id');
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
    INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
    INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
