package dev.larder.bench;

import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * How the emulator's child JVM fared.
 *
 * @param peakRssBytes the highest VmHWM sampled, empty if never read
 * @param alive        whether it was still running when asked
 * @param exitCode     its exit code when it had ended
 * @param outOfMemory  whether its stderr mentions an {@code OutOfMemoryError}
 */
record EmulatorOutcome(OptionalLong peakRssBytes, boolean alive, OptionalInt exitCode, boolean outOfMemory) {

    /** @return whether it ended or ran out of memory before the benchmark was done with it */
    boolean died() {
        return !alive || outOfMemory;
    }

    /** @return "alive", or how it died, e.g. "died (exit 3, OutOfMemoryError)" */
    String describe() {
        if (!died()) {
            return "alive";
        }
        StringBuilder text = new StringBuilder("died (");
        exitCode.ifPresentOrElse(code -> text.append("exit ").append(code), () -> text.append("still running"));
        if (outOfMemory) {
            text.append(", OutOfMemoryError");
        }
        return text.append(')').toString();
    }
}
