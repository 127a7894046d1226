package dev.larder.emulator.jobs;

/** The work of a job, run on the queue's worker thread. */
@FunctionalInterface
public interface JobWork {

    /**
     * Does the work. Should check {@link JobProgress#isStopping()} now and then and return early when it is true.
     *
     * @param progress where to report progress and sub-tasks
     * @throws Exception to end the job as FAILED with the exception's message as its error
     */
    void run(JobProgress progress) throws Exception;
}
