package dev.larder;

import dev.larder.cache.L1;
import dev.larder.model.Changes;
import dev.larder.model.EntityType;
import dev.larder.model.stats.LibraryStats;
import dev.larder.query.QueryEngine;
import dev.larder.query.StatsEngine;
import dev.larder.stash.StashClient;
import dev.larder.stash.StashListeners;
import dev.larder.stash.StashSubscriptions;
import dev.larder.store.Store;
import dev.larder.sync.EventIngest;
import dev.larder.sync.EventStreamListener;
import dev.larder.sync.SyncEngine;
import dev.larder.sync.SyncMode;
import dev.larder.sync.SyncTriggers;

import java.net.URI;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Larder without its web server: the L2 store kept in step with a Stash server by the sync engine, its timers,
 * Stash's subscriptions and the change events on Stash's log stream, and the query engine with its L1 in front of
 * the store. A Java program embeds it with this package and the query contract of {@code dev.larder.model.query}:
 * {@code larder.scenes().find(findFilter, sceneFilter)}, {@link #addChangeListener} for what each write changed;
 * {@link Main} puts the HTTP API in front of it.
 * Start with {@link #start(LarderConfig)}; close to stop everything (the store is closed last, after the writer
 * drained). Thread-safe.
 */
public final class Larder implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Larder.class.getName());

    private final LarderConfig config;
    private final Store store;
    private final StashClient stash;
    private final SyncEngine sync;
    private final SyncTriggers triggers;
    private final EventIngest events;
    private final StashSubscriptions subscriptions;
    private final L1 l1;
    private final QueryEngine queries;
    private final StatsEngine stats;
    private final ChangeFeed changes = new ChangeFeed();
    private final Map<EntityType, EntityQueries> byType = new EnumMap<>(EntityType.class);

    private Larder(LarderConfig config) {
        this.config = config;
        this.store = Store.open(config.store());
        // L1 follows the store before anything writes, so that no commit goes by unseen
        this.l1 = new L1(config.l1()).follow(store).registerMetrics();
        store.addCommitListener(changes::committed);
        this.queries = new QueryEngine(store, l1, config.query());
        this.stats = new StatsEngine(queries);
        for (EntityType type : EntityType.values()) {
            if (QueryEngine.serves(type)) {
                byType.put(type, new EntityQueries(type, queries, stats));
            }
        }
        this.stash = StashClient.builder(config.stashUrl()).apiKey(config.stashApiKey())
                .requestTimeout(config.stashTimeout()).build();
        this.sync = new SyncEngine(stash, store, config.sync(), Clock.systemUTC());
        this.triggers = new SyncTriggers(sync, config.pollInterval(), config.sweepInterval(),
                config.events().burstEvents());
        this.events = new EventIngest(stash, store, sync::request, config.events());
        var listener = new StashListeners(triggers,
                new EventStreamListener(events, sync::request, triggers::eventsArrived));
        this.subscriptions = StashSubscriptions.builder(websocketUrl(config.stashUrl()), listener)
                .apiKey(config.stashApiKey()).build().start();
        SyncMode first = config.autoOnStart() ? sync.startMode() : config.onStart();
        if (first != null) {
            LOG.info(() -> "start-up sync: " + first.apiName());
            sync.request(first);
        }
    }

    /**
     * Opens the store (migrating it if needed), connects to Stash and starts syncing as configured. Stash being
     * down does not stop start-up: the store serves what it has and the sync retries.
     *
     * @param config the settings
     * @return the running instance
     */
    public static Larder start(LarderConfig config) {
        return new Larder(config);
    }

    /** @return the settings it runs with */
    public LarderConfig config() {
        return config;
    }

    /** @return the client for Stash's GraphQL API that the sync uses; closed with this instance */
    public StashClient stash() {
        return stash;
    }

    /** @return the L2 store */
    public Store store() {
        return store;
    }

    /** @return the sync engine */
    public SyncEngine sync() {
        return sync;
    }

    /** @return change-event ingestion, fed by Stash's log stream and {@code POST /api/v1/events} */
    public EventIngest events() {
        return events;
    }

    /**
     * @param type a type Larder serves (every one but gallery chapters, which Stash lists inside galleries)
     * @return its queries
     * @throws IllegalArgumentException for gallery chapters
     */
    public EntityQueries queries(EntityType type) {
        EntityQueries q = byType.get(type);
        if (q == null) {
            throw new IllegalArgumentException("Larder serves no queries of " + type.pluralName());
        }
        return q;
    }

    /** @return the scene queries */
    public EntityQueries scenes() {
        return queries(EntityType.SCENE);
    }

    /** @return the performer queries */
    public EntityQueries performers() {
        return queries(EntityType.PERFORMER);
    }

    /** @return the studio queries */
    public EntityQueries studios() {
        return queries(EntityType.STUDIO);
    }

    /** @return the tag queries */
    public EntityQueries tags() {
        return queries(EntityType.TAG);
    }

    /** @return the group queries */
    public EntityQueries groups() {
        return queries(EntityType.GROUP);
    }

    /** @return the gallery queries */
    public EntityQueries galleries() {
        return queries(EntityType.GALLERY);
    }

    /** @return the image queries */
    public EntityQueries images() {
        return queries(EntityType.IMAGE);
    }

    /** @return the scene marker queries */
    public EntityQueries sceneMarkers() {
        return queries(EntityType.SCENE_MARKER);
    }

    /**
     * Stash's library statistics ({@code scene_count}, {@code scenes_size}, ... as Stash's {@code stats} query
     * defines them) over what Larder holds; a filtered set's totals are {@link EntityQueries#totals}.
     *
     * @return the statistics, from L1 until a write changes what they count
     */
    public LibraryStats stats() {
        return stats.library();
    }

    /**
     * Listens to what each write to the store changed (a sync page, an event's refetch, a deletion), for an
     * embedding program that pushes updates to its own clients. Listeners run in commit order on one thread of
     * Larder's, after the change is visible to queries; a slow one delays later notices, never Larder.
     *
     * @param listener the listener
     */
    public void addChangeListener(Consumer<Changes> listener) {
        changes.add(listener);
    }

    /** @param listener a listener added before; it gets no more notices */
    public void removeChangeListener(Consumer<Changes> listener) {
        changes.remove(listener);
    }

    /** @return the query engine behind {@link #queries(EntityType)}, for the HTTP layer */
    public QueryEngine queryEngine() {
        return queries;
    }

    /** @return the view caches */
    public L1 l1() {
        return l1;
    }

    /** @return whether the subscriptions to Stash are connected now */
    public boolean subscribed() {
        return subscriptions.connected();
    }

    private static URI websocketUrl(URI graphql) {
        String scheme = "https".equals(graphql.getScheme()) ? "wss" : "ws";
        return URI.create(scheme + graphql.toString().substring(graphql.getScheme().length()));
    }

    @Override
    public void close() {
        subscriptions.close();
        triggers.close();
        events.close();
        sync.close();
        stash.close();
        store.close();
        changes.close();
    }
}
