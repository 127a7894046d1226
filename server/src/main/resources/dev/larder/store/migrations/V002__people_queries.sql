-- Larder L2, version 2: what the queries of performers, studios, tags and groups need beyond version 1.

-- Text search over the columns Stash's q searches: performers by name and aliases (not disambiguation), tags by
-- name, aliases and sort name.
DROP TABLE performers_fts;
CREATE VIRTUAL TABLE performers_fts USING fts5(name, aliases,
    content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
DROP TABLE tags_fts;
CREATE VIRTUAL TABLE tags_fts USING fts5(name, aliases, sort_name,
    content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');

-- Tallies: per entity, Stash's counts and sums over the live entities that point at it (Catalog.TALLIES), kept by
-- deltas in each write. A row may exist before its entity does; an absent row means zeros. Durations are in
-- milliseconds.
CREATE TABLE performer_tallies (performer_id INTEGER PRIMARY KEY, scene_count INTEGER NOT NULL DEFAULT 0,
    image_count INTEGER NOT NULL DEFAULT 0, gallery_count INTEGER NOT NULL DEFAULT 0,
    o_counter INTEGER NOT NULL DEFAULT 0, play_count INTEGER NOT NULL DEFAULT 0,
    scenes_duration INTEGER NOT NULL DEFAULT 0, last_played_at TEXT);
CREATE TABLE studio_tallies (studio_id INTEGER PRIMARY KEY, scene_count INTEGER NOT NULL DEFAULT 0,
    image_count INTEGER NOT NULL DEFAULT 0, gallery_count INTEGER NOT NULL DEFAULT 0,
    scenes_duration INTEGER NOT NULL DEFAULT 0);
CREATE TABLE tag_tallies (tag_id INTEGER PRIMARY KEY, scene_count INTEGER NOT NULL DEFAULT 0,
    image_count INTEGER NOT NULL DEFAULT 0, gallery_count INTEGER NOT NULL DEFAULT 0,
    performer_count INTEGER NOT NULL DEFAULT 0, studio_count INTEGER NOT NULL DEFAULT 0,
    group_count INTEGER NOT NULL DEFAULT 0, marker_count INTEGER NOT NULL DEFAULT 0,
    marker_links INTEGER NOT NULL DEFAULT 0, scenes_duration INTEGER NOT NULL DEFAULT 0);
CREATE TABLE group_tallies (group_id INTEGER PRIMARY KEY, scene_count INTEGER NOT NULL DEFAULT 0,
    o_counter INTEGER NOT NULL DEFAULT 0);

-- The new indexes and tallies start empty: recording a bulk load in progress has the next open finish it
-- (BulkLoad.finish), which rebuilds every full-text index, closure and tally from the stored entities.
INSERT OR REPLACE INTO store_meta (key, value) VALUES ('bulk_load', 'active');
