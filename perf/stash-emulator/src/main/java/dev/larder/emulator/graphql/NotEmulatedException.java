package dev.larder.emulator.graphql;

/**
 * A part of Stash's schema that the emulator does not serve. It becomes a GraphQL error naming that part, so a
 * test that relies on it fails loudly instead of reading a silent null.
 */
final class NotEmulatedException extends RuntimeException {

    NotEmulatedException(String what) {
        super("emulator: " + what + " is not emulated");
    }
}
