package dev.larder.stash;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A job in Stash's queue (scan, clean, auto-tag, ...), as {@code jobQueue} and {@code jobsSubscribe} report it.
 *
 * @param id          the job id
 * @param status      {@code READY}, {@code RUNNING}, {@code FINISHED}, {@code STOPPING}, {@code CANCELLED} or
 *                    {@code FAILED}
 * @param description what Stash calls it, e.g. {@code "Scanning..."}
 * @param progress    0 to 1, or null when unknown
 * @param error       why the job failed, or null; only {@link StashClient#findJob(int)} asks for it
 */
public record StashJob(int id, String status, String description, Double progress, String error) {

    /** @return true for a job that will not change any more: {@code FINISHED}, {@code CANCELLED} or {@code FAILED} */
    public boolean ended() {
        return "FINISHED".equals(status) || "CANCELLED".equals(status) || "FAILED".equals(status);
    }

    static StashJob of(JsonNode job) {
        JsonNode progress = job.path("progress");
        return new StashJob(job.path("id").asInt(), job.path("status").asText(null),
                job.path("description").asText(null), progress.isNumber() ? progress.asDouble() : null,
                job.path("error").asText(null));
    }
}
