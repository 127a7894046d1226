package dev.larder.store;

/**
 * One forward-only schema step: a SQL script (statements separated by {@code ;} at line ends, {@code --} comments)
 * applied in one transaction together with its row in {@code schema_migrations}.
 *
 * @param version     1, 2, ... without gaps
 * @param description what the step adds
 * @param script      the script's text
 */
record Migration(int version, String description, String script) {
}
