-- Larder L2, version 1: every entity type Larder keeps, their files and relations, hierarchy closures, full text.
-- Column names follow the sync fragments (dev/larder/stash/sync-fields.graphql); media URLs hold paths without host
-- or API key. Secondary indexes are all named ix_* (bulk loading drops and rebuilds exactly those).
-- No foreign keys: relations may name entities that are synced later, and soft-deleted rows keep their links.

CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL, written_at TEXT NOT NULL) WITHOUT ROWID;

CREATE TABLE tags (
    id INTEGER PRIMARY KEY, name TEXT, sort_name TEXT, description TEXT, aliases TEXT, ignore_auto_tag INTEGER,
    favorite INTEGER, image_path TEXT, stash_ids TEXT, created_at TEXT, updated_at TEXT,
    synced_at TEXT NOT NULL, deleted_at TEXT);
CREATE INDEX ix_tags_live ON tags(id) WHERE deleted_at IS NULL;
CREATE INDEX ix_tags_name ON tags(name);

CREATE TABLE studios (
    id INTEGER PRIMARY KEY, name TEXT, urls TEXT, aliases TEXT, parent_id INTEGER, ignore_auto_tag INTEGER,
    image_path TEXT, rating100 INTEGER, favorite INTEGER, details TEXT, stash_ids TEXT, created_at TEXT,
    updated_at TEXT, synced_at TEXT NOT NULL, deleted_at TEXT);
CREATE INDEX ix_studios_live ON studios(id) WHERE deleted_at IS NULL;
CREATE INDEX ix_studios_parent ON studios(parent_id);
CREATE INDEX ix_studios_name ON studios(name);

CREATE TABLE performers (
    id INTEGER PRIMARY KEY, name TEXT, disambiguation TEXT, urls TEXT, gender TEXT, birthdate TEXT,
    death_date TEXT, ethnicity TEXT, country TEXT, eye_color TEXT, hair_color TEXT, height_cm INTEGER,
    weight INTEGER, measurements TEXT, fake_tits TEXT, penis_length REAL, circumcised TEXT, career_length TEXT,
    tattoos TEXT, piercings TEXT, alias_list TEXT, favorite INTEGER, ignore_auto_tag INTEGER, rating100 INTEGER,
    details TEXT, image_path TEXT, stash_ids TEXT, created_at TEXT, updated_at TEXT,
    synced_at TEXT NOT NULL, deleted_at TEXT);
CREATE INDEX ix_performers_live ON performers(id) WHERE deleted_at IS NULL;
CREATE INDEX ix_performers_name ON performers(name);

CREATE TABLE groups (
    id INTEGER PRIMARY KEY, name TEXT, aliases TEXT, duration INTEGER, date TEXT, rating100 INTEGER,
    studio_id INTEGER, director TEXT, synopsis TEXT, urls TEXT, front_image_path TEXT, back_image_path TEXT,
    created_at TEXT, updated_at TEXT, synced_at TEXT NOT NULL, deleted_at TEXT);
CREATE INDEX ix_groups_live ON groups(id) WHERE deleted_at IS NULL;
CREATE INDEX ix_groups_studio ON groups(studio_id);
CREATE INDEX ix_groups_name ON groups(name);

CREATE TABLE galleries (
    id INTEGER PRIMARY KEY, title TEXT, code TEXT, urls TEXT, date TEXT, details TEXT, photographer TEXT,
    rating100 INTEGER, organized INTEGER, studio_id INTEGER, folder_id INTEGER, folder_path TEXT,
    path_cover TEXT, path_preview TEXT, created_at TEXT, updated_at TEXT, synced_at TEXT NOT NULL, deleted_at TEXT);
CREATE INDEX ix_galleries_live ON galleries(id) WHERE deleted_at IS NULL;
CREATE INDEX ix_galleries_studio ON galleries(studio_id);
CREATE INDEX ix_galleries_date ON galleries(date);
CREATE INDEX ix_galleries_created ON galleries(created_at);
CREATE INDEX ix_galleries_updated ON galleries(updated_at);

