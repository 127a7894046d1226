package dev.larder.emulator.library;

/**
 * Stateless 64-bit mixing (SplitMix64 finaliser), the root of all determinism in the synthetic library: every
 * generated value is a pure function of (seed, type, id, salt), so nothing per entity has to be remembered.
 */
final class Hashing {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Hashing() {
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static long hash(long seed, int type, long id, int salt) {
        long h = mix(seed + GOLDEN * (type + 1));
        h = mix(h ^ (id * 0xD1B54A32D192ED03L));
        return mix(h + GOLDEN * salt);
    }

    /** A uniform double in [0, 1). */
    static double unit(long h) {
        return (h >>> 11) * 0x1.0p-53;
    }

    /** A uniform int in [0, n), n > 0. */
    static int below(long h, int n) {
        return (int) ((h >>> 1) % n);
    }
}
