package dev.larder.store;

/** A failure of the L2 store: SQL errors, an unusable database file, a schema newer than this code. */
public class StoreException extends RuntimeException {

    /**
     * @param message what went wrong, naming the file, table or setting involved
     */
    public StoreException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause   the underlying failure
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
