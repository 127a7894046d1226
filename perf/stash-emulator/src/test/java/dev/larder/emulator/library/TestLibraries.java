package dev.larder.emulator.library;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Libraries for tests, all on a fixed clock after the generated history ends. */
final class TestLibraries {

    /** 2026-07-01T10:00:00+10:00 in the default zone; later than every generated timestamp. */
    static final Instant NOW = Instant.parse("2026-07-01T00:00:00Z");

    private TestLibraries() {
    }

    static SyntheticLibrary of(LibrarySpec spec) {
        return new SyntheticLibrary(spec, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static SyntheticLibrary scenes(int scenes) {
        return of(LibrarySpec.ofScenes(42, scenes));
    }

    /** A clock that moves only when told to. */
    static final class SteppingClock extends Clock {
        private Instant now = NOW;

        void advance(long seconds) {
            now = now.plusSeconds(seconds);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
