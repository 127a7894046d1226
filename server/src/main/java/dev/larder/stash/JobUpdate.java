package dev.larder.stash;

/**
 * A change in Stash's job queue ({@code jobsSubscribe}).
 *
 * @param type {@code ADD}, {@code UPDATE} or {@code REMOVE}
 * @param job  the job after the change
 */
public record JobUpdate(String type, StashJob job) {
}
