package dev.larder;

import dev.larder.model.Changes;
import dev.larder.store.ChangeSet;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands the store's committed change sets to an embedding program's listeners, in commit order, on one thread of
 * its own: a slow listener delays later notices, never the store's writer. A listener that throws is logged and
 * keeps its place. Thread-safe.
 */
final class ChangeFeed implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ChangeFeed.class.getName());

    private final List<Consumer<Changes>> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(
            task -> Thread.ofPlatform().name("larder-changes").daemon(true).unstarted(task));

    void add(Consumer<Changes> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    void remove(Consumer<Changes> listener) {
        listeners.remove(listener);
    }

    /** Called on the store's writer thread after each commit that changed something. */
    void committed(ChangeSet changes) {
        if (listeners.isEmpty() || changes.types().isEmpty()) {
            return;
        }
        Changes notice = new Changes(changes.upserted(), changes.deleted(), changes.everything());
        try {
            thread.execute(() -> {
                for (Consumer<Changes> listener : listeners) {
                    try {
                        listener.accept(notice);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "a change listener failed", e);
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            // closing: nobody is left to tell
        }
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.shutdownNow();
    }
}
