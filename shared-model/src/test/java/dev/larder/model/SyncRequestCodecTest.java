package dev.larder.model;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyncRequestCodecTest {

    @Test
    void readsTheModeBehindStashsPluginPrefix() {
        assertThat(SyncRequestCodec.parse("[Plugin / Larder] larder-sync:1 {\"mode\":\"full\"}"),
                is(Optional.of("full")));
        assertThat(SyncRequestCodec.parse("Finished scan"), is(Optional.empty()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"larder-sync:1 nope", "larder-sync:1 {}", "larder-sync:1 {\"mode\":3}"})
    void aMalformedRequestSaysSo(String line) {
        assertThrows(IllegalArgumentException.class, () -> SyncRequestCodec.parse(line));
    }
}
