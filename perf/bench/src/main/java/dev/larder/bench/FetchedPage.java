package dev.larder.bench;

/**
 * A page and what it cost to fetch.
 *
 * @param page      the page's content
 * @param wireBytes bytes of the response body as received (compressed when the server compressed it)
 * @param jsonBytes bytes of the JSON after decompression
 */
record FetchedPage(ScenePage page, long wireBytes, long jsonBytes) {
}
