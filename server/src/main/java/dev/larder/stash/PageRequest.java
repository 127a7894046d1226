package dev.larder.stash;

import dev.larder.model.EntityType;

import java.util.Objects;

/**
 * One page of a walk over the entities of a type, always in ascending id order and never asking for everything
 * ({@code per_page: -1}). Start with {@link #first(EntityType, int)}, narrow with {@link #updatedAfter(String)},
 * {@link #playedAfter(String)} or {@link #fields(FieldSet)}, and move on with {@link #next(PageResult)} while
 * {@link #hasMore(PageResult)}. Immutable and thread-safe.
 *
 * <p>Why id order even for "updated since": with pages sorted by {@code updated_at}, an entity updated during the walk
 * moves to the end and every later row moves up one place, so an offset page would skip a row whose
 * {@code updated_at} lies below the new watermark: lost until the next full sync. In id order an update moves
 * nothing; the caller takes the highest {@code updated_at} it saw as the next watermark once the walk is done.
 *
 * @param paging       keyset ({@code id > afterId}) or offset ({@code page}); fixed by the type
 * @param size         rows to ask for, 1 or more
 * @param afterId      keyset only: ask for ids above this, 0 or more
 * @param page         offset only: the 1-based page number
 * @param fields       which fields each entity carries
 * @param updatedAfter Stash's own {@code updated_at} text: only entities updated after it; null for no such filter
 * @param playedAfter  scenes only, RFC3339 in UTC ({@code ...Z}): only scenes played after it; null for no filter
 */
public record PageRequest(Paging paging, int size, int afterId, int page, FieldSet fields, String updatedAfter,
                          String playedAfter) {

    /** How pages follow each other. */
    public enum Paging {
        /**
         * {@code id > last}, sorted by id: stable while entities are added or removed, and cheap in Stash at any depth.
         * Possible for scenes, galleries and images, the only types whose filter has an {@code id} criterion.
         */
        KEYSET,
        /** Page numbers, sorted by id: for the other types; a removal during the walk shifts rows, so callers check
         * what they saw against {@code count}. */
        OFFSET
    }

    /** Checks the arguments. */
    public PageRequest {
        Objects.requireNonNull(paging, "paging");
        Objects.requireNonNull(fields, "fields");
        if (size < 1) {
            throw new IllegalArgumentException("page size must be 1 or more, got " + size);
        }
        if (afterId < 0 || page < 1) {
            throw new IllegalArgumentException("afterId must be 0 or more and page 1 or more, got " + afterId
                    + " and " + page);
        }
    }

    /**
     * The first page of a walk over every entity of a type.
     *
     * @param type a type with a list query in Stash (not {@link EntityType#GALLERY_CHAPTER})
     * @param size rows per page, 1 or more
     * @return the request for full entities
     */
    public static PageRequest first(EntityType type, int size) {
        return new PageRequest(SyncDocuments.paging(type), size, 0, 1, FieldSet.FULL, null, null);
    }

    /**
     * @param fields which fields to ask for
     * @return this request with other fields
     */
    public PageRequest fields(FieldSet fields) {
        return new PageRequest(paging, size, afterId, page, fields, updatedAfter, playedAfter);
    }

    /**
     * @param watermark an {@code updated_at} text as Stash returned it (Stash compares the texts), minus the
     *                  caller's overlap; not null
     * @return this request limited to entities updated after the watermark
     */
    public PageRequest updatedAfter(String watermark) {
        return new PageRequest(paging, size, afterId, page, fields, Objects.requireNonNull(watermark), playedAfter);
    }

    /**
     * @param utcWatermark RFC3339 in UTC, e.g. {@code 2026-01-05T10:03:04Z}: Stash keeps play dates in UTC and compares
     *                     the texts; not null
     * @return this request limited to scenes played after the watermark
     */
    public PageRequest playedAfter(String utcWatermark) {
        return new PageRequest(paging, size, afterId, page, fields, updatedAfter, Objects.requireNonNull(utcWatermark));
    }

    /**
     * Whether the walk goes on after a page, judged by Stash's count rather than by a short page (an old Stash sends
     * at most 1,000 rows whatever was asked).
     *
     * @param result what this request's page told
     * @return true when more entities are to come
     */
    public boolean hasMore(PageResult result) {
        if (result.rows() == 0) {
            return false;
        }
        return paging == Paging.KEYSET
                ? result.count() > result.rows()
                : (long) (page - 1) * size + result.rows() < result.count();
    }

    /**
     * The request for the page after this one. A keyset walk continues after the highest id seen. An offset walk
     * continues with the next page number; when Stash sent fewer rows than asked although more remain, it clamps
     * pages, so the walk goes on with the size Stash actually serves (keeping the offset a whole number of pages).
     *
     * @param result what this request's page told
     * @return the next request
     */
    public PageRequest next(PageResult result) {
        if (paging == Paging.KEYSET) {
            return new PageRequest(paging, size, Math.max(afterId, result.lastId()), 1, fields, updatedAfter,
                    playedAfter);
        }
        long seen = (long) (page - 1) * size + result.rows();
        int nextSize = size;
        if (result.rows() > 0 && result.rows() < size && seen < result.count()) {
            nextSize = (int) gcd(seen, result.rows());
        }
        return new PageRequest(paging, nextSize, afterId, Math.toIntExact(seen / nextSize + 1), fields, updatedAfter,
                playedAfter);
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
