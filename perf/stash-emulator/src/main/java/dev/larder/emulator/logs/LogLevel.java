package dev.larder.emulator.logs;

/** Stash's {@code LogLevel} enum, in its order of severity. The constant names are the GraphQL values. */
public enum LogLevel {
    Trace, Debug, Info, Progress, Warning, Error
}
