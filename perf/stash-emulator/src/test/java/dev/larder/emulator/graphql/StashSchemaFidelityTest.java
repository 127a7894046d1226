package dev.larder.emulator.graphql;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.UnExecutableSchemaGenerator;

import org.junit.jupiter.api.Test;

/**
 * The emulator's schema is a faithful part of Stash's (see {@link SchemaSubset}): what validates against the
 * emulator validates against Stash. Needs Stash's real schema beside the checkout; skipped without it.
 */
class StashSchemaFidelityTest {

    @Test
    void everyDefinitionOfTheEmulatorsSchemaIsStashs() {
        GraphQLSchema stash = RealStashSchema.assumePresent("Schema fidelity check");
        GraphQLSchema emulated = UnExecutableSchemaGenerator.makeUnExecutableSchema(SchemaFiles.emulated());
        assertThat(SchemaSubset.differences(emulated, stash), is(empty()));
    }
}
