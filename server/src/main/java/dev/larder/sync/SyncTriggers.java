package dev.larder.sync;

import dev.larder.stash.JobUpdate;
import dev.larder.stash.StashEventListener;
import dev.larder.stash.StashException;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Decides when to sync besides start-up and manual requests: on a timer (incremental every poll interval, a sweep
 * every sweep interval), and on what Stash's subscriptions report. A finished Scan, Auto-tag or Identify job, or a
 * scan-complete signal, asks for an incremental sync; a finished Clean asks for a sweep (Stash deletes without
 * hooks); a finished Import asks for a full sync (it rewrites {@code updated_at}); every (re)connection asks for an
 * incremental sync, since the stream dropped whatever happened while it was down; a burst of change events asks for
 * an incremental sync once it has ended ({@link #eventsArrived}). Thread-safe.
 */
public final class SyncTriggers implements StashEventListener, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SyncTriggers.class.getName());

    /** How long the event stream must be quiet for a series of events (a burst, if large enough) to have ended. */
    static final Duration SERIES_QUIET = Duration.ofSeconds(2);

    private final SyncEngine engine;
    private final int burstEvents;
    private int seriesEvents;
    private ScheduledFuture<?> seriesEnd;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "larder-sync-timer");
        t.setDaemon(true);
        return t;
    });

    /**
     * Starts the timers.
     *
     * @param engine        the engine to ask
     * @param pollInterval  time between incremental syncs
     * @param sweepInterval time between sweeps
     * @param burstEvents   events in one series from which it is a burst ({@code events.burst}), 1 or more
     */
    public SyncTriggers(SyncEngine engine, Duration pollInterval, Duration sweepInterval, int burstEvents) {
        this.engine = engine;
        this.burstEvents = burstEvents;
        timer.scheduleWithFixedDelay(() -> engine.request(SyncMode.INCREMENTAL), pollInterval.toMillis(),
                pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(() -> engine.request(SyncMode.SWEEP), sweepInterval.toMillis(),
                sweepInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void onConnected(boolean reconnect) {
        if (reconnect) {
            engine.request(SyncMode.INCREMENTAL);
        }
    }

    /**
     * Change events arrived in one log batch. Batches less than {@link #SERIES_QUIET} apart make one series; when a
     * series of {@code events.burst} events or more ends, an incremental sync runs, since the log stream drops lines
     * under load (whole batches, the tail of a burst among them) and nothing else would notice. One sync follows a
     * minute-long bulk edit, not one per second of it; a trickle of single saves never adds up to a burst.
     *
     * @param count the events in the batch, 1 or more
     */
    public synchronized void eventsArrived(int count) {
        seriesEvents += count;
        if (seriesEnd != null) {
            seriesEnd.cancel(false);
        }
        if (!timer.isShutdown()) {
            seriesEnd = timer.schedule(this::seriesEnded, SERIES_QUIET.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void seriesEnded() {
        int events = seriesEvents;
        seriesEvents = 0;
        if (events >= burstEvents) {
            LOG.fine(() -> "a burst of " + events + " change events ended: incremental sync to catch dropped lines");
            engine.request(SyncMode.INCREMENTAL);
        }
    }

    @Override
    public void onScanComplete() {
        engine.request(SyncMode.INCREMENTAL);
    }

    @Override
    public void onJob(JobUpdate update) {
        if (update.job() == null || !"FINISHED".equals(update.job().status())) {
            return;
        }
        SyncMode mode = modeAfter(update.job().description());
        if (mode != null) {
            LOG.info(() -> "Stash finished \"" + update.job().description() + "\": " + mode.apiName() + " sync");
            engine.request(mode);
        }
    }

    @Override
    public void onFailure(StashException failure) {
        LOG.warning(() -> "Stash subscriptions stopped: " + failure.getMessage());
    }

    /**
     * The sync a finished Stash job calls for.
     *
     * @param description the job's description, e.g. {@code "Scanning..."}
     * @return the mode, or null for jobs that change nothing Larder keeps
     */
    static SyncMode modeAfter(String description) {
        String d = description == null ? "" : description.toLowerCase(Locale.ROOT);
        if (d.startsWith("scanning") || d.startsWith("auto-tagging") || d.startsWith("identifying")) {
            return SyncMode.INCREMENTAL;
        }
        if (d.startsWith("cleaning")) {
            return SyncMode.SWEEP;
        }
        if (d.startsWith("importing")) {
            return SyncMode.FULL;
        }
        return null;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
