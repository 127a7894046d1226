package dev.larder.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StoreConfigTest {

    private static final Path PATH = Path.of("l2.db");

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "0; 65536; 0; 5; 5000; l2.read-pool-size must be 1..16, got 0",
            "17; 65536; 0; 5; 5000; l2.read-pool-size must be 1..16, got 17",
            "4; 10; 0; 5; 5000; l2.cache-size must be 1024..16777216, got 10",
            "4; 65536; -1; 5; 5000; l2.mmap-size must be 0..1099511627776, got -1",
            "4; 65536; 0; -1; 5000; l2.busy-timeout must be 0s..10m, got PT-1S",
            "4; 65536; 0; 5; 10; l2.write-batch-rows must be 100..100000, got 10"})
    void badValuesAreRefusedNamingTheKey(int pool, long cache, long mmap, long busySeconds, int rows, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new StoreConfig(PATH, pool, cache, mmap, Duration.ofSeconds(busySeconds), rows));
        assertThat(e.getMessage(), equalTo(message));
    }

    @Test
    void defaultsAreValid() {
        StoreConfig config = StoreConfig.defaults(PATH);
        assertThat(config.readPoolSize(), equalTo(4));
        assertThat(config.withReadPoolSize(16).readPoolSize(), equalTo(16));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StoreConfig.defaults(null));
        assertThat(e.getMessage(), equalTo("l2.path must be set"));
    }
}