CREATE TABLE gallery_chapters (
    id INTEGER PRIMARY KEY, gallery_id INTEGER NOT NULL, position INTEGER NOT NULL, title TEXT,
    image_index INTEGER, created_at TEXT, updated_at TEXT, synced_at TEXT NOT NULL, deleted_at TEXT);
CREATE INDEX ix_gallery_chapters_live ON gallery_chapters(id) WHERE deleted_at IS NULL;
CREATE INDEX ix_gallery_chapters_gallery ON gallery_chapters(gallery_id, position);

CREATE TABLE scenes (
    id INTEGER PRIMARY KEY, title TEXT, code TEXT, details TEXT, director TEXT, urls TEXT, date TEXT,
    rating100 INTEGER, organized INTEGER, o_counter INTEGER, interactive INTEGER, interactive_speed INTEGER,
    resume_time REAL, play_duration REAL, play_count INTEGER, last_played_at TEXT, created_at TEXT,
    updated_at TEXT, path_screenshot TEXT, path_preview TEXT, path_stream TEXT, path_webp TEXT, path_vtt TEXT,
    path_sprite TEXT, path_funscript TEXT, path_caption TEXT, path_interactive_heatmap TEXT, captions TEXT,
    studio_id INTEGER, stash_ids TEXT, synced_at TEXT NOT NULL, deleted_at TEXT);
CREATE INDEX ix_scenes_live ON scenes(id) WHERE deleted_at IS NULL;
CREATE INDEX ix_scenes_studio ON scenes(studio_id);
CREATE INDEX ix_scenes_date ON scenes(date);
CREATE INDEX ix_scenes_created ON scenes(created_at);
CREATE INDEX ix_scenes_updated ON scenes(updated_at);
CREATE INDEX ix_scenes_last_played ON scenes(last_played_at);

CREATE TABLE scene_markers (
    id INTEGER PRIMARY KEY, scene_id INTEGER, title TEXT, seconds REAL, end_seconds REAL, primary_tag_id INTEGER,
    created_at TEXT, updated_at TEXT, synced_at TEXT NOT NULL, deleted_at TEXT);
CREATE INDEX ix_scene_markers_live ON scene_markers(id) WHERE deleted_at IS NULL;
CREATE INDEX ix_scene_markers_scene ON scene_markers(scene_id);
CREATE INDEX ix_scene_markers_primary_tag ON scene_markers(primary_tag_id);

CREATE TABLE images (
    id INTEGER PRIMARY KEY, title TEXT, code TEXT, rating100 INTEGER, urls TEXT, date TEXT, details TEXT,
    photographer TEXT, o_counter INTEGER, organized INTEGER, studio_id INTEGER, path_thumbnail TEXT,
    path_preview TEXT, path_image TEXT, created_at TEXT, updated_at TEXT, synced_at TEXT NOT NULL, deleted_at TEXT);
CREATE INDEX ix_images_live ON images(id) WHERE deleted_at IS NULL;
CREATE INDEX ix_images_studio ON images(studio_id);
CREATE INDEX ix_images_date ON images(date);
CREATE INDEX ix_images_created ON images(created_at);
CREATE INDEX ix_images_updated ON images(updated_at);

-- Files, in the order Stash lists them (position 0 is the primary file).
CREATE TABLE scene_files (
    scene_id INTEGER NOT NULL, position INTEGER NOT NULL, file_id INTEGER, path TEXT, basename TEXT, size INTEGER,
    duration REAL, width INTEGER, height INTEGER, format TEXT, video_codec TEXT, audio_codec TEXT,
    frame_rate REAL, bit_rate INTEGER, mod_time TEXT, fingerprints TEXT, md5 TEXT, oshash TEXT, phash TEXT,
    PRIMARY KEY (scene_id, position)) WITHOUT ROWID;
CREATE INDEX ix_scene_files_file ON scene_files(file_id, scene_id);
CREATE INDEX ix_scene_files_md5 ON scene_files(md5);
CREATE INDEX ix_scene_files_oshash ON scene_files(oshash);
CREATE INDEX ix_scene_files_phash ON scene_files(phash);

