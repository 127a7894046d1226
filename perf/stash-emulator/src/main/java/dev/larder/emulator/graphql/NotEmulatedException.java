package dev.larder.emulator.graphql;

/**
 * A request that the emulator's schema admits but the emulator cannot answer as Stash would (a text search, a
 * look-up by checksum, scraper packages, a field its data lacks). It becomes a GraphQL error naming that part, so
 * a test that relies on it fails loudly instead of reading a silent null; what the emulator serves not at all is
 * left out of its schema and fails validation instead.
 */
final class NotEmulatedException extends RuntimeException {

    NotEmulatedException(String what) {
        super("emulator: " + what + " is not emulated");
    }
}
