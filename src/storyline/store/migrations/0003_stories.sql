-- Stories: groups of articles about one evolving matter, found by online clustering
-- (link/stories.py) as articles are added. NOT the same as articles.story_id, which is
-- the near-duplicate group (copies of one wire story).
--
-- An article belongs to one story (story_members); an event belongs to the stories of
-- the articles citing it (derived by a join, not stored). A story keeps its id as it
-- grows; moving an article means updating its story_members row (then refresh the
-- story's label/span with Store.refresh_story).
CREATE TABLE stories (
    id               INTEGER PRIMARY KEY,
    label            TEXT NOT NULL,         -- top entities and terms, for display
    first_published  TEXT,                  -- earliest publication date of a member (TIMEX3 value)
    last_published   TEXT,                  -- latest one
    norm             REAL NOT NULL DEFAULT 0, -- length of the centroid in story_terms
    created_at       TEXT NOT NULL
);

CREATE TABLE story_members (
    article_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story_id    INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    similarity  REAL NOT NULL               -- to the story when it joined (1.0: it founded it)
);
CREATE INDEX story_members_story ON story_members(story_id);

-- The clustering's state (machine output, rebuilt by `storyline stories --rebuild`):
-- each story's centroid as summed term weights before IDF, and document frequencies.
CREATE TABLE story_terms (
    story_id  INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    term      TEXT NOT NULL,                -- a stem, or "e:<entity id>"
    word      TEXT NOT NULL,                -- how it reads (a surface form or the entity name)
    weight    REAL NOT NULL,
    PRIMARY KEY (story_id, term)
);
CREATE INDEX story_terms_term ON story_terms(term, weight);

CREATE TABLE story_df (
    term  TEXT PRIMARY KEY,
    df    INTEGER NOT NULL
);
