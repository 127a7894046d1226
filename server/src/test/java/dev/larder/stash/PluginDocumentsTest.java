package dev.larder.stash;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import graphql.ErrorClassification;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The documents that install and enable a plugin, with their variables, checked against Stash's real schema
 * (read from {@code stash.schema.dir}) without running them: only parse, validation and variable errors count.
 */
class PluginDocumentsTest {

    private static GraphQL stash;

    @BeforeAll
    static void schema() throws IOException {
        Path dir = Path.of(System.getProperty("stash.schema.dir", "../../shared/stash-schema"));
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        SchemaParser parser = new SchemaParser();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".graphql")).sorted().toList()) {
                registry.merge(parser.parse(Files.readString(file)));
            }
        }
        GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
        stash = GraphQL.newGraphQL(schema).build();
    }

    static Stream<Arguments> documents() {
        SyncDocuments d = new SyncDocuments(Fragments.load());
        return Stream.of(
                Arguments.of("installPackages", d.installPluginPackage("larder",
                        URI.create("http://larder:8080/stash-plugin/index.yml"))),
                Arguments.of("findJob", d.findJob(7)),
                Arguments.of("setPluginsEnabled", d.setPluginsEnabled(Map.of("larder", true))),
                Arguments.of("plugins", d.plugins()),
                Arguments.of("availablePackages", d.availablePluginPackages(
                        URI.create("http://larder:8080/stash-plugin/index.yml"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void isValidWithItsVariables(String name, SyncDocuments.Document document) {
        ExecutionResult result = stash.execute(b -> b.query(document.query()).variables(document.variables()));
        List<String> refused = result.getErrors().stream().filter(PluginDocumentsTest::refusal)
                .map(GraphQLError::getMessage).toList();
        assertThat(refused, is(empty()));
    }

    /** A parse, validation or variable error; a schema without resolvers yields nulls, which do not count. */
    private static boolean refusal(GraphQLError error) {
        ErrorClassification type = error.getErrorType();
        return type == graphql.ErrorType.InvalidSyntax || type == graphql.ErrorType.ValidationError;
    }
}
