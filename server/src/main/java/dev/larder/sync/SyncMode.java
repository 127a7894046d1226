package dev.larder.sync;

import java.util.Locale;

/** The kinds of sync, as {@code POST /api/v1/sync} names them. */
public enum SyncMode {
    /** Every entity of every type, page by page; resumable from its checkpoint. */
    FULL,
    /** What changed since each type's watermark, by Stash's {@code updated_at}. */
    INCREMENTAL,
    /** What {@code updated_at} misses: counters, activity, deletions without hooks, cascaded relation changes. */
    SWEEP;

    /**
     * Parses the name used in the API.
     *
     * @param name {@code "full"}, {@code "incremental"} or {@code "sweep"}
     * @return the mode
     * @throws IllegalArgumentException naming the accepted values
     */
    public static SyncMode parse(String name) {
        for (SyncMode mode : values()) {
            if (mode.apiName().equals(name)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("mode must be one of \"full\", \"incremental\", \"sweep\", got "
                + (name == null ? "nothing" : "\"" + name + "\""));
    }

    /**
     * The name used in the API.
     *
     * @return for example {@code "incremental"}
     */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
