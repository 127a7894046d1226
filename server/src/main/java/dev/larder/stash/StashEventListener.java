package dev.larder.stash;

import java.util.List;

/**
 * Receives what {@link StashSubscriptions} hears. Every method is called on the subscriptions' own thread, one call
 * at a time, in the order things happened on the connection; a method should hand long work to another thread. An
 * exception thrown here is logged and otherwise ignored. Every method does nothing by default.
 *
 * <p>The streams are lossy: nothing is heard while disconnected, and Stash drops log batches a slow subscriber cannot
 * take. {@link #onConnected(boolean)} is the moment to catch up (an incremental sync).
 */
public interface StashEventListener {

    /**
     * The connection is up and every subscription has been asked for.
     *
     * @param reconnect false the first time, true after every reconnect
     */
    default void onConnected(boolean reconnect) {
    }

    /**
     * The connection was lost; a reconnect follows after a back-off.
     *
     * @param reason why, for logs (never contains the API key)
     */
    default void onDisconnected(String reason) {
    }

    /** @param update a job was added, changed or removed */
    default void onJob(JobUpdate update) {
    }

    /** A Scan or Clean job finished ({@code scanCompleteSubscribe}). */
    default void onScanComplete() {
    }

    /** @param lines one batch of the log stream (Stash sends at most one a second), in Stash's order */
    default void onLog(List<LogLine> lines) {
    }

    /**
     * The subscriptions gave up for good and will not reconnect, for example because Stash refused the API key.
     *
     * @param failure why
     */
    default void onFailure(StashException failure) {
    }
}