CREATE TABLE gallery_files (
    gallery_id INTEGER NOT NULL, position INTEGER NOT NULL, file_id INTEGER, path TEXT, basename TEXT,
    size INTEGER, mod_time TEXT, fingerprints TEXT, md5 TEXT, oshash TEXT, phash TEXT,
    PRIMARY KEY (gallery_id, position)) WITHOUT ROWID;
CREATE INDEX ix_gallery_files_file ON gallery_files(file_id, gallery_id);
CREATE INDEX ix_gallery_files_md5 ON gallery_files(md5);
CREATE INDEX ix_gallery_files_oshash ON gallery_files(oshash);
CREATE INDEX ix_gallery_files_phash ON gallery_files(phash);

CREATE TABLE image_files (
    image_id INTEGER NOT NULL, position INTEGER NOT NULL, file_id INTEGER, path TEXT, basename TEXT, size INTEGER,
    width INTEGER, height INTEGER, duration REAL, mod_time TEXT, fingerprints TEXT, md5 TEXT, oshash TEXT,
    phash TEXT, PRIMARY KEY (image_id, position)) WITHOUT ROWID;
CREATE INDEX ix_image_files_file ON image_files(file_id, image_id);
CREATE INDEX ix_image_files_md5 ON image_files(md5);
CREATE INDEX ix_image_files_oshash ON image_files(oshash);
CREATE INDEX ix_image_files_phash ON image_files(phash);

-- Relations: the owner's side is the primary key, the other side an ix_ index.
CREATE TABLE tag_parents (tag_id INTEGER NOT NULL, position INTEGER NOT NULL, parent_id INTEGER NOT NULL,
    PRIMARY KEY (tag_id, position)) WITHOUT ROWID;
CREATE INDEX ix_tag_parents_parent ON tag_parents(parent_id, tag_id);
CREATE TABLE studio_tags (studio_id INTEGER NOT NULL, position INTEGER NOT NULL, tag_id INTEGER NOT NULL,
    PRIMARY KEY (studio_id, position)) WITHOUT ROWID;
CREATE INDEX ix_studio_tags_tag ON studio_tags(tag_id, studio_id);
CREATE TABLE performer_tags (performer_id INTEGER NOT NULL, position INTEGER NOT NULL, tag_id INTEGER NOT NULL,
    PRIMARY KEY (performer_id, position)) WITHOUT ROWID;
CREATE INDEX ix_performer_tags_tag ON performer_tags(tag_id, performer_id);
CREATE TABLE group_tags (group_id INTEGER NOT NULL, position INTEGER NOT NULL, tag_id INTEGER NOT NULL,
    PRIMARY KEY (group_id, position)) WITHOUT ROWID;
CREATE INDEX ix_group_tags_tag ON group_tags(tag_id, group_id);
CREATE TABLE group_parents (group_id INTEGER NOT NULL, position INTEGER NOT NULL, parent_id INTEGER NOT NULL,
    description TEXT, PRIMARY KEY (group_id, position)) WITHOUT ROWID;
CREATE INDEX ix_group_parents_parent ON group_parents(parent_id, group_id);
CREATE TABLE gallery_tags (gallery_id INTEGER NOT NULL, position INTEGER NOT NULL, tag_id INTEGER NOT NULL,
    PRIMARY KEY (gallery_id, position)) WITHOUT ROWID;
CREATE INDEX ix_gallery_tags_tag ON gallery_tags(tag_id, gallery_id);
CREATE TABLE gallery_performers (gallery_id INTEGER NOT NULL, position INTEGER NOT NULL,
    performer_id INTEGER NOT NULL, PRIMARY KEY (gallery_id, position)) WITHOUT ROWID;
CREATE INDEX ix_gallery_performers_performer ON gallery_performers(performer_id, gallery_id);
CREATE TABLE scene_tags (scene_id INTEGER NOT NULL, position INTEGER NOT NULL, tag_id INTEGER NOT NULL,
    PRIMARY KEY (scene_id, position)) WITHOUT ROWID;
