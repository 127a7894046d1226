package dev.larder.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class ProcStatusTest {
    @Test
    void readsVmHwmInBytes() {
        String status = """
                Name:\tjava
                State:\tS (sleeping)
                VmPeak:\t 4718592 kB
                VmHWM:\t  262144 kB
                VmRSS:\t  131072 kB
                Threads:\t42
                """;

        assertThat(ProcStatus.peakRssBytes(status), is(OptionalLong.of(262_144L * 1024)));
    }

    @Test
    void aStatusWithoutVmHwmHasNoPeak() {
        assertThat(ProcStatus.peakRssBytes("Name:\tjava\nState:\tZ (zombie)\n"), is(OptionalLong.empty()));
    }

    @Test
    void readsThisProcessOnLinux() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")));

        assertThat(ProcStatus.peakRssBytes(ProcessHandle.current().pid()).orElseThrow(), greaterThan(0L));
    }

    @Test
    void aProcessThatIsGoneHasNoPeak() {
        assertThat(ProcStatus.peakRssBytes(Long.MAX_VALUE), is(OptionalLong.empty()));
    }
}
