package dev.larder.bench;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line the Stash emulator prints on stdout once it serves:
 * {@code Stash emulator ready: url=http://HOST:PORT/graphql api-key=KEY scenes=N}.
 *
 * @param url    the GraphQL endpoint
 * @param apiKey the key it accepts (may be empty when it runs without one); never print it
 * @param scenes how many scenes its library holds
 */
record ReadyLine(URI url, String apiKey, long scenes) {
    private static final Pattern FORMAT =
            Pattern.compile("Stash emulator ready: url=(\\S+) api-key=(\\S*) scenes=(\\d+)\\s*");

    /**
     * @param line one line of the emulator's stdout, without its line break
     * @return the parsed line, or empty when the line is not the ready line
     */
    static Optional<ReadyLine> parse(String line) {
        Matcher m = FORMAT.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ReadyLine(URI.create(m.group(1)), m.group(2), Long.parseLong(m.group(3))));
    }

    /** Keeps the key out of any accidental print of this record. */
    @Override
    public String toString() {
        return "ReadyLine[url=" + url + ", scenes=" + scenes + "]";
    }
}
