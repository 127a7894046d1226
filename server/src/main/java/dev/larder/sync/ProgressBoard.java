package dev.larder.sync;

import dev.larder.model.EntityType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The live progress of every entity type, written by the sync thread and read by status requests. Thread-safe:
 * every method synchronizes on the board; snapshots are immutable.
 */
final class ProgressBoard {

    private final Clock clock;
    private final Map<EntityType, Entry> entries = new EnumMap<>(EntityType.class);

    private static final class Entry {
        TypeProgress.State state = TypeProgress.State.NEW;
        SyncMode mode;
        long fetched;
        long total = -1;
        Instant started;
        Instant finished;
        String watermark;
        String lastError;
        double lastRate;
    }

    ProgressBoard(Clock clock, Iterable<EntityType> types) {
        this.clock = clock;
        for (EntityType type : types) {
            entries.put(type, new Entry());
        }
    }

    /** A run that will reach this type begins: nothing fetched for it yet, its total unknown until counted. */
    synchronized void queue(EntityType type, SyncMode mode) {
        Entry e = entries.get(type);
        e.state = TypeProgress.State.QUEUED;
        e.mode = mode;
        e.fetched = 0;
        e.total = -1;
        e.started = null;
    }

    /** The type's turn in the run: it fetches from now on; a total counted while it was queued stays. */
    synchronized void start(EntityType type, SyncMode mode) {
        Entry e = entries.get(type);
        e.state = TypeProgress.State.RUNNING;
        e.mode = mode;
        e.fetched = 0;
        e.started = clock.instant();
    }

    synchronized void fetched(EntityType type, long rows) {
        entries.get(type).fetched += rows;
    }

    synchronized void total(EntityType type, long total) {
        entries.get(type).total = total;
    }

    synchronized void done(EntityType type, String watermark) {
        Entry e = entries.get(type);
        e.lastRate = rate(e);
        e.state = TypeProgress.State.DONE;
        e.finished = clock.instant();
        e.watermark = watermark;
        e.lastError = null;
    }

    synchronized void failed(EntityType type, String error) {
        Entry e = entries.get(type);
        e.lastRate = rate(e);
        e.state = TypeProgress.State.FAILED;
        e.finished = clock.instant();
        e.lastError = error;
    }

    synchronized void watermark(EntityType type, String watermark) {
        entries.get(type).watermark = watermark;
    }

    synchronized List<TypeProgress> snapshot() {
        List<TypeProgress> out = new ArrayList<>();
        entries.forEach((type, e) -> {
            boolean running = e.state == TypeProgress.State.RUNNING;
            double rate = running ? rate(e) : e.lastRate;
            long eta = running && rate > 0 && e.total >= 0 ? (long) Math.ceil(Math.max(0, e.total - e.fetched) / rate)
                    : -1;
            out.add(new TypeProgress(type, e.state, e.mode, e.fetched, e.total, rate, eta, e.watermark,
                    e.lastError, e.finished == null ? null : e.finished.toString()));
        });
        return out;
    }

    private double rate(Entry e) {
        if (e.started == null) {
            return 0;
        }
        double seconds = Duration.between(e.started, clock.instant()).toMillis() / 1000.0;
        return seconds <= 0 ? 0 : e.fetched / seconds;
    }
}
