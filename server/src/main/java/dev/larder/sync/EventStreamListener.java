package dev.larder.sync;

import dev.larder.model.ChangeEvent;
import dev.larder.model.ChangeEventCodec;
import dev.larder.model.SyncRequestCodec;
import dev.larder.stash.LogLine;
import dev.larder.stash.StashEventListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.logging.Logger;

/**
 * Reads Larder's change events off Stash's log stream: every line carrying the event marker is parsed and handed
 * to {@link EventIngest}; a sync request from the plugin's tasks asks the engine for that sync; other lines are
 * ignored; a malformed marked line is counted and logged (without its text, which a producer controls) and never
 * stops the stream. The stream is lossy, so every batch's event count is reported, for an incremental sync after
 * a burst: events make Larder fast, the sync makes it correct. (The catch-up after a reconnect is
 * {@link SyncTriggers}'s, which runs beside this listener.) Called on the subscriptions' thread; the work it hands over runs elsewhere.
 */
public final class EventStreamListener implements StashEventListener {

    private static final Logger LOG = Logger.getLogger(EventStreamListener.class.getName());

    private final EventIngest ingest;
    private final Consumer<SyncMode> syncRequests;
    private final IntConsumer arrivals;

    /**
     * @param ingest       where events go
     * @param syncRequests asked for the syncs the plugin's tasks request (in Larder: {@code SyncEngine::request})
     * @param arrivals     told how many events each log batch held, when any (in Larder:
     *                     {@link SyncTriggers#eventsArrived}, which catches up after bursts)
     */
    public EventStreamListener(EventIngest ingest, Consumer<SyncMode> syncRequests, IntConsumer arrivals) {
        this.ingest = ingest;
        this.syncRequests = syncRequests;
        this.arrivals = arrivals;
    }

    /** A user ran one of the plugin's tasks in Stash: "Larder: incremental sync" or "Larder: full sync". */
    private void requestedSync(LogLine line) {
        try {
            SyncRequestCodec.parse(line.message()).ifPresent(mode -> {
                LOG.info(() -> "Stash's plugin task asks for a " + mode + " sync");
                syncRequests.accept(SyncMode.parse(mode));
            });
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> "ignored a malformed Larder sync request logged at " + line.time());
        }
    }

    @Override
    public void onLog(List<LogLine> lines) {
        List<ChangeEvent> events = new ArrayList<>();
        for (LogLine line : lines) {
            requestedSync(line);
            Optional<ChangeEvent> event;
            try {
                event = ChangeEventCodec.parse(line.message());
            } catch (IllegalArgumentException e) {
                ingest.countMalformed();
                LOG.warning(() -> "ignored a malformed Larder event line logged at " + line.time());
                continue;
            }
            event.ifPresent(events::add);
        }
        if (!events.isEmpty()) {
            ingest.submitAll(events);
            arrivals.accept(events.size());
        }
    }
}