CREATE INDEX ix_scene_tags_tag ON scene_tags(tag_id, scene_id);
CREATE TABLE scene_performers (scene_id INTEGER NOT NULL, position INTEGER NOT NULL, performer_id INTEGER NOT NULL,
    PRIMARY KEY (scene_id, position)) WITHOUT ROWID;
CREATE INDEX ix_scene_performers_performer ON scene_performers(performer_id, scene_id);
CREATE TABLE scene_galleries (scene_id INTEGER NOT NULL, position INTEGER NOT NULL, gallery_id INTEGER NOT NULL,
    PRIMARY KEY (scene_id, position)) WITHOUT ROWID;
CREATE INDEX ix_scene_galleries_gallery ON scene_galleries(gallery_id, scene_id);
CREATE TABLE scene_groups (scene_id INTEGER NOT NULL, position INTEGER NOT NULL, group_id INTEGER NOT NULL,
    scene_index INTEGER, PRIMARY KEY (scene_id, position)) WITHOUT ROWID;
CREATE INDEX ix_scene_groups_group ON scene_groups(group_id, scene_id);
CREATE TABLE marker_tags (marker_id INTEGER NOT NULL, position INTEGER NOT NULL, tag_id INTEGER NOT NULL,
    PRIMARY KEY (marker_id, position)) WITHOUT ROWID;
CREATE INDEX ix_marker_tags_tag ON marker_tags(tag_id, marker_id);
CREATE TABLE image_tags (image_id INTEGER NOT NULL, position INTEGER NOT NULL, tag_id INTEGER NOT NULL,
    PRIMARY KEY (image_id, position)) WITHOUT ROWID;
CREATE INDEX ix_image_tags_tag ON image_tags(tag_id, image_id);
CREATE TABLE image_performers (image_id INTEGER NOT NULL, position INTEGER NOT NULL, performer_id INTEGER NOT NULL,
    PRIMARY KEY (image_id, position)) WITHOUT ROWID;
CREATE INDEX ix_image_performers_performer ON image_performers(performer_id, image_id);
CREATE TABLE image_galleries (image_id INTEGER NOT NULL, position INTEGER NOT NULL, gallery_id INTEGER NOT NULL,
    PRIMARY KEY (image_id, position)) WITHOUT ROWID;
CREATE INDEX ix_image_galleries_gallery ON image_galleries(gallery_id, image_id);

-- Hierarchy closures over live entities: one row per (ancestor, descendant) with the shortest distance;
-- every live entity is its own ancestor at depth 0.
CREATE TABLE tag_closure (ancestor_id INTEGER NOT NULL, descendant_id INTEGER NOT NULL, depth INTEGER NOT NULL,
    PRIMARY KEY (ancestor_id, descendant_id)) WITHOUT ROWID;
CREATE INDEX ix_tag_closure_descendant ON tag_closure(descendant_id, ancestor_id);
CREATE TABLE studio_closure (ancestor_id INTEGER NOT NULL, descendant_id INTEGER NOT NULL, depth INTEGER NOT NULL,
    PRIMARY KEY (ancestor_id, descendant_id)) WITHOUT ROWID;
CREATE INDEX ix_studio_closure_descendant ON studio_closure(descendant_id, ancestor_id);
CREATE TABLE group_closure (ancestor_id INTEGER NOT NULL, descendant_id INTEGER NOT NULL, depth INTEGER NOT NULL,
    PRIMARY KEY (ancestor_id, descendant_id)) WITHOUT ROWID;
CREATE INDEX ix_group_closure_descendant ON group_closure(descendant_id, ancestor_id);

-- Full text over live entities; contentless (the text lives in the entity tables), rowid = entity id.
CREATE VIRTUAL TABLE scenes_fts USING fts5(title, details, code, director, path,
    content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE performers_fts USING fts5(name, aliases, disambiguation,
    content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE tags_fts USING fts5(name, aliases,
    content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE studios_fts USING fts5(name, aliases,
    content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE groups_fts USING fts5(name, aliases,
    content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE galleries_fts USING fts5(title,
    content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE images_fts USING fts5(title,
    content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
