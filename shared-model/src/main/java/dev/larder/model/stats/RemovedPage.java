package dev.larder.model.stats;

import java.util.List;

/**
 * A page of the entities of one type that Stash no longer has (found so by sync, which keeps them soft-deleted),
 * oldest removal first.
 *
 * @param count   how many were removed at or after the page's {@code since}
 * @param removed the page, ordered by {@code deletedAt} then id
 * @param more    whether more follow the last one; ask again with its {@code deletedAt} and id
 */
public record RemovedPage(long count, List<Removed> removed, boolean more) {

    /** Copies the list. */
    public RemovedPage {
        removed = List.copyOf(removed);
    }

    /**
     * @param id        the entity's id
     * @param deletedAt when Larder found it gone: ISO-8601 UTC with milliseconds ({@code 2026-03-01T10:15:30.123Z}),
     *                  fixed width, so it orders as text
     */
    public record Removed(int id, String deletedAt) {
    }
}
