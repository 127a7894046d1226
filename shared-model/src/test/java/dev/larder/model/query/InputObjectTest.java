package dev.larder.model.query;

import static dev.larder.model.query.Json.json;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class InputObjectTest {

    private static final FilterContract CONTRACT = FilterContract.standard();

    @Test
    void theBuilderMakesWhatTheParserMakes() {
        InputObject built = InputObject.builder("SceneFilterType")
                .put("rating100", IntCriterion.greaterThan(80))
                .put("tags", HierarchicalMultiCriterion.includesAll("1", "2").withDepth(-1))
                .put("organized", true)
                .put("performers", Map.of("value", 7, "modifier", CriterionModifier.INCLUDES))
                .build();
        assertThat(built, is(CONTRACT.parse("SceneFilterType", json("{'rating100':{'value':80,'modifier':"
                + "'GREATER_THAN'},'tags':{'value':['1','2'],'modifier':'INCLUDES_ALL','depth':-1},"
                + "'organized':true,'performers':{'value':['7'],'modifier':'INCLUDES'}}"), "")));
    }

    @Test
    void theBuilderTakesJavaEnumsLongsAndSingleValuesForLists() {
        InputObject find = InputObject.builder("FindFilterType").put("direction", SortDirection.DESC)
                .put("page", 3L).build();
        assertThat(find.string("direction"), is("DESC"));
        assertThat(find.integer("page"), is(3));
        InputObject multi = InputObject.builder("MultiCriterionInput").put("value", 5)
                .put("modifier", "EXCLUDES").build();
        assertThat(multi.list("value"), is(List.of("5")));
    }

    @Test
    void theBuilderValidatesEachPutAtOnce() {
        InputObject.Builder builder = InputObject.builder("SceneFilterType");
        InvalidInputException unknown = assertThrows(InvalidInputException.class, () -> builder.put("tagz", null));
        assertThat(unknown.path(), is("SceneFilterType.tagz"));
        assertThat(unknown.getMessage(), is("unknown field SceneFilterType.tagz; did you mean tags?"));
        InvalidInputException wrong = assertThrows(InvalidInputException.class, () -> builder.put("rating100", "high"));
        assertThat(wrong.getMessage(),
                is("SceneFilterType.rating100 must be an object (IntCriterionInput), got \"high\""));
        InvalidInputException deep = assertThrows(InvalidInputException.class,
                () -> builder.put("tags", Map.of("value", List.of("1", true), "modifier", "INCLUDES")));
        assertThat(deep.path(), is("SceneFilterType.tags.value[1]"));
        InvalidInputException range = assertThrows(InvalidInputException.class,
                () -> InputObject.builder("FindFilterType").put("page", 3_000_000_000L));
        assertThat(range.path(), is("FindFilterType.page"));
        InvalidInputException notAValue = assertThrows(InvalidInputException.class,
                () -> builder.put("date", new Object()));
        assertThat(notAValue.getMessage(), is("SceneFilterType.date: a java.lang.Object is no GraphQL input value"));
        assertThat("nothing was put by the failed calls", builder.build().fields(), is(Map.of()));
    }

    @Test
    void requiredFieldsAreCheckedByPutAndBuild() {
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> InputObject.builder("IntCriterionInput").put("value", 3).build());
        assertThat(missing.path(), is("IntCriterionInput.modifier"));
        assertThat(missing.getMessage(), is("IntCriterionInput.modifier is required"));
        InvalidInputException nulled = assertThrows(InvalidInputException.class,
                () -> InputObject.builder("IntCriterionInput").put("modifier", null));
        assertThat(nulled.getMessage(), is("IntCriterionInput.modifier is required"));
    }

    @Test
    void puttingNullRemovesANullableField() {
        InputObject find = InputObject.builder("FindFilterType").put("q", "a").put("page", 2).put("q", null).build();
        assertThat(find.fields().keySet(), contains("page"));
        assertThat(find.has("q"), is(false));
    }

    @Test
    void anUnknownTypeIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InputObject.builder("SceneFilter"));
        assertThat(e.getMessage(), is("SceneFilter is not an input type of the contract"));
    }

    @Test
    void typedGettersReadTheirKindAndRefuseOthers() {
        InputObject scene = CONTRACT.parse("SceneFilterType", json("{'organized':true,'has_markers':'true',"
                + "'rating100':{'value':5,'modifier':'EQUALS'},'tags':{'value':'1','modifier':'INCLUDES'}}"), "");
        assertThat(scene.bool("organized"), is(true));
        assertThat(scene.string("has_markers"), is("true"));
        assertThat(scene.object("rating100").integer("value"), is(5));
        assertThat(scene.object("tags").list("value"), is(List.of("1")));
        assertThat(scene.get("organized"), is(true));
        assertThat(scene.object("studios"), nullValue());
        assertThat(scene.has("studios"), is(false));
        IllegalArgumentException kind = assertThrows(IllegalArgumentException.class, () -> scene.string("organized"));
        assertThat(kind.getMessage(), is("SceneFilterType.organized is Boolean, not String"));
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class, () -> scene.has("tagz"));
        assertThat(typo.getMessage(), is("SceneFilterType has no field tagz"));
        InputObject length = CONTRACT.parse("FloatCriterionInput", json("{'value':3,'modifier':'EQUALS'}"), "");
        assertThat(length.number("value"), is(3.0));
    }

    @Test
    void valuesCannotBeChanged() {
        InputObject tags = CONTRACT.parse("MultiCriterionInput", json("{'value':['1'],'modifier':'INCLUDES'}"), "");
        assertThrows(UnsupportedOperationException.class, () -> tags.fields().put("excludes", List.of()));
        assertThrows(UnsupportedOperationException.class, () -> tags.list("value").add("2"));
        ((com.fasterxml.jackson.databind.node.ArrayNode) tags.toJson().get("value")).add("2");
        assertThat("toJson gives a copy", tags.list("value"), is(List.of("1")));
    }

    @Test
    void equalityIsTypeAndFieldsWhateverTheOrder() {
        InputObject a = CONTRACT.parse("DateCriterionInput", json("{'value':'2024-01-01','modifier':'EQUALS'}"), "");
        InputObject b = CONTRACT.parse("DateCriterionInput", json("{'modifier':'EQUALS','value':'2024-01-01'}"), "");
        InputObject other = CONTRACT.parse("TimestampCriterionInput",
                json("{'value':'2024-01-01','modifier':'EQUALS'}"), "");
        assertThat(a, is(b));
        assertThat(a.hashCode(), is(b.hashCode()));
        assertThat(a, is(not(other)));
        assertThat(a.toString(), is("{\"value\":\"2024-01-01\",\"modifier\":\"EQUALS\"}"));
    }
}
