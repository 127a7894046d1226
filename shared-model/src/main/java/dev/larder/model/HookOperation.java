package dev.larder.model;

/**
 * The operations for which Stash fires plugin hooks. Stash only has {@code Post} hooks: they run after the
 * change is committed.
 */
public enum HookOperation {
    /** An entity was created (by a mutation or by a scan). */
    CREATE("Create"),
    /** An entity was changed (by a mutation, a bulk update, identify or a scan). */
    UPDATE("Update"),
    /** An entity was destroyed (by a mutation or the Clean task). */
    DESTROY("Destroy"),
    /** Tags were merged into a destination tag; fired for the destination only. */
    MERGE("Merge");

    private final String triggerName;

    HookOperation(String triggerName) {
        this.triggerName = triggerName;
    }

    /**
     * The name inside a trigger string.
     *
     * @return for example {@code "Update"}
     */
    public String triggerName() {
        return triggerName;
    }
}
