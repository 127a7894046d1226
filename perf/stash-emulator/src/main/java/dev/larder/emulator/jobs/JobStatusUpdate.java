package dev.larder.emulator.jobs;

/**
 * One item of {@code jobsSubscribe}: what happened and the job as it was then.
 *
 * @param type what happened
 * @param job  the job's snapshot
 */
public record JobStatusUpdate(JobStatusUpdateType type, Job job) {
}
