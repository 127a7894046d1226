package dev.larder.emulator.packages;

/**
 * Why one package could not be installed or uninstalled. The message reads like Stash's wrapped Go error (for
 * example {@code getting remote package: failed to get package file: failed to get remote file: 404 Not Found}),
 * as the job writes it to the log stream.
 */
public final class PackageException extends Exception {

    /**
     * @param message what went wrong, outermost step first
     */
    public PackageException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, outermost step first
     * @param cause   the failure underneath
     */
    public PackageException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The same failure seen one step further out, as Go's {@code fmt.Errorf("step: %w", err)} wraps it.
     *
     * @param step the outer step
     * @return a new exception whose message is {@code step + ": " + this message}
     */
    PackageException within(String step) {
        return new PackageException(step + ": " + getMessage(), this);
    }
}
