/**
 * The answers of Larder's set views beside its pages ({@code dev.larder.model.query.FindResult}): random picks,
 * totals, facets and top lists, date distributions, the list of what Stash no longer has, and Stash's library
 * statistics. Each view of a filtered set is over the same set a query with that filter and text would page
 * through, and leaves out what Stash no longer has. Plain immutable records.
 */
package dev.larder.model.stats;
