package dev.larder.bench;

/**
 * What one {@code findScenes} page said, reduced to what paging checks need.
 *
 * @param count      the {@code count} field: how many scenes match the page's filter in all
 * @param rows       how many scenes the page held
 * @param firstId    the first scene's id, or 0 when the page is empty
 * @param lastId     the last scene's id, or 0 when the page is empty
 * @param ascending  whether every id on the page is greater than the one before it
 */
record ScenePage(long count, int rows, long firstId, long lastId, boolean ascending) {
}
