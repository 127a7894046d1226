package dev.larder.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.larder.model.EntityType;

/**
 * One entity as L2 holds it.
 *
 * @param type      the type
 * @param id        the id
 * @param json      the entity in the shape of its sync fragment ({@code dev/larder/stash/sync-fields.graphql}):
 *                  ids as strings, relations as {@code {"id": "5"}} objects in Stash's order, media URLs as the
 *                  stored paths (no scheme, host or API key); a gallery chapter also carries {@code gallery}.
 *                  A fresh tree owned by the caller
 * @param syncedAt  when the store last wrote it, ISO-8601 UTC
 * @param deletedAt when it was soft-deleted (ISO-8601 UTC), or null while it is live
 */
public record StoredEntity(EntityType type, int id, ObjectNode json, String syncedAt, String deletedAt) {

    /** @return whether the entity is live (not soft-deleted) */
    public boolean live() {
        return deletedAt == null;
    }
}
