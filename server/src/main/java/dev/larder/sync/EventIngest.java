package dev.larder.sync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.larder.model.ChangeEvent;
import dev.larder.model.EntityType;
import dev.larder.model.HookOperation;
import dev.larder.stash.StashClient;
import dev.larder.store.Store;
import dev.larder.store.StoredEntity;
import dev.larder.store.WriteBatch;

import java.util.EnumMap;
import java.util.LinkedHashSet;
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
 * never carries data into the store: events are coalesced per entity over a short window, then each type's changed
 * ids are refetched from Stash in one batched look-up and written through the store's writer. An id Stash no
 * longer has is deleted only after a second probe confirms it is gone; an id that still exists is written as
 * fetched, whatever the event said. After a confirmed deletion (a destroy, or the sources of a tag merge) the
 * entities that pointed at the deleted ones are refetched too, since Stash re-points or clears them without a hook.
 * Gallery chapters are written inside their gallery: a chapter event refetches the gallery the store knows for it,
 * or asks for an incremental sync when the chapter is new to the store.
 *
 * <p>Thread-safe: {@link #submit} may be called from any thread; the work runs on one thread of its own. Nothing
 * here throws on bad input or a failing Stash: a failed window is logged and an incremental sync is asked for.
 */
public final class EventIngest implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EventIngest.class.getName());

    private record Key(EntityType type, int id) {
    }

    private final StashClient stash;
    private final Store store;
    private final Consumer<SyncMode> syncRequests;
    private final EventSettings settings;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "larder-events");
        t.setDaemon(true);
        return t;
    });
    private final Object lock = new Object();
    private Set<Key> pending = new LinkedHashSet<>();
    private boolean flushScheduled;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong coalesced = new AtomicLong();
    private final AtomicLong fetches = new AtomicLong();
    private final AtomicLong applied = new AtomicLong();

    /**
     * @param stash        where entities are refetched
     * @param store        where they are written
     * @param syncRequests asked for a sync when events cannot be applied by themselves (in Larder:
     *                     {@code SyncEngine::request})
     * @param settings     window and batch sizes
     */
    public EventIngest(StashClient stash, Store store, Consumer<SyncMode> syncRequests, EventSettings settings) {
        this.stash = stash;
        this.store = store;
        this.syncRequests = syncRequests;
        this.settings = settings;
    }

    /**
     * Takes one event; its entity (and a merge's sources) is refetched when the window ends or enough entities
     * are pending. Returns at once.
     *
     * @param event the event; null is ignored
     */
    public void submit(ChangeEvent event) {
        if (event == null) {
            return;
        }
        received.incrementAndGet();
        synchronized (lock) {
            if (!pending.add(new Key(event.type(), event.id()))) {
                coalesced.incrementAndGet();
            }
            if (event.op() == HookOperation.MERGE) {
                event.sources().forEach(s -> pending.add(new Key(event.type(), s)));
            }
            if (thread.isShutdown()) {
                return;
            }
            if (pending.size() >= settings.flushAt()) {
                flushScheduled = true;
                thread.execute(this::applyPending);
            } else if (!flushScheduled) {
                flushScheduled = true;
                thread.schedule(this::applyPending, settings.window().toMillis(), TimeUnit.MILLISECONDS);
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
        synchronized (lock) {
            taken = pending;
            pending = new LinkedHashSet<>();
            flushScheduled = false;
        }
        if (taken.isEmpty()) {
            return;
        }
        try {
            apply(taken);
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
                galleryOf(key.id()).ifPresentOrElse(
                        g -> changed.computeIfAbsent(EntityType.GALLERY, t -> new TreeSet<>()).add(g),
                        () -> syncRequests.accept(SyncMode.INCREMENTAL));
            } else {
                changed.computeIfAbsent(key.type(), t -> new TreeSet<>()).add(key.id());
            }
        }
        Map<EntityType, Set<Integer>> deleted = refetch(changed);
        Map<EntityType, Set<Integer>> owners = new EnumMap<>(EntityType.class);
        deleted.forEach((type, ids) -> store.referencing(type, ids).forEach((owner, ownerIds) -> {
            Set<Integer> fresh = new TreeSet<>(ownerIds);
            fresh.removeAll(changed.getOrDefault(owner, Set.of()));
            if (!fresh.isEmpty()) {
                owners.computeIfAbsent(owner, t -> new TreeSet<>()).addAll(fresh);
            }
        }));
        owners.remove(EntityType.GALLERY_CHAPTER);
        if (!owners.isEmpty()) {
            refetch(owners);
        }
    }

    /** Refetches and writes; returns the ids whose deletion was confirmed and written. */
    private Map<EntityType, Set<Integer>> refetch(Map<EntityType, Set<Integer>> ids) {
        WriteBatch.Builder batch = WriteBatch.builder();
        Map<EntityType, Set<Integer>> deleted = new EnumMap<>(EntityType.class);
        int[] writes = {0};
        for (EntityType type : SyncEngine.TYPES) {
            Set<Integer> wanted = ids.get(type);
            if (wanted == null || wanted.isEmpty()) {
                continue;
            }
            fetches.incrementAndGet();
            Set<Integer> absent = stash.fetchByIds(type, wanted, json -> {
                batch.upsert(type, json);
                writes[0]++;
            });
            if (absent.isEmpty()) {
                continue;
            }
            // a look-up that found nothing is not proof: the probe asks again before anything is deleted
            Set<Integer> gone = stash.missing(type, absent);
            for (int id : gone) {
                batch.delete(type, id);
                writes[0]++;
            }
            deleted.put(type, gone);
            Set<Integer> back = new TreeSet<>(absent);
            back.removeAll(gone);
            if (!back.isEmpty()) {
                fetches.incrementAndGet();
                stash.fetchByIds(type, back, json -> {
                    batch.upsert(type, json);
                    writes[0]++;
                });
            }
        }
        if (writes[0] > 0) {
            store.write(batch.build()).join();
            applied.addAndGet(writes[0]);
        }
        deleted.values().removeIf(Set::isEmpty);
        return deleted;
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
