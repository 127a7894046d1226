package dev.larder.stash;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import dev.larder.emulator.graphql.RealStashSchema;
import dev.larder.emulator.graphql.SchemaFiles;
import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.schema.DataFetcherFactories;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.UnExecutableSchemaGenerator;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every document Larder sends, with its variables, is valid against the emulator's schema (always) and against
 * Stash's real one (when it is beside the checkout; skipped otherwise). Only parse, validation and variable errors
 * count: nothing is resolved.
 */
class StashDocumentsTest {

    private static final Set<ErrorClassification> REFUSALS = Set.of(ErrorType.InvalidSyntax, ErrorType.ValidationError);
    private static final GraphQLSchema EMULATED =
            UnExecutableSchemaGenerator.makeUnExecutableSchema(SchemaFiles.emulated());

    static Stream<Arguments> documents() {
        return LarderDocuments.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void isValidAgainstTheEmulatorsSchema(String name, SyncDocuments.Document document) {
        assertThat(refusals(EMULATED, document), is(empty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void isValidAgainstStashsSchema(String name, SyncDocuments.Document document) {
        GraphQLSchema stash = RealStashSchema.assumePresent("Validation against Stash's schema");
        assertThat(refusals(stash, document), is(empty()));
    }

    /**
     * The parse, validation and variable errors of running the document where every field answers null (a
     * resolver-less schema would make up values, endlessly for types that refer to each other).
     */
    private static List<String> refusals(GraphQLSchema schema, SyncDocuments.Document document) {
        GraphQLCodeRegistry answeringNull = schema.getCodeRegistry().transform(c -> c.clearDataFetchers()
                .defaultDataFetcher(DataFetcherFactories.useDataFetcher(env -> null)));
        ExecutionResult result = GraphQL.newGraphQL(schema.transform(s -> s.codeRegistry(answeringNull))).build()
                .execute(b -> b.query(document.query()).variables(document.variables()));
        return result.getErrors().stream()
                .filter(e -> REFUSALS.contains(e.getErrorType()))
                .map(GraphQLError::getMessage)
                .toList();
    }
}
