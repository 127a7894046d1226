package dev.larder.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class PagingReportTest {
    private static final EmulatorOutcome ALIVE =
            new EmulatorOutcome(OptionalLong.of(300L * 1024 * 1024), true, OptionalInt.empty(), false);
    private static final PhaseResult IDS = new PhaseResult("ids (keyset)", 5_000, 201, 1_000_000,
            Duration.ofSeconds(4), 3L * 1024 * 1024, 12L * 1024 * 1024, Optional.empty());

    @Test
    void rendersOneRowPerPhaseWithRates() {
        PagingReport report = new PagingReport(1_000_000, "256m", 1, "25", 2, Duration.ofMillis(8_500), ALIVE,
                List.of(IDS));

        String markdown = report.markdown();
        assertThat(markdown, containsString("### emulator-paging: 1,000,000 scenes, emulator -Xmx256m, seed 1"));
        assertThat(markdown, containsString("Emulator ready in 8.5 s; peak RSS 300 MiB; alive."));
        assertThat(markdown, containsString("| ids (keyset) | 5,000 | 201 | 1,000,000 | 4.0 | 50.3 | 250,000 | 3.0 | 12.0 | ok |"));
        assertThat(report.passed(), is(true));
    }

    @Test
    void aFailedCheckOrADeadEmulatorFailsTheRun() {
        PhaseResult broken = new PhaseResult("full", 1_000, 3, 2_000, Duration.ofSeconds(1), 1, 1,
                Optional.of("page 3 failed: a | b"));
        EmulatorOutcome oom = new EmulatorOutcome(OptionalLong.empty(), false, OptionalInt.of(3), true);

        PagingReport failedCheck = new PagingReport(10, "256m", 1, "25", 2, Duration.ZERO, ALIVE, List.of(IDS, broken));
        PagingReport died = new PagingReport(10, "256m", 1, "25", 2, Duration.ZERO, oom, List.of(IDS));

        assertThat(failedCheck.passed(), is(false));
        assertThat(failedCheck.markdown(), containsString("| FAILED: page 3 failed: a / b |"));
        assertThat(died.passed(), is(false));
        assertThat(died.markdown(), containsString("peak RSS not measured; died (exit 3, OutOfMemoryError)."));
    }
}
