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
import java.util.logging.Logger;

/**
 * Reads Larder's change events off Stash's log stream: every line carrying the event marker is parsed and handed
 * to {@link EventIngest}; a sync request from the plugin's tasks asks the engine for that sync; other lines are
 * ignored; a malformed marked line is counted and logged (without its text, which a producer controls) and never
 * stops the stream. The stream is lossy, so a log batch holding a burst of events is reported, for an incremental
 * sync once the burst ends: events make Larder fast, the sync makes it correct. (The catch-up after a reconnect is
 * {@link SyncTriggers}'s, which runs beside this listener.) Called on the subscriptions' thread; the work it hands over runs elsewhere.
 */
public final class EventStreamListener implements StashEventListener {

    private static final Logger LOG = Logger.getLogger(EventStreamListener.class.getName());

    private final EventIngest ingest;
    private final Consumer<SyncMode> syncRequests;
    private final Runnable burst;
    private final int burstEvents;

    /**
     * @param ingest       where events go
     * @param syncRequests asked for the syncs the plugin's tasks request (in Larder: {@code SyncEngine::request})
     * @param burst        told of each log batch holding a burst (in Larder: {@link SyncTriggers#burst})
     * @param burstEvents  events in one log batch from which it counts as a burst, 1 or more
     */
    public EventStreamListener(EventIngest ingest, Consumer<SyncMode> syncRequests, Runnable burst, int burstEvents) {
        this.ingest = ingest;
        this.syncRequests = syncRequests;
        this.burst = burst;
        this.burstEvents = burstEvents;
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
        ingest.submitAll(events);
        if (events.size() >= burstEvents) {
            int size = events.size();
            LOG.fine(() -> size + " events in one log batch: an incremental sync will catch dropped lines");
            burst.run();
        }
    }
}
