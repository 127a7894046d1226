package dev.larder.emulator.jobs;

/** Stash's {@code JobStatusUpdateType} enum; the constant names are the GraphQL values. */
public enum JobStatusUpdateType {
    /** A job was queued. */
    ADD,
    /** A job left the queue (finished, failed or cancelled). */
    REMOVE,
    /** A queued job changed (started, progress, sub-tasks). */
    UPDATE
}
