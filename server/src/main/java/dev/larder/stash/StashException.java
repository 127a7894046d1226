package dev.larder.stash;

import java.util.List;
import java.util.Objects;

/**
 * A Stash call that did not succeed. The message never contains the API key: texts that Stash or the network sent
 * are passed through {@link ApiKey#redact} or {@link ApiKey#redactBody} before they get here.
 */
public final class StashException extends RuntimeException {

    /** Why a call failed, which tells the caller whether trying again later can help. */
    public enum Reason {
        /** The API key was refused (HTTP 401 or 403); retrying cannot help until the configuration changes. */
        UNAUTHORIZED,
        /**
         * Stash answered, and refused the request: GraphQL errors, or an HTTP 4xx such as 422 for a document that
         * does not validate. Not retried: the same request would fail the same way.
         */
        REJECTED,
        /** Stash could not be reached or kept failing (IO errors, timeouts, 5xx) after every allowed attempt. */
        UNAVAILABLE,
        /** The calling thread was interrupted while waiting for Stash. */
        INTERRUPTED
    }

    private final Reason reason;
    private final int httpStatus;
    private final List<String> errors;

    StashException(Reason reason, int httpStatus, List<String> errors, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason);
        this.httpStatus = httpStatus;
        this.errors = List.copyOf(errors);
    }

    /** @return why the call failed */
    public Reason reason() {
        return reason;
    }

    /** @return the HTTP status of the last answer, or 0 when there was none (IO error, timeout) */
    public int httpStatus() {
        return httpStatus;
    }

    /** @return the error messages Stash sent (GraphQL {@code errors[].message}), possibly empty; redacted */
    public List<String> errors() {
        return errors;
    }
}
