package dev.larder.model.query;

import static dev.larder.model.query.Json.json;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FilterContractParseTest {

    private static final FilterContract CONTRACT = FilterContract.standard();

    static Stream<Arguments> goodBodies() {
        return Stream.of(
                // what it shows, type, body, the value as JSON
                Arguments.of("empty", "SceneFilterType", "{}", "{}"),
                Arguments.of("find filter", "FindFilterType",
                        "{'q':'x','page':2,'per_page':-1,'sort':'title','direction':'DESC'}",
                        "{'q':'x','page':2,'per_page':-1,'sort':'title','direction':'DESC'}"),
                Arguments.of("null is absent", "SceneFilterType", "{'title':null,'organized':true,'AND':null}",
                        "{'organized':true}"),
                Arguments.of("single value for a list", "SceneFilterType",
                        "{'tags':{'value':'5','modifier':'INCLUDES'},'orientation':{'value':'PORTRAIT'}}",
                        "{'tags':{'value':['5'],'modifier':'INCLUDES'},'orientation':{'value':['PORTRAIT']}}"),
                Arguments.of("ID from a number", "SceneFilterType",
                        "{'performers':{'value':[12,'13'],'modifier':'INCLUDES','excludes':7}}",
                        "{'performers':{'value':['12','13'],'modifier':'INCLUDES','excludes':['7']}}"),
                Arguments.of("Float from an Int", "PerformerFilterType",
                        "{'penis_length':{'value':5,'value2':7.5,'modifier':'BETWEEN'}}",
                        "{'penis_length':{'value':5.0,'value2':7.5,'modifier':'BETWEEN'}}"),
                Arguments.of("Int at its bounds", "SceneFilterType",
                        "{'rating100':{'value':-2147483648,'value2':2147483647,'modifier':'BETWEEN'}}",
                        "{'rating100':{'value':-2147483648,'value2':2147483647,'modifier':'BETWEEN'}}"),
                Arguments.of("AND / OR / NOT nested", "SceneFilterType",
                        "{'AND':{'OR':{'NOT':{'organized':false}},'title':{'value':'a','modifier':'EQUALS'}}}",
                        "{'AND':{'OR':{'NOT':{'organized':false}},'title':{'value':'a','modifier':'EQUALS'}}}"),
                Arguments.of("performers_filter nested", "SceneFilterType",
                        "{'performers_filter':{'gender':{'value_list':['FEMALE','NON_BINARY'],'modifier':'INCLUDES'},"
                                + "'tags':{'value':['1'],'modifier':'INCLUDES_ALL','depth':-1},"
                                + "'scenes_filter':{'resolution':{'value':'FULL_HD','modifier':'GREATER_THAN'}}}}",
                        "{'performers_filter':{'gender':{'value_list':['FEMALE','NON_BINARY'],'modifier':'INCLUDES'},"
                                + "'tags':{'value':['1'],'modifier':'INCLUDES_ALL','depth':-1},"
                                + "'scenes_filter':{'resolution':{'value':'FULL_HD','modifier':'GREATER_THAN'}}}}"),
                Arguments.of("Any values", "PerformerFilterType",
                        "{'custom_fields':[{'field':'x','value':[1,'a',true,{'k':[2,null]}],'modifier':'EQUALS'}]}",
                        "{'custom_fields':[{'field':'x','value':[1,'a',true,{'k':[2,null]}],'modifier':'EQUALS'}]}"),
                Arguments.of("deprecated fields parse", "SceneFilterType",
                        "{'movies':{'value':['1'],'modifier':'INCLUDES'},'phash':{'value':'ab','modifier':'EQUALS'}}",
                        "{'movies':{'value':['1'],'modifier':'INCLUDES'},'phash':{'value':'ab','modifier':'EQUALS'}}"),
                Arguments.of("files through galleries", "GalleryFilterType",
                        "{'files_filter':{'hashes':[{'type':'phash','value':'ab','distance':4}],"
                                + "'video_file_filter':{'interactive':true}}}",
                        "{'files_filter':{'hashes':[{'type':'phash','value':'ab','distance':4}],"
                                + "'video_file_filter':{'interactive':true}}}"),
                Arguments.of("marker filter", "SceneMarkerFilterType",
                        "{'scene_filter':{'studios':{'value':['3'],'modifier':'EXCLUDES'}},"
                                + "'duration':{'value':1.5,'modifier':'LESS_THAN'}}",
                        "{'scene_filter':{'studios':{'value':['3'],'modifier':'EXCLUDES'}},"
                                + "'duration':{'value':1.5,'modifier':'LESS_THAN'}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodBodies")
    void aGoodBodyParses(String what, String type, String body, String expected) {
        InputObject parsed = CONTRACT.parse(type, json(body), "f");
        assertThat(parsed.type(), is(type));
        assertThat(parsed.toJson(), is(json(expected)));
        assertThat("its JSON reads back to the same value", CONTRACT.parse(type, parsed.toJson(), "f"), is(parsed));
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                // type, body, path of the error, message
                Arguments.of("SceneFilterType", "{'tagz':{}}", "scene_filter.tagz",
                        "unknown field scene_filter.tagz; did you mean tags?"),
                Arguments.of("SceneFilterType", "{'rating':{}}", "scene_filter.rating",
                        "unknown field scene_filter.rating; did you mean rating100?"),
                Arguments.of("SceneFilterType", "{'colour_grade':1}", "scene_filter.colour_grade",
                        "unknown field scene_filter.colour_grade (SceneFilterType has no such field)"),
                Arguments.of("SceneFilterType", "{'performers_filter':{'tags':{'value':[],'modifer':'INCLUDES'}}}",
                        "scene_filter.performers_filter.tags.modifer",
                        "unknown field scene_filter.performers_filter.tags.modifer; did you mean modifier?"),
                Arguments.of("SceneFilterType", "{'rating100':{'value':'high','modifier':'EQUALS'}}",
                        "scene_filter.rating100.value", "scene_filter.rating100.value must be an Int, got \"high\""),
                Arguments.of("SceneFilterType", "{'rating100':{'value':2.5,'modifier':'EQUALS'}}",
                        "scene_filter.rating100.value", "scene_filter.rating100.value must be an Int, got 2.5"),
                Arguments.of("SceneFilterType", "{'rating100':{'value':3000000000,'modifier':'EQUALS'}}",
                        "scene_filter.rating100.value", "scene_filter.rating100.value must be an Int between "
                                + "-2147483648 and 2147483647, got 3000000000"),
                Arguments.of("SceneFilterType", "{'tags':{'value':['1','2',true],'modifier':'INCLUDES'}}",
                        "scene_filter.tags.value[2]",
                        "scene_filter.tags.value[2] must be an ID (a string or an integer), got true"),
                Arguments.of("SceneFilterType", "{'tags':{'value':[1.5],'modifier':'INCLUDES'}}",
                        "scene_filter.tags.value[0]",
                        "scene_filter.tags.value[0] must be an ID (a string or an integer), got 1.5"),
                Arguments.of("SceneFilterType", "{'tags':{'value':['1',null],'modifier':'INCLUDES'}}",
                        "scene_filter.tags.value[1]", "scene_filter.tags.value[1] must not be null"),
                Arguments.of("SceneFilterType", "{'tags':{'value':['1']}}", "scene_filter.tags.modifier",
                        "scene_filter.tags.modifier is required"),
                Arguments.of("SceneFilterType", "{'tags':{'value':['1'],'modifier':null}}",
                        "scene_filter.tags.modifier", "scene_filter.tags.modifier is required"),
                Arguments.of("SceneFilterType", "{'orientation':{'value':null}}", "scene_filter.orientation.value",
                        "scene_filter.orientation.value is required"),
                Arguments.of("SceneFilterType", "{'resolution':{'value':'ULTRA','modifier':'EQUALS'}}",
                        "scene_filter.resolution.value", "scene_filter.resolution.value must be one of VERY_LOW, "
                                + "LOW, R360P, STANDARD, WEB_HD, STANDARD_HD, FULL_HD, QUAD_HD, VR_HD, FOUR_K, "
                                + "FIVE_K, SIX_K, SEVEN_K, EIGHT_K, HUGE (ResolutionEnum), got \"ULTRA\""),
                Arguments.of("SceneFilterType", "{'title':{'value':'a','modifier':1}}",
                        "scene_filter.title.modifier", "scene_filter.title.modifier must be one of EQUALS, "
                                + "NOT_EQUALS, GREATER_THAN, LESS_THAN, IS_NULL, NOT_NULL, INCLUDES_ALL, INCLUDES, "
                                + "EXCLUDES, MATCHES_REGEX, NOT_MATCHES_REGEX, BETWEEN, NOT_BETWEEN "
                                + "(CriterionModifier), got 1"),
                Arguments.of("SceneFilterType", "{'tags':['1']}", "scene_filter.tags",
                        "scene_filter.tags must be an object (HierarchicalMultiCriterionInput), got [\"1\"]"),
                Arguments.of("SceneFilterType", "[]", "scene_filter",
                        "scene_filter must be an object (SceneFilterType), got []"),
                Arguments.of("SceneFilterType", "{'organized':'true'}", "scene_filter.organized",
                        "scene_filter.organized must be a Boolean, got \"true\""),
                Arguments.of("SceneFilterType", "{'AND':{'NOT':{'title':{'value':5,'modifier':'EQUALS'}}}}",
                        "scene_filter.AND.NOT.title.value", "scene_filter.AND.NOT.title.value must be a String, got 5"),
                Arguments.of("SceneFilterType", "{'performers_filter':{'custom_fields':[{'modifier':'EQUALS'}]}}",
                        "scene_filter.performers_filter.custom_fields[0].field",
                        "scene_filter.performers_filter.custom_fields[0].field is required"),
                Arguments.of("PerformerFilterType", "{'penis_length':{'value':'long','modifier':'EQUALS'}}",
                        "scene_filter.penis_length.value", "scene_filter.penis_length.value must be a Float, "
                                + "got \"long\""));
    }

    @ParameterizedTest(name = "{1} -> {3}")
    @MethodSource("badBodies")
    void aBadBodySaysWhereAndWhat(String type, String body, String path, String message) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> CONTRACT.parse(type, json(body), "scene_filter"));
        assertThat(e.path(), is(path));
        assertThat(e.getMessage(), is(message));
    }

    @Test
    void withoutAPrefixPathsStartAtTheField() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> CONTRACT.parse("FindFilterType", json("{'page':'x'}"), ""));
        assertThat(e.path(), is("page"));
        assertThat(e.getMessage(), is("page must be an Int, got \"x\""));
        InvalidInputException whole = assertThrows(InvalidInputException.class,
                () -> CONTRACT.parse("FindFilterType", null, null));
        assertThat(whole.path(), is(""));
        assertThat(whole.getMessage(), is("the value must be an object (FindFilterType), got nothing"));
    }

    @Test
    void aLongValueIsShortenedInTheMessage() {
        String longText = "x".repeat(500);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> CONTRACT.parse("FindFilterType", json("{'page':'" + longText + "'}"), "filter"));
        assertThat(e.getMessage().length() < 200, is(true));
    }

    @Test
    void anUnknownInputTypeIsTheCallersMistake() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CONTRACT.parse("SceneType", json("{}"), "x"));
        assertThat(e instanceof InvalidInputException, is(false));
        assertThat(e.getMessage(), is("SceneType is not an input type of the contract"));
    }

    @Test
    void theContractDescribesItsTypes() {
        assertThat(CONTRACT.inputTypes(), hasItems("FindFilterType", "SceneFilterType", "PerformerFilterType",
                "StudioFilterType", "TagFilterType", "GroupFilterType", "GalleryFilterType", "ImageFilterType",
                "SceneMarkerFilterType", "MovieFilterType", "FileFilterType", "FolderFilterType",
                "VideoFileFilterInput", "ImageFileFilterInput", "FingerprintFilterInput"));
        assertThat(CONTRACT.fields("MultiCriterionInput").keySet(), contains("value", "modifier", "excludes"));
        assertThat(CONTRACT.fields("MultiCriterionInput").get("value"),
                is(new FilterContract.TypeRef("ID", true, false, true, null)));
        assertThat(CONTRACT.fields("OrientationCriterionInput").get("value").sdl(), is("[OrientationEnum!]!"));
        assertThat(CONTRACT.fields("SceneFilterType").get("organized").sdl(), is("Boolean"));
        assertThat(CONTRACT.enumValues("SortDirectionEnum"), is(List.of("ASC", "DESC")));
        assertThat(CONTRACT.fields("SceneMarkerFilterType").get("AND"), nullValue());
        assertThrows(IllegalArgumentException.class, () -> CONTRACT.fields("Nope"));
        assertThrows(IllegalArgumentException.class, () -> CONTRACT.enumValues("SceneFilterType"));
        assertThrows(UnsupportedOperationException.class, () -> CONTRACT.inputTypes().remove("FindFilterType"));
    }

    @Test
    void fieldsKeepTheOrderGiven() {
        InputObject parsed = CONTRACT.parse("FindFilterType", json("{'sort':'date','q':'a','page':1}"), "filter");
        assertThat(parsed.fields().keySet(), contains("sort", "q", "page"));
    }
}
