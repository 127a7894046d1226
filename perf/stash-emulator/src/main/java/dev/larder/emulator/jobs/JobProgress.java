package dev.larder.emulator.jobs;

/**
 * A running job's handle for reporting (Stash's {@code job.Progress}). Each change publishes an UPDATE, throttled per
 * job as in Stash (at most one per throttle interval; the last change always goes out). Thread-safe.
 */
public interface JobProgress {

    /**
     * Sets the share done.
     *
     * @param fraction from 0 to 1; values outside are clamped, as Stash's {@code SetPercent} does
     * @throws IllegalArgumentException if NaN
     */
    void setProgress(double fraction);

    /** Declares the progress unknown: the job's {@code progress} becomes null. */
    void setIndefinite();

    /**
     * Starts a sub-task, listed in the job's {@code subTasks} until closed (Stash's {@code ExecuteTask}).
     *
     * @param description what the sub-task does
     * @return the handle that ends it
     */
    SubTask addSubTask(String description);

    /** @return whether someone asked the job to stop */
    boolean isStopping();

    /** A sub-task under way; closing it removes it from the job's {@code subTasks}. Idempotent. */
    interface SubTask extends AutoCloseable {
        @Override
        void close();
    }
}
