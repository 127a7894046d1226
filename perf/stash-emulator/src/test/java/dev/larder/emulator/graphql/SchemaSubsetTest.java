package dev.larder.emulator.graphql;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The comparison behind {@link StashSchemaFidelityTest}, on small schemas, so that it runs without Stash's. */
class SchemaSubsetTest {

    private static final GraphQLSchema WHOLE = schema("""
            type Query { find(id: ID!, page: Int = 1, q: String): Thing old: Int @deprecated(reason: "gone") }
            type Mutation { set(f: Filter): Kind }
            interface Node { id: ID! }
            type Thing implements Node { id: ID! names: [String!]! kind: Kind other: Int }
            type Other { id: ID! }
            union Any = Thing
            enum Kind { A B }
            input Filter { value: Int! modifier: Kind! extra: String }
            """);

    @Test
    void aFaithfulPartHasNoDifferences() {
        assertThat(SchemaSubset.differences(schema("""
                type Query { find(id: ID!, page: Int = 1): Thing old: Int @deprecated(reason: "our words") }
                type Mutation { set(f: Filter): Kind }
                interface Node { id: ID! }
                type Thing implements Node { id: ID! names: [String!]! }
                union Any = Thing
                enum Kind { B A }
                input Filter { value: Int! modifier: Kind! }
                """), WHOLE), is(empty()));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiterString = " -> ", value = {
        "type Query { find(id: ID!): Thing } type Thing { id: ID! extra: Int } -> Thing.extra: no such field",
        "type Query { find(id: ID!): Thing } type Thing { id: ID! names: [String!] }"
                + " -> Thing.names: type [String!] here, [String!]! in the whole",
        "type Query { find(id: ID!): Thing } type Thing { id: ID! names: [String]! }"
                + " -> Thing.names: type [String]! here, [String!]! in the whole",
        "type Query { find(id: ID!): Thing } type Thing { id: String! }"
                + " -> Thing.id: type String! here, ID! in the whole",
        "type Query { find(id: ID!, page: Int = 2): Thing } type Thing { id: ID! }"
                + " -> Query.find(page): default 2 here, 1 in the whole",
        "type Query { find(page: Int = 1): Thing } type Thing { id: ID! }"
                + " -> Query.find(id): required in the whole, absent here",
        "type Query { find(id: ID!, size: Int): Thing } type Thing { id: ID! }"
                + " -> Query.find(size): no such argument or input field",
        "type Query { old: Int } -> Query.old: deprecated false here, true in the whole",
        "type Query { old: Int @deprecated } enum Kind { A } -> Kind: values [A] here, [A, B] in the whole",
        "type Query { old: Int @deprecated } input Filter { value: Int! }"
                + " -> Filter(modifier): required in the whole, absent here",
        "type Query { old: Int @deprecated } input Filter { value: Int! modifier: Kind! extra: Int } enum Kind { A B }"
                + " -> Filter(extra): type Int here, String in the whole",
        "type Query { old: Int @deprecated } type Filter { value: Int }"
                + " -> Filter: ObjectType here, InputObjectType in the whole",
        "type Query { old: Int @deprecated } type Missing { id: ID } -> Missing: no such type",
        "type Query { old: Int @deprecated } union Any = Thing | Other type Thing { id: ID! } type Other { id: ID! }"
                + " -> Any member Other: not in the whole",
    })
    void aDifferenceIsNamed(String part, String difference) {
        assertThat(SchemaSubset.differences(schema(part), WHOLE), contains(difference.strip()));
    }

    private static GraphQLSchema schema(String sdl) {
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(sdl));
    }
}
