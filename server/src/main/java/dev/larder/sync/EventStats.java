package dev.larder.sync;

/**
 * What change-event ingestion has done since start-up, for status pages.
 *
 * @param received  events taken, from any source
 * @param malformed marked log lines that did not hold a valid event
 * @param coalesced events folded into a change already pending for the same entity (among them the {@code Movie}
 *                  twin Stash fires with every {@code Group} hook)
 * @param fetches   look-ups of changed entities in Stash: one per type per applied group of events, each asking
 *                  for up to 100 ids a request
 * @param applied   entities written to the store (upserts and confirmed deletions)
 */
public record EventStats(long received, long malformed, long coalesced, long fetches, long applied) {
}
