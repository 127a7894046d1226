package dev.larder.sync;

import dev.larder.model.EntityType;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Timer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sync's meters, in Helidon's global registry (shown at {@code /observe/metrics}):
 * {@code larder.sync.duration} (timer, per mode), {@code larder.sync.rows} (rows fetched from Stash, per type) and
 * {@code larder.sync.lag} (seconds since the last sync that ended without errors). Thread-safe.
 */
final class SyncMetrics {

    private final MeterRegistry registry = Metrics.globalRegistry();
    private final Clock clock;
    private final AtomicReference<Instant> lastSuccess = new AtomicReference<>();

    SyncMetrics(Clock clock) {
        this.clock = clock;
        registry.getOrCreate(Gauge.builder("larder.sync.lag", () -> {
            Instant last = lastSuccess.get();
            return last == null ? -1.0 : Duration.between(last, clock.instant()).toMillis() / 1000.0;
        }).description("Seconds since the last sync that ended without errors; -1 before the first")
                .baseUnit("seconds"));
    }

    void ran(SyncMode mode, Duration took, boolean ok) {
        registry.getOrCreate(Timer.builder("larder.sync.duration").addTag(Metrics.tag("mode", mode.apiName()))
                .description("Time a sync run took")).record(took);
        if (ok) {
            lastSuccess.set(clock.instant());
        }
    }

    void fetched(EntityType type, long rows) {
        registry.getOrCreate(Counter.builder("larder.sync.rows").addTag(Metrics.tag("type", type.pluralName()))
                .description("Rows fetched from Stash by the sync")).increment(rows);
    }
}
