package dev.larder.emulator.graphql;

/**
 * An error that, like some of Stash's, turns the whole HTTP response into a non-200 status (with the GraphQL
 * errors still in the body).
 */
final class HttpStatusException extends RuntimeException {

    private final int status;

    HttpStatusException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
