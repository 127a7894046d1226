package dev.larder.http;

import dev.larder.sync.SyncEngine;
import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;

/**
 * The {@code stash} readiness check at {@code /observe/health}: always UP, since Larder keeps serving its L2 copy
 * while Stash is unreachable, with {@code state: degraded} (and the sync's last error) until Stash answers again.
 */
public final class StashHealthCheck implements HealthCheck {

    private final SyncEngine sync;

    /**
     * @param sync the sync engine, which knows whether its last contact with Stash worked
     */
    public StashHealthCheck(SyncEngine sync) {
        this.sync = sync;
    }

    @Override
    public HealthCheckType type() {
        return HealthCheckType.READINESS;
    }

    @Override
    public String name() {
        return "stash";
    }

    @Override
    public HealthCheckResponse call() {
        boolean reachable = sync.stashReachable();
        HealthCheckResponse.Builder response = HealthCheckResponse.builder().status(HealthCheckResponse.Status.UP)
                .detail("state", reachable ? "ok" : "degraded")
                .detail("stashReachable", reachable);
        if (!reachable && sync.lastOutcome() != null) {
            response.detail("lastErrors", String.valueOf(sync.lastOutcome().errors()));
        }
        return response.build();
    }
}
