package dev.larder.stash;

import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Several {@link StashEventListener}s behind one: every call goes to each, in the given order; one listener's
 * exception is logged and does not keep the call from the others.
 */
public final class StashListeners implements StashEventListener {

    private static final Logger LOG = Logger.getLogger(StashListeners.class.getName());

    private final List<StashEventListener> listeners;

    /**
     * @param listeners the listeners, called in this order
     */
    public StashListeners(StashEventListener... listeners) {
        this.listeners = List.of(listeners);
    }

    @Override
    public void onConnected(boolean reconnect) {
        each(l -> l.onConnected(reconnect));
    }

    @Override
    public void onDisconnected(String reason) {
        each(l -> l.onDisconnected(reason));
    }

    @Override
    public void onJob(JobUpdate update) {
        each(l -> l.onJob(update));
    }

    @Override
    public void onScanComplete() {
        each(StashEventListener::onScanComplete);
    }

    @Override
    public void onLog(List<LogLine> lines) {
        each(l -> l.onLog(lines));
    }

    @Override
    public void onFailure(StashException failure) {
        each(l -> l.onFailure(failure));
    }

    private void each(Consumer<StashEventListener> call) {
        for (StashEventListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, listener.getClass().getSimpleName() + " failed", e);
            }
        }
    }
}
