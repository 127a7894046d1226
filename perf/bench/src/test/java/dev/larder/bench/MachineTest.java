package dev.larder.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class MachineTest {

    @Test
    void readsTheCpuModelAndTheMemoryFromProc() {
        assertThat(Machine.cpuModel("processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 7B13\n"
                + "processor\t: 1\nmodel name\t: AMD EPYC 7B13\n"), is(Optional.of("AMD EPYC 7B13")));
        assertThat(Machine.cpuModel("processor\t: 0\n"), is(Optional.empty()));
        assertThat(Machine.memTotalBytes("MemTotal:       24576000 kB\nMemFree:  1 kB\n"), is(24_576_000L * 1024));
    }
}
