package dev.larder.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.larder.model.EntityType;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Changes that the store applies in one transaction: upserts, soft deletes and restores of entities, and
 * sync-state puts (so that a checkpoint commits atomically with the page it describes). Per entity only the last
 * change added counts. Build with {@link #builder()}; immutable once built, but the {@link ObjectNode}s are not
 * copied: do not change them after adding them.
 */
public final class WriteBatch {

    /** One change to one entity. */
    sealed interface Change permits Upsert, Delete, Restore {
        EntityType type();

        int id();
    }

    /** Write the entity and replace its relations; clears {@code deleted_at}. */
    record Upsert(EntityType type, int id, ObjectNode json) implements Change {
    }

    /** Soft-delete the entity (and what Stash deletes with it). */
    record Delete(EntityType type, int id) implements Change {
    }

    /** Clear {@code deleted_at}, keeping the stored fields and relations. */
    record Restore(EntityType type, int id) implements Change {
    }

    private record Key(EntityType type, int id) {
    }

    private final List<Change> changes;
    private final Map<String, String> syncState;

    private WriteBatch(Builder builder) {
        this.changes = List.copyOf(builder.changes.values());
        this.syncState = Collections.unmodifiableMap(new LinkedHashMap<>(builder.syncState));
    }

    /** @return a builder for an empty batch */
    public static Builder builder() {
        return new Builder();
    }

    List<Change> changes() {
        return changes;
    }

    Map<String, String> syncState() {
        return syncState;
    }

    /** @return the number of entity changes plus sync-state puts */
    public int size() {
        return changes.size() + syncState.size();
    }

    /** @return whether the batch changes nothing */
    public boolean isEmpty() {
        return size() == 0;
    }

    /** Collects changes. Not thread-safe. */
    public static final class Builder {

        private final Map<Key, Change> changes = new LinkedHashMap<>();
        private final Map<String, String> syncState = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Writes an entity as Stash returned it for its sync fragment, replacing all its stored relations and
         * restoring it if it was deleted. Gallery chapters are written inside their gallery ({@code chapters}).
         *
         * @param type the type, not {@link EntityType#GALLERY_CHAPTER}
         * @param json the entity; its {@code id} must be a positive integer (as a string or number)
         * @return this
         * @throws IllegalArgumentException for a chapter or a missing or bad id
         */
        public Builder upsert(EntityType type, ObjectNode json) {
            Objects.requireNonNull(type, "type");
            if (type == EntityType.GALLERY_CHAPTER) {
                throw new IllegalArgumentException("gallery chapters are written inside their gallery");
            }
            int id = idOf(json);
            changes.remove(new Key(type, id));
            changes.put(new Key(type, id), new Upsert(type, id, json));
            return this;
        }

        /**
         * Soft-deletes an entity: it disappears from counts and id listings but keeps its row and relations. A
         * scene takes its markers along and a gallery its chapters, as in Stash.
         *
         * @param type the type
         * @param id   the id; unknown or already deleted ids are ignored
         * @return this
         */
        public Builder delete(EntityType type, int id) {
            return put(new Delete(Objects.requireNonNull(type, "type"), id));
        }

        /**
         * Restores a soft-deleted entity with the fields and relations it had (an upsert also restores).
         *
         * @param type the type
         * @param id   the id; unknown or live ids are ignored
         * @return this
         */
        public Builder restore(EntityType type, int id) {
            return put(new Restore(Objects.requireNonNull(type, "type"), id));
        }

        /**
         * Sets a sync-state value (a watermark or a checkpoint), committed with the rest of the batch.
         *
         * @param key   non-null key
         * @param value non-null text
         * @return this
         */
        public Builder putSyncState(String key, String value) {
            syncState.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** @return the batch */
        public WriteBatch build() {
            return new WriteBatch(this);
        }

        private Builder put(Change change) {
            Key key = new Key(change.type(), change.id());
            changes.remove(key);
            changes.put(key, change);
            return this;
        }

        private static int idOf(ObjectNode json) {
            Objects.requireNonNull(json, "json");
            JsonNode id = json.get("id");
            if (id == null || id.isNull()) {
                throw new IllegalArgumentException("entity JSON has no id");
            }
            try {
                int value = Integer.parseInt(id.asText());
                if (value <= 0) {
                    throw new IllegalArgumentException("entity id must be positive, got " + value);
                }
                return value;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("entity id must be an integer, got " + id, e);
            }
        }
    }
}
