package dev.larder.emulator.library;

import java.util.Arrays;

/**
 * A small sequential random source for one entity's fields: seeded from {@link Hashing#hash}, so the same entity
 * always draws the same sequence. Not thread-safe; create one per use.
 */
final class Draw {

    private long state;

    Draw(long seed) {
        this.state = seed;
    }

    long next() {
        state += 0x9E3779B97F4A7C15L;
        return Hashing.mix(state);
    }

    double unit() {
        return Hashing.unit(next());
    }

    int below(int n) {
        return Hashing.below(next(), n);
    }

    /** A uniform int in [low, high]. */
    int between(int low, int high) {
        return low + below(high - low + 1);
    }

    boolean chance(double p) {
        return unit() < p;
    }

    <T> T pick(T[] values) {
        return values[below(values.length)];
    }

    String hex(int digits) {
        StringBuilder out = new StringBuilder(digits);
        while (out.length() < digits) {
            String chunk = Long.toHexString(next());
            out.append("0".repeat(16 - chunk.length())).append(chunk);
        }
        return out.substring(0, digits);
    }

    String uuid() {
        String h = hex(32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-a" + h.substring(17, 20)
                + "-" + h.substring(20, 32);
    }

    /**
     * Up to {@code count} distinct ids from a sampler, in draw order (duplicates collapse, so a list may be
     * shorter).
     */
    int[] distinct(int count, java.util.function.IntSupplier sampler) {
        int[] out = new int[count];
        int size = 0;
        for (int i = 0; i < count; i++) {
            int id = sampler.getAsInt();
            if (id > 0 && !contains(out, size, id)) {
                out[size++] = id;
            }
        }
        return Arrays.copyOf(out, size);
    }

    private static boolean contains(int[] values, int size, int value) {
        for (int i = 0; i < size; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }
}
