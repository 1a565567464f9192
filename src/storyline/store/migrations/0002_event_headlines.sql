-- Events a journalist can trust: a headline per event and per mention, plans and expectations
-- marked, and mentions that are only evidence (a subordinate clause's date) kept apart.
ALTER TABLE events ADD COLUMN headline TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN planned INTEGER NOT NULL DEFAULT 0;
ALTER TABLE event_mentions ADD COLUMN headline TEXT NOT NULL DEFAULT '';
ALTER TABLE event_mentions ADD COLUMN planned INTEGER NOT NULL DEFAULT 0;
ALTER TABLE event_mentions ADD COLUMN support INTEGER NOT NULL DEFAULT 0;
