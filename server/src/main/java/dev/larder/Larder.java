package dev.larder;

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
import java.util.logging.Logger;

/**
 * Larder without its web server: the L2 store kept in step with a Stash server by the sync engine, its timers,
 * Stash's subscriptions and the change events on Stash's log stream. A Java program can embed it; {@link Main} puts the HTTP API in front of it.
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

    private Larder(LarderConfig config) {
        this.config = config;
        this.store = Store.open(config.store());
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
    }
}
