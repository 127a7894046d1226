package dev.larder.emulator.logs;

import java.util.function.BooleanSupplier;

/** Bounded waiting for a condition in tests (never a fixed sleep). */
public final class Poll {

    private static final long LIMIT_NANOS = 15_000_000_000L;

    private Poll() {
    }

    /**
     * Waits until the condition holds.
     *
     * @throws AssertionError if it does not within the limit
     */
    public static void until(BooleanSupplier condition, String description) {
        long deadline = System.nanoTime() + LIMIT_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + description);
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + description, e);
            }
        }
    }
}
