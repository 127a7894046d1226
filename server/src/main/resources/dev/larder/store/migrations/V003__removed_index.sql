-- Larder L2, version 2: what Stash no longer has, listed by removal time (GET /api/v1/{type}/removed). The writer's
-- deleted_at text varies in width with its fraction digits, so the index orders a fixed-width form of it
-- (milliseconds, UTC); partial, so it holds only the soft-deleted rows.

CREATE INDEX ix_tags_removed ON tags(strftime('%Y-%m-%dT%H:%M:%fZ', deleted_at), id) WHERE deleted_at IS NOT NULL;
CREATE INDEX ix_studios_removed ON studios(strftime('%Y-%m-%dT%H:%M:%fZ', deleted_at), id)
    WHERE deleted_at IS NOT NULL;
CREATE INDEX ix_performers_removed ON performers(strftime('%Y-%m-%dT%H:%M:%fZ', deleted_at), id)
    WHERE deleted_at IS NOT NULL;
CREATE INDEX ix_groups_removed ON groups(strftime('%Y-%m-%dT%H:%M:%fZ', deleted_at), id)
    WHERE deleted_at IS NOT NULL;
CREATE INDEX ix_galleries_removed ON galleries(strftime('%Y-%m-%dT%H:%M:%fZ', deleted_at), id)
    WHERE deleted_at IS NOT NULL;
CREATE INDEX ix_scenes_removed ON scenes(strftime('%Y-%m-%dT%H:%M:%fZ', deleted_at), id)
    WHERE deleted_at IS NOT NULL;
CREATE INDEX ix_scene_markers_removed ON scene_markers(strftime('%Y-%m-%dT%H:%M:%fZ', deleted_at), id)
    WHERE deleted_at IS NOT NULL;
CREATE INDEX ix_images_removed ON images(strftime('%Y-%m-%dT%H:%M:%fZ', deleted_at), id)
    WHERE deleted_at IS NOT NULL;
