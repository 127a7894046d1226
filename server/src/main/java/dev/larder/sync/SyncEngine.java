package dev.larder.sync;

import dev.larder.model.EntityType;
import dev.larder.stash.StashClient;
import dev.larder.store.Store;
import dev.larder.store.WriteBatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the store in step with Stash: full syncs (resumable), incremental syncs by watermark, and sweeps for what
 * watermarks miss. Runs one sync at a time on its own thread; a request for a mode that is already waiting joins
 * it. A run that fails (Stash down, say) is retried with growing waits until one succeeds, while the store keeps
 * serving what it has. Thread-safe.
 */
public final class SyncEngine implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SyncEngine.class.getName());
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    /** Every type with a list query in Stash, parents before children; chapters come inside their galleries. */
    static final List<EntityType> TYPES = Arrays.stream(EntityType.values())
            .filter(t -> t != EntityType.GALLERY_CHAPTER).toList();
    /**
     * Types whose deletion can leave other entities pointing at them (merges re-point, destroys cascade); a merged
     * scene's markers move to the destination without their {@code updated_at} moving.
     */
    private static final Set<EntityType> REFERENCED = EnumSet.of(EntityType.TAG, EntityType.STUDIO,
            EntityType.PERFORMER, EntityType.GROUP, EntityType.GALLERY, EntityType.SCENE);

    private final Store store;
    private final SyncSettings settings;
    private final Clock clock;
    private final ProgressBoard board;
    private final FullSync full;
    private final IncrementalSync incremental;
    private final ByIdRefresh refresh;
    private final DeletionSweep deletions;
    private final CounterSweep counters;
    private final SyncMetrics metrics;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "larder-sync");
        t.setDaemon(true);
        return t;
    });
    private final Map<SyncMode, CompletableFuture<SyncOutcome>> waiting = new ConcurrentHashMap<>();
    private final AtomicInteger failuresInARow = new AtomicInteger();
    private final AtomicBoolean stashReachable = new AtomicBoolean(true);
    private volatile SyncMode running;
    private volatile SyncOutcome last;

    /**
     * @param stash    the Stash client
     * @param store    the store
     * @param settings paging and pacing
     * @param clock    the clock for status times
     */
    public SyncEngine(StashClient stash, Store store, SyncSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.board = new ProgressBoard(clock, TYPES);
        this.full = new FullSync(stash, store, settings, board);
        this.incremental = new IncrementalSync(stash, store, settings, board);
        this.refresh = new ByIdRefresh(stash, store, settings.pageSize());
        this.deletions = new DeletionSweep(stash, store, settings, refresh);
        this.counters = new CounterSweep(stash, store, settings);
        this.metrics = new SyncMetrics(clock);
        TYPES.forEach(t -> store.syncState(SyncStateKeys.watermark(t)).ifPresent(w -> board.watermark(t, w)));
    }

    /**
     * Asks for a sync. Returns at once; the sync runs after any that is under way.
     *
     * @param mode the mode
     * @return completes with the outcome of the run that serves this request
     */
    public CompletableFuture<SyncOutcome> request(SyncMode mode) {
        CompletableFuture<SyncOutcome>[] created = new CompletableFuture[1];
        CompletableFuture<SyncOutcome> result = waiting.computeIfAbsent(mode, m -> {
            created[0] = new CompletableFuture<>();
            return created[0];
        });
        if (created[0] != null) {
            thread.execute(() -> runWaiting(mode));
        }
        return result;
    }

    /**
     * What start-up should run: a full sync that was interrupted resumes, an empty store gets a full sync,
     * anything else an incremental one.
     *
     * @return the mode for {@code sync.on-start: auto}
     */
    public SyncMode startMode() {
        boolean fullRunning = store.syncState(SyncStateKeys.FULL_RUN).map("running"::equals).orElse(false);
        boolean empty = TYPES.stream().allMatch(t -> store.syncState(SyncStateKeys.watermark(t)).isEmpty());
        return fullRunning || empty ? SyncMode.FULL : SyncMode.INCREMENTAL;
    }

    /** @return every type's progress, in sync order */
    public List<TypeProgress> status() {
        return board.snapshot();
    }

    /** @return the mode running now, or null */
    public SyncMode running() {
        return running;
    }

    /** @return the last run's outcome, or null before the first ends */
    public SyncOutcome lastOutcome() {
        return last;
    }

    /** @return false while the last contact with Stash failed */
    public boolean stashReachable() {
        return stashReachable.get();
    }

    private void runWaiting(SyncMode mode) {
        CompletableFuture<SyncOutcome> promise = waiting.remove(mode);
        if (promise == null) {
            return;
        }
        running = mode;
        long started = System.nanoTime();
        SyncOutcome outcome;
        try {
            outcome = run(mode);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "sync " + mode.apiName() + " failed", e);
            outcome = new SyncOutcome(mode, now(), now(), 0, Map.of("sync", String.valueOf(e.getMessage())));
        } finally {
            running = null;
        }
        last = outcome;
        metrics.ran(mode, Duration.ofNanos(System.nanoTime() - started), outcome.ok());
        stashReachable.set(outcome.ok());
        if (outcome.ok()) {
            failuresInARow.set(0);
        } else {
            scheduleRetry(mode);
        }
        promise.complete(outcome);
    }

    private void scheduleRetry(SyncMode mode) {
        int failures = failuresInARow.incrementAndGet();
        long initial = settings.retryInitial().toMillis();
        long wait = Math.min(settings.retryMax().toMillis(), initial << Math.min(20, failures - 1));
        LOG.info(() -> "sync " + mode.apiName() + " retries in " + Duration.ofMillis(wait));
        thread.schedule(() -> request(mode), wait, TimeUnit.MILLISECONDS);
    }

    private SyncOutcome run(SyncMode mode) {
        String startedAt = now();
        Map<String, String> errors = new TreeMap<>();
        long[] written = {0};
        LOG.info(() -> "sync " + mode.apiName() + " starts");
        if (mode != SyncMode.SWEEP) {
            // queued when the run begins, not when asked for: a request made during another run leaves its progress
            TYPES.forEach(t -> board.queue(t, mode));
        }
        switch (mode) {
            case FULL -> runFull(startedAt, errors, written);
            case INCREMENTAL -> {
                if (startMode() == SyncMode.FULL) {
                    runFull(startedAt, errors, written);
                } else {
                    for (EntityType type : TYPES) {
                        perType(type, errors, () -> {
                            // a type that was empty at the last full sync has no watermark yet: everything is new
                            String watermark = store.syncState(SyncStateKeys.watermark(type))
                                    .orElse(StashTimestamps.EPOCH);
                            TypePass pass = incremental.run(type, watermark);
                            written[0] += pass.written();
                            board.done(type, pass.watermark());
                            reportFetched(type);
                        });
                    }
                }
            }
            case SWEEP -> runSweep(startedAt, errors, written);
        }
        SyncOutcome outcome = new SyncOutcome(mode, startedAt, now(), written[0], errors);
        LOG.info(() -> "sync " + mode.apiName() + " ended " + (outcome.ok() ? "ok" : "with errors " + errors));
        return outcome;
    }

    private void runFull(String startedAt, Map<String, String> errors, long[] written) {
        boolean resuming = store.syncState(SyncStateKeys.FULL_RUN).map("running"::equals).orElse(false);
        if (!resuming) {
            WriteBatch.Builder reset = WriteBatch.builder().putSyncState(SyncStateKeys.FULL_RUN, "running");
            TYPES.forEach(t -> reset.putSyncState(SyncStateKeys.checkpoint(t), "")
                    .putSyncState(SyncStateKeys.fullWatermark(t), ""));
            store.write(reset.build()).join();
        }
        TYPES.forEach(type -> perType(type, errors, () -> full.expect(type)));
        if (!errors.isEmpty()) {
            return;
        }
        boolean bulk = TYPES.stream().allMatch(t -> store.count(t) == 0);
        if (bulk) {
            store.beginBulkLoad().join();
        }
        try {
            for (EntityType type : TYPES) {
                perType(type, errors, () -> {
                    TypePass pass = full.run(type);
                    written[0] += pass.written();
                    if (pass.watermark() != null) {
                        store.write(WriteBatch.builder()
                                .putSyncState(SyncStateKeys.watermark(type), pass.watermark()).build()).join();
                    }
                    board.done(type, pass.watermark());
                    reportFetched(type);
                });
                if (!errors.isEmpty()) {
                    return;
                }
            }
        } finally {
            if (bulk) {
                store.endBulkLoad().join();
            }
        }
        // pages by offset can shift while Stash changes, and Stash may have removed entities since the last sync
        reconcile(errors, written);
        if (errors.isEmpty()) {
            store.write(WriteBatch.builder().putSyncState(SyncStateKeys.FULL_RUN, "done")
                    .putSyncState(SyncStateKeys.PLAYS_WATERMARK, startedAt)
                    .putSyncState(SyncStateKeys.OS_WATERMARK, startedAt).build()).join();
        }
    }

    private void runSweep(String startedAt, Map<String, String> errors, long[] written) {
        reconcile(errors, written);
        perType(EntityType.SCENE, errors, () -> written[0] += counters.run(startedAt));
    }

    /** Deletions and missed entities for every type, then the entities that pointed at what was deleted. */
    private void reconcile(Map<String, String> errors, long[] written) {
        Map<EntityType, Set<Integer>> deleted = new EnumMap<>(EntityType.class);
        for (EntityType type : TYPES) {
            perType(type, errors, () -> {
                DeletionSweep.Outcome outcome = deletions.run(type);
                written[0] += outcome.deleted().size() + outcome.written().size();
                if (REFERENCED.contains(type) && !outcome.deleted().isEmpty()) {
                    deleted.put(type, outcome.deleted());
                }
            });
        }
        refresh.referrers(deleted).forEach((referrer, ids) ->
                perType(referrer, errors, () -> written[0] += refresh.refresh(referrer, ids).size()));
    }

    /** Runs one type's part of a sync; a failure is recorded for that type and does not stop the others. */
    private void perType(EntityType type, Map<String, String> errors, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            errors.merge(type.pluralName(), message, (a, b) -> a + "; " + b);
            board.failed(type, message);
            LOG.log(Level.WARNING, "sync of " + type.pluralName() + " failed: " + message);
        }
    }

    /** Logs and meters what a type's full or incremental pass fetched, once per pass. */
    private void reportFetched(EntityType type) {
        board.snapshot().stream().filter(p -> p.type() == type).findFirst().ifPresent(p -> {
            metrics.fetched(type, p.fetched());
            LOG.info(() -> String.format(Locale.ROOT, "%s: %,d rows fetched at %,.0f rows/s",
                    type.pluralName(), p.fetched(), p.rowsPerSecond()));
        });
    }

    private String now() {
        return UTC.format(Instant.now(clock));
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
