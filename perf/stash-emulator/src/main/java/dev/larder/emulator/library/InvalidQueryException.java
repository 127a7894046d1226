package dev.larder.emulator.library;

/** A query that Stash would fail, with the message Stash gives. */
public class InvalidQueryException extends RuntimeException {

    /**
     * Creates the exception.
     *
     * @param message Stash's message, for example {@code "invalid sort: foo"}
     */
    public InvalidQueryException(String message) {
        super(message);
    }
}
