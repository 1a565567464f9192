-- The class of a quote's cue (speech, cognition, intention, stance, nominal), so that
-- quotes can be listed by how they were attributed as well as by kind.
ALTER TABLE quotes ADD COLUMN cue_class TEXT NOT NULL DEFAULT 'speech';
CREATE INDEX quotes_kind ON quotes(kind, cue_class);
