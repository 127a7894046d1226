package dev.larder.sync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.larder.model.ChangeEvent;
import dev.larder.model.EntityType;
import dev.larder.model.HookOperation;
import dev.larder.stash.StashClient;
import dev.larder.store.Store;
import dev.larder.store.StoredEntity;

import io.helidon.metrics.api.FunctionalCounter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Timer;

import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies change events to the store. Events are only hints (the log stream reorders and drops them), so an event
 * never carries data into the store: the changed entities are refetched from Stash by id, in one batched look-up per
 * type, and written through the store's writer by {@link ByIdRefresh}, which deletes an id only after a probe
 * confirms Stash no longer has it. After a confirmed deletion (a destroy, or the sources of a tag merge) the entities
 * that pointed at the deleted ones are refreshed too, since Stash re-points or clears them without a hook. Gallery
 * chapters are written inside their gallery: a chapter event refreshes the gallery the store holds it in and the
 * gallery the event names (a create or a move), or asks for an incremental sync when it knows neither.
 *
 * <p>Coalescing: events are gathered per entity for {@code events.window} (0 by default) and applied together; events
 * that arrive while a refetch runs wait for it and are applied together after it. Stash's log stream already
 * delivers a second's events in one batch, which {@link #submitAll} takes at once, so a bulk edit of thousands of
 * entities costs a few batched look-ups while a single save is applied as soon as it arrives.
 *
 * <p>Meters in Helidon's global registry (the first instance in a JVM owns them): counters
 * {@code larder.events.received}, {@code .malformed}, {@code .coalesced}, {@code .applied}, and the timer
 * {@code larder.events.delay}: from an applied group's earliest event reaching Larder to its last write committed.
 *
 * <p>Thread-safe: {@link #submit} may be called from any thread; the work runs on one thread of its own. Nothing
 * here throws on bad input or a failing Stash: a failed group is logged and an incremental sync is asked for.
 */
public final class EventIngest implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EventIngest.class.getName());

    /** What is pending: an entity, and for a chapter the gallery its event named (0 for none). */
    private record Key(EntityType type, int id, int gallery) {
    }

    private final Store store;
    private final Consumer<SyncMode> syncRequests;
    private final EventSettings settings;
    private final ByIdRefresh refresh;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "larder-events");
        t.setDaemon(true);
        return t;
    });
    private final Object lock = new Object();
    private Set<Key> pending = new LinkedHashSet<>();
    private long pendingSince;
    private boolean applyScheduled;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong coalesced = new AtomicLong();
    private final AtomicLong fetches = new AtomicLong();
    private final AtomicLong applied = new AtomicLong();
    private final Timer delay;

    /**
     * @param stash        where entities are refetched
     * @param store        where they are written
     * @param syncRequests asked for a sync when events cannot be applied by themselves (in Larder:
     *                     {@code SyncEngine::request})
     * @param settings     window and batch sizes
     */
    public EventIngest(StashClient stash, Store store, Consumer<SyncMode> syncRequests, EventSettings settings) {
        this.store = store;
        this.syncRequests = syncRequests;
        this.settings = settings;
        this.refresh = new ByIdRefresh(stash, store, settings.flushAt());
        MeterRegistry registry = Metrics.globalRegistry();
        counter(registry, "larder.events.received", "Change events taken, from the log stream or the API", received);
        counter(registry, "larder.events.malformed", "Marked log lines that held no valid event", malformed);
        counter(registry, "larder.events.coalesced", "Events folded into a change already pending", coalesced);
        counter(registry, "larder.events.applied", "Entities written or deleted because of events", applied);
        delay = registry.getOrCreate(Timer.builder("larder.events.delay")
                .description("From a group of events reaching Larder to its writes committed"));
    }

    private static void counter(MeterRegistry registry, String name, String description, AtomicLong source) {
        registry.getOrCreate(FunctionalCounter.builder(name, source, AtomicLong::get).description(description));
    }

    /**
     * Takes one event; its entity (and a merge's sources) is refetched when the window ends. Returns at once.
     *
     * @param event the event; null is ignored
     */
    public void submit(ChangeEvent event) {
        if (event != null) {
            submitAll(List.of(event));
        }
    }

    /**
     * Takes events that arrived together (one log batch), so that they are applied together. Returns at once.
     *
     * @param events the events, not null
     */
    public void submitAll(Collection<ChangeEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        received.addAndGet(events.size());
        synchronized (lock) {
            if (pending.isEmpty()) {
                pendingSince = System.nanoTime();
            }
            for (ChangeEvent event : events) {
                if (!pending.add(new Key(event.type(), event.id(), event.gallery()))) {
                    coalesced.incrementAndGet();
                }
                if (event.op() == HookOperation.MERGE) {
                    event.sources().forEach(s -> pending.add(new Key(event.type(), s, 0)));
                }
            }
            if (thread.isShutdown()) {
                return;
            }
            if (pending.size() >= settings.flushAt()) {
                applyScheduled = true;
                thread.execute(this::applyPending);
            } else if (!applyScheduled) {
                applyScheduled = true;
                thread.schedule(this::applyPending, settings.window().toNanos(), TimeUnit.NANOSECONDS);
            }
        }
    }

    /** Counts one marked log line that held no valid event. */
    public void countMalformed() {
        malformed.incrementAndGet();
    }

    /**
     * Applies what is pending now, without waiting for the window.
     *
     * @return completes once it is written (or has failed and been logged)
     */
    public CompletableFuture<Void> flush() {
        return CompletableFuture.runAsync(this::applyPending, thread);
    }

    /** @return the counters so far */
    public EventStats stats() {
        return new EventStats(received.get(), malformed.get(), coalesced.get(), fetches.get(), applied.get());
    }

    private void applyPending() {
        Set<Key> taken;
        long since;
        synchronized (lock) {
            taken = pending;
            since = pendingSince;
            pending = new LinkedHashSet<>();
            applyScheduled = false;
        }
        if (taken.isEmpty()) {
            return;
        }
        try {
            apply(taken);
            delay.record(Duration.ofNanos(System.nanoTime() - since));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "applying " + taken.size() + " changed entities failed; asking for an "
                    + "incremental sync: " + e.getMessage());
            syncRequests.accept(SyncMode.INCREMENTAL);
        }
    }

    private void apply(Set<Key> keys) {
        Map<EntityType, Set<Integer>> changed = new EnumMap<>(EntityType.class);
        for (Key key : keys) {
            if (key.type() == EntityType.GALLERY_CHAPTER) {
                // the gallery the store holds the chapter in (it may have moved away) and the one its event names
                Set<Integer> galleries = new TreeSet<>();
                galleryOf(key.id()).ifPresent(galleries::add);
                if (key.gallery() > 0) {
                    galleries.add(key.gallery());
                }
                if (galleries.isEmpty()) {
                    syncRequests.accept(SyncMode.INCREMENTAL);
                } else {
                    changed.computeIfAbsent(EntityType.GALLERY, t -> new TreeSet<>()).addAll(galleries);
                }
            } else {
                changed.computeIfAbsent(key.type(), t -> new TreeSet<>()).add(key.id());
            }
        }
        ByIdRefresh.Outcome outcome = refreshCounted(changed);
        Map<EntityType, Set<Integer>> referrers = refresh.referrers(outcome.deleted());
        referrers.forEach((type, ids) -> ids.removeAll(changed.getOrDefault(type, Set.of())));
        referrers.values().removeIf(Set::isEmpty);
        if (!referrers.isEmpty()) {
            refreshCounted(referrers);
        }
    }

    private ByIdRefresh.Outcome refreshCounted(Map<EntityType, Set<Integer>> ids) {
        fetches.addAndGet(ids.size());
        ByIdRefresh.Outcome outcome = refresh.refresh(ids);
        applied.addAndGet(outcome.size());
        return outcome;
    }

    private Optional<Integer> galleryOf(int chapterId) {
        return store.get(EntityType.GALLERY_CHAPTER, chapterId).map(StoredEntity::json)
                .map(json -> json.path("gallery").path("id"))
                .filter(JsonNode::isValueNode)
                .map(JsonNode::asInt)
                .filter(id -> id > 0);
    }

    /** Applies what is pending, then stops the thread. */
    @Override
    public void close() {
        try {
            flush().join();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "final flush failed", e);
        }
        thread.shutdownNow();
    }
}
