package dev.larder.model.query;

import static dev.larder.model.query.Json.json;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SdlReaderTest {

    private static final String SCHEMA = """
            "The root" \s
            type Query {
              # a comment with a { brace
              find(filter: Thing = {size: 3}, ids: [ID!]): [Result!]! @deprecated
            }
            schema { query: Query }
            union Result = A | B
            directive @tagged(name: String!) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION
            interface Node { id: ID! }
            \"""
            A block description, with "quotes" and a { brace.
            \"""
            input Thing @tagged(name: "x") {
              "a line description"
              size: Int = 25,
              kind: Kind! = BIG
              names: [String] = ["a", "b\\u00e9"]
              old: Float @deprecated(reason: "gone") @tagged(name: "y")
              any: Any
            }
            enum Kind {
              "small" SMALL
              BIG @deprecated
            }
            scalar Any
            extend input Thing { more: Boolean }
            extend enum Kind { HUGE }
            """;

    @Test
    void readsInputsEnumsAndScalarsAndSkipsTheRest() {
        Definitions read = SdlReader.read(Map.of("s.graphql", SCHEMA));
        assertThat(read.inputs().keySet(), contains("Thing"));
        Map<String, Definitions.Field> fields = read.inputs().get("Thing").fields();
        assertThat(fields.keySet(), contains("size", "kind", "names", "old", "any", "more"));
        assertThat(fields.get("size").type(), is(new FilterContract.TypeRef("Int", false, false, false, "25")));
        assertThat(fields.get("kind").type(), is(new FilterContract.TypeRef("Kind", false, true, false, "BIG")));
        assertThat(fields.get("names").type().defaultValue(), is("[\"a\", \"bé\"]"));
        assertThat(fields.get("names").defaultJson(), is(json("['a','bé']")));
        assertThat(fields.get("old").deprecation(), is("gone"));
        assertThat(fields.get("size").deprecation(), nullValue());
        assertThat(read.enums().get("Kind").values(), contains("SMALL", "BIG", "HUGE"));
        assertThat(read.enums().get("Kind").deprecations(), is(Map.of("BIG", "No longer supported")));
        assertThat(read.scalars(), contains("Any"));
    }

    @Test
    void defaultsApplyToAbsentFields() {
        FilterContract contract = FilterContract.read(SCHEMA);
        assertThat(contract.parse("Thing", json("{'old':1}"), "t").toJson(),
                is(json("{'old':1.0,'size':25,'kind':'BIG','names':['a','bé']}")));
        assertThat("an explicit null is absent too", contract.parse("Thing", json("{'size':null}"), "t").integer("size"),
                is(25));
        assertThat(new InputObject.Builder(contract, "Thing").put("kind", "SMALL").build().string("kind"),
                is("SMALL"));
    }

    @Test
    void aBadDefaultIsTheContractsFault() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> FilterContract.read("input A { n: Int = \"x\" }"));
        assertThat(e.getMessage(), is("bad default: A.n must be an Int, got \"x\""));
    }

    @Test
    void anUndefinedTypeIsTheContractsFault() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> FilterContract.read("input A { b: B }"));
        assertThat(e.getMessage(), is("A.b refers to undefined type B"));
    }

    @Test
    void errorsNameSourceLineAndColumn() {
        IllegalArgumentException nested = assertThrows(IllegalArgumentException.class,
                () -> SdlReader.read(Map.of("a.graphql", "input A {\n  grid: [[Int]]\n}")));
        assertThat(nested.getMessage(), is("a.graphql:2:10: a list of lists is not supported (at '[')"));
        IllegalArgumentException syntax = assertThrows(IllegalArgumentException.class,
                () -> SdlReader.read(Map.of("b.graphql", "input A { n Int }")));
        assertThat(syntax.getMessage(), is("b.graphql:1:13: expected ':' (at 'Int')"));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> SdlReader.read(Map.of("c.graphql", "input A { n: Int n: Int }")));
        assertThat(twice.getMessage(), is("c.graphql:1:18: field A.n is defined twice (at 'n')"));
    }

    @Test
    void anExtensionMayComeBeforeItsTypeInAnotherSource() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("a.graphql", "extend input A { late: Int }");
        sources.put("b.graphql", "input A { early: Int }");
        assertThat(SdlReader.read(sources).inputs().get("A").fields().keySet(), contains("early", "late"));
        IllegalArgumentException orphan = assertThrows(IllegalArgumentException.class,
                () -> SdlReader.read(Map.of("a.graphql", "extend enum E { X }")));
        assertThat(orphan.getMessage(), is("a.graphql:1:13: extension of undefined type E (at 'E')"));
    }
}
