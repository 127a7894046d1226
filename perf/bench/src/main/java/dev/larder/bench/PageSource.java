package dev.larder.bench;

import java.io.IOException;

/** Fetches scene pages by keyset: the scenes whose id is greater than a given id, in ascending id order. */
@FunctionalInterface
interface PageSource {
    /**
     * @param afterId the id the page starts after; 0 for the first page
     * @param perPage how many scenes to ask for, at least 1
     * @throws IOException if the request fails or the response is not a page (a GraphQL error, a bad status)
     */
    FetchedPage fetch(long afterId, int perPage) throws IOException, InterruptedException;
}
