package dev.larder.emulator.jobs;

/**
 * Kinds of Stash's built-in tasks, with the description Stash queues them under
 * ({@code internal/manager/manager_tasks.go}). Only a finished scan or clean signals {@code scanCompleteSubscribe}.
 */
public enum JobKind {
    SCAN("Scanning...", true),
    CLEAN("Cleaning...", true),
    AUTO_TAG("Auto-tagging...", false),
    IDENTIFY("Identifying...", false),
    IMPORT("Importing...", false),
    EXPORT("Exporting...", false),
    GENERATE("Generating...", false);

    private final String description;
    private final boolean signalsScanComplete;

    JobKind(String description, boolean signalsScanComplete) {
        this.description = description;
        this.signalsScanComplete = signalsScanComplete;
    }

    /** @return the job description Stash uses for this kind */
    public String description() {
        return description;
    }

    /** @return whether finishing (not cancelling) such a job emits {@code true} on {@code scanCompleteSubscribe} */
    public boolean signalsScanComplete() {
        return signalsScanComplete;
    }
}
