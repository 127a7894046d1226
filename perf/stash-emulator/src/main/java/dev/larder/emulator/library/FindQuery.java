package dev.larder.emulator.library;

import java.util.List;

/**
 * A list query over one entity type, with the parts of Stash's {@code FindFilterType} and filter types that the
 * emulator implements. Everything given is combined with AND.
 *
 * @param ids         when non-null and non-empty, only these ids (Stash then ignores filter, sort and paging
 *                    and fails if any id is missing); an empty list means "no ids", as in Stash
 * @param id          the {@code id} criterion, or null
 * @param createdAt   the {@code created_at} criterion, or null
 * @param updatedAt   the {@code updated_at} criterion, or null
 * @param sort        null or empty for Stash's default order; else a sort name such as {@code "id"},
 *                    {@code "updated_at"}, {@code "created_at"}, {@code "title"}, {@code "name"} or
 *                    {@code "random_<seed>"}
 * @param descending  true for {@code DESC}
 * @param page        1-based page; values below 1 mean 1
 * @param perPage     rows per page; negative means all rows, 0 means none (the count is still computed)
 * @param lastPlayedAt scenes only: the {@code last_played_at} criterion (Stash keeps play dates in UTC, so the
 *                     stored text ends in {@code Z}), or null
 */
public record FindQuery(List<Integer> ids, IntCriterion id, TimestampCriterion createdAt,
                        TimestampCriterion updatedAt, String sort, boolean descending, int page, int perPage,
                        TimestampCriterion lastPlayedAt) {

    /**
     * A query without a {@code last_played_at} criterion.
     *
     * @param ids        see the record
     * @param id         see the record
     * @param createdAt  see the record
     * @param updatedAt  see the record
     * @param sort       see the record
     * @param descending see the record
     * @param page       see the record
     * @param perPage    see the record
     */
    public FindQuery(List<Integer> ids, IntCriterion id, TimestampCriterion createdAt, TimestampCriterion updatedAt,
                     String sort, boolean descending, int page, int perPage) {
        this(ids, id, createdAt, updatedAt, sort, descending, page, perPage, null);
    }

    /** Stash's default page size. */
    public static final int DEFAULT_PER_PAGE = 25;

    /**
     * A query for all rows in the default order.
     *
     * @return the query
     */
    public static FindQuery all() {
        return new FindQuery(null, null, null, null, null, false, 1, -1);
    }
}
