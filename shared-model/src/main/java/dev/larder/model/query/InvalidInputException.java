package dev.larder.model.query;

import java.util.Objects;

/**
 * A query body that does not fit the contract: an unknown field, a value of the wrong type, a required field
 * missing, an enum value that does not exist. The message is meant for the client and contains {@link #path()}.
 */
public final class InvalidInputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String path;

    /**
     * @param path    where the offending value is, dotted with list indexes ({@code scene_filter.tags.value[2]})
     * @param message the whole message, naming the path
     */
    public InvalidInputException(String path, String message) {
        super(message);
        this.path = Objects.requireNonNull(path, "path");
    }

    /**
     * Where the offending value is: field names joined by dots, list items as {@code [i]}, starting with the prefix
     * given to {@link FilterContract#parse}; empty when the whole body is at fault and no prefix was given.
     *
     * @return the path, never null
     */
    public String path() {
        return path;
    }
}
