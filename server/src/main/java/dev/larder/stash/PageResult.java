package dev.larder.stash;

/**
 * What one page told: how many entities match, how many came on this page, and the highest id seen.
 *
 * @param count  Stash's {@code count} for the query: for a keyset page ({@link PageRequest.Paging#KEYSET}) the
 *               entities with an id above the request's {@code afterId} that match its filters; for an offset page
 *               all that match the filters
 * @param rows   entities on this page, 0 or more (Stash may send fewer than asked: an old Stash clamps pages)
 * @param lastId the highest id on this page, or the request's {@code afterId} when the page is empty
 */
public record PageResult(int count, int rows, int lastId) {
}
