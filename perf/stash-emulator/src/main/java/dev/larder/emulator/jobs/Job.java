package dev.larder.emulator.jobs;

import java.util.List;

/**
 * A snapshot of one job, shaped like Stash's GraphQL {@code Job} type. Timestamps are RFC3339 text with the queue's
 * zone offset (see {@link dev.larder.emulator.logs.Rfc3339Nano}).
 *
 * @param id          the job's id, from 1, in submission order
 * @param status      its status
 * @param subTasks    descriptions of the sub-tasks under way, empty when none (and once the job left the queue)
 * @param description what the job does, e.g. "Scanning..."
 * @param progress    the share done from 0 to 1, or null when the job declared it indefinite
 * @param startTime   when it started running, null if it never did
 * @param endTime     when its work ended, null if it has not (or was cancelled before starting)
 * @param addTime     when it was queued
 * @param error       the error its work ended with, null unless FAILED
 */
public record Job(int id, JobStatus status, List<String> subTasks, String description, Double progress,
                  String startTime, String endTime, String addTime, String error) {

    /** Copies {@code subTasks}. */
    public Job {
        subTasks = List.copyOf(subTasks);
    }
}
