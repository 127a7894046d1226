package dev.larder.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.net.URI;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ReadyLineTest {
    @Test
    void parsesTheReadyLine() {
        Optional<ReadyLine> line = ReadyLine.parse(
                "Stash emulator ready: url=http://127.0.0.1:40123/graphql api-key=test-key-1 scenes=1000000");

        assertThat(line, is(Optional.of(new ReadyLine(URI.create("http://127.0.0.1:40123/graphql"), "test-key-1",
                1_000_000))));
    }

    @Test
    void acceptsAnEmptyKey() {
        assertThat(ReadyLine.parse("Stash emulator ready: url=http://[::1]:9999/graphql api-key= scenes=0")
                .map(ReadyLine::apiKey), is(Optional.of("")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "Generating 1000000 scenes...",
            "Stash emulator ready: url=http://127.0.0.1:1/graphql scenes=5",
            "Stash emulator ready: url=http://127.0.0.1:1/graphql api-key=k scenes=many",
            "INFO Stash emulator ready: url=http://127.0.0.1:1/graphql api-key=k scenes=5"})
    void ignoresOtherLines(String line) {
        assertThat(ReadyLine.parse(line), is(Optional.empty()));
    }

    @Test
    void itsTextLeavesTheKeyOut() {
        ReadyLine line = new ReadyLine(URI.create("http://127.0.0.1:1/graphql"), "test-key-2", 5);

        assertThat(line.toString(), not(containsString("test-key-2")));
    }
}
