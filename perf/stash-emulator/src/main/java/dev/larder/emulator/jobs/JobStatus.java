package dev.larder.emulator.jobs;

/** Stash's {@code JobStatus} enum; the constant names are the GraphQL values. */
public enum JobStatus {
    /** Queued, not started. */
    READY,
    /** Running on the worker. */
    RUNNING,
    /** Completed without error and without being stopped. */
    FINISHED,
    /** Asked to stop while running; still running. */
    STOPPING,
    /** Stopped before it started, or stopped while running and now ended. */
    CANCELLED,
    /** Its work ended with an error. */
    FAILED
}
