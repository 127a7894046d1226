package dev.larder.sync;

import java.util.Map;

/**
 * How one sync run ended.
 *
 * @param mode       the mode
 * @param startedAt  when it started (RFC3339, UTC)
 * @param finishedAt when it ended (RFC3339, UTC)
 * @param written    entities written to the store: every row a full sync fetched, the rows an incremental sync
 *                   found changed, and the deletions and refetches of sweeps
 * @param errors     per type (its plural name) or stage, the message of a failure (never a secret); empty when
 *                   every type succeeded
 */
public record SyncOutcome(SyncMode mode, String startedAt, String finishedAt, long written,
                          Map<String, String> errors) {

    /**
     * Whether every type succeeded.
     *
     * @return true when there were no errors
     */
    public boolean ok() {
        return errors.isEmpty();
    }
}
