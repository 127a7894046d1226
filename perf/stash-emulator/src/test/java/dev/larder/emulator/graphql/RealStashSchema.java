package dev.larder.emulator.graphql;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.UnExecutableSchemaGenerator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Assumptions;

/**
 * Stash's real GraphQL schema, for the tests that compare with it: the folder {@value #FOLDER} beside the checkout,
 * whose root the build passes to the tests as the system property {@code larder.root}. A clone with nothing beside
 * it has no such folder, and those tests are skipped, saying why.
 */
public final class RealStashSchema {

    /** Where Stash's schema lies, relative to the checkout's root. */
    public static final String FOLDER = "../shared/stash-schema";

    private static final Set<String> TOLD = ConcurrentHashMap.newKeySet();
    private static GraphQLSchema schema;

    private RealStashSchema() {
    }

    /**
     * Stash's schema, or the calling test is skipped (aborted with the reason).
     *
     * @param check what the caller checks, which the skip message starts with, e.g. {@code "Schema fidelity check"}
     * @return the schema, without resolvers
     */
    public static GraphQLSchema assumePresent(String check) {
        return assumePresent(check, System.getProperty("larder.root"));
    }

    /** {@link #assumePresent(String)} with the checkout's root given, or null when unknown. */
    static GraphQLSchema assumePresent(String check, String root) {
        assume(root != null,
                check + " skipped: the system property larder.root (the checkout's root, set by the build) is unset");
        Path folder = Path.of(root).resolve(FOLDER).normalize();
        assume(Files.isRegularFile(folder.resolve("schema.graphql")),
                check + " skipped: " + FOLDER + " (Stash's real schema) is not beside the checkout");
        return parsed(folder);
    }

    /** Also prints the reason, once: Maven's console counts skipped tests but does not say why. */
    private static void assume(boolean condition, String skipped) {
        if (!condition && TOLD.add(skipped)) {
            System.err.println(skipped);
        }
        Assumptions.assumeTrue(condition, skipped);
    }

    /** Parsed once: many parameterized tests ask for it, and the folder is the same all along a test run. */
    private static synchronized GraphQLSchema parsed(Path folder) {
        if (schema == null) {
            schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(SchemaFiles.read(folder));
        }
        return schema;
    }
}
