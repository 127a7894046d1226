package dev.larder.sync;

/**
 * What one type's full or incremental pass ended with.
 *
 * @param watermark the type's new watermark: the highest {@code updated_at} text seen, or null when the type is empty
 * @param written   entities of the type this pass wrote to the store
 */
record TypePass(String watermark, long written) {
}
