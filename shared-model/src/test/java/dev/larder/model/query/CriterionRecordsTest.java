package dev.larder.model.query;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CriterionRecordsTest {

    static Stream<Arguments> records() {
        return Stream.of(
                // the record, its input type, how it is read back
                view(new IntCriterion(1, 5, CriterionModifier.BETWEEN), "IntCriterionInput", IntCriterion::from),
                view(IntCriterion.lessThan(3), "IntCriterionInput", IntCriterion::from),
                view(new FloatCriterion(1.5, null, CriterionModifier.GREATER_THAN), "FloatCriterionInput",
                        FloatCriterion::from),
                view(StringCriterion.includes("a"), "StringCriterionInput", StringCriterion::from),
                view(new MultiCriterion(List.of("1"), CriterionModifier.INCLUDES, List.of("2")),
                        "MultiCriterionInput", MultiCriterion::from),
                view(new MultiCriterion(null, CriterionModifier.IS_NULL, null), "MultiCriterionInput",
                        MultiCriterion::from),
                view(new HierarchicalMultiCriterion(List.of("1"), CriterionModifier.INCLUDES_ALL, 2, List.of("3")),
                        "HierarchicalMultiCriterionInput", HierarchicalMultiCriterion::from),
                view(new DateCriterion("2024-01-01", "2024-12-31", CriterionModifier.BETWEEN), "DateCriterionInput",
                        DateCriterion::from),
                view(new TimestampCriterion("2024-01-01T00:00:00Z", null, CriterionModifier.GREATER_THAN),
                        "TimestampCriterionInput", TimestampCriterion::from),
                view(new ResolutionCriterion(Resolution.FULL_HD, CriterionModifier.EQUALS),
                        "ResolutionCriterionInput", ResolutionCriterion::from),
                view(OrientationCriterion.of(Orientation.LANDSCAPE, Orientation.SQUARE), "OrientationCriterionInput",
                        OrientationCriterion::from),
                view(new GenderCriterion(Gender.MALE, List.of(Gender.FEMALE, Gender.INTERSEX),
                        CriterionModifier.INCLUDES), "GenderCriterionInput", GenderCriterion::from),
                view(new CircumcisionCriterion(List.of(Circumcised.CUT), CriterionModifier.EXCLUDES),
                        "CircumcisionCriterionInput", CircumcisionCriterion::from),
                view(new PhashDistanceCriterion("ab12", CriterionModifier.EQUALS, 4), "PhashDistanceCriterionInput",
                        PhashDistanceCriterion::from),
                view(new PHashDuplicationCriterion(true, null), "PHashDuplicationCriterionInput",
                        PHashDuplicationCriterion::from),
                view(new StashIdCriterion("https://stashdb.org/graphql", "abc", CriterionModifier.EQUALS),
                        "StashIDCriterionInput", StashIdCriterion::from),
                view(new CustomFieldCriterion("eyes", List.of("blue", 3, Map.of("k", true)),
                        CriterionModifier.EQUALS), "CustomFieldCriterionInput", CustomFieldCriterion::from),
                view(new FindFilter("q", 2, 40, "title", SortDirection.DESC), "FindFilterType", FindFilter::from),
                view(new FindFilter(null, null, null, null, null), "FindFilterType", FindFilter::from));
    }

    private static Arguments view(InputView record, String inputType, Function<InputObject, InputView> from) {
        return Arguments.of(record, inputType, from);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void aRecordRoundTripsThroughItsInput(InputView record, String inputType, Function<InputObject, InputView> from) {
        InputObject input = record.toInput();
        assertThat(input.type(), is(inputType));
        assertThat(from.apply(input), is(record));
        assertThat("and through its JSON", from.apply(FilterContract.standard().parse(inputType, input.toJson(), "")),
                is(record));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void aRecordIsReadOnlyFromItsOwnType(InputView record, String inputType, Function<InputObject, InputView> from) {
        InputObject other = inputType.equals("FindFilterType") ? IntCriterion.equalTo(1).toInput()
                : new FindFilter(null, 1, null, null, null).toInput();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> from.apply(other));
        assertThat(e.getMessage(), is("a " + record.getClass().getSimpleName() + " is read from a " + inputType
                + ", not a " + other.type()));
    }

    @Test
    void componentsAreTheFieldsInCamelCase() {
        assertThat(new GenderCriterion(null, List.of(Gender.FEMALE), CriterionModifier.INCLUDES).toInput().toString(),
                is("{\"value_list\":[\"FEMALE\"],\"modifier\":\"INCLUDES\"}"));
        assertThat(new StashIdCriterion(null, "x", CriterionModifier.EQUALS).toInput().toString(),
                is("{\"stash_id\":\"x\",\"modifier\":\"EQUALS\"}"));
        assertThat(FindFilter.page(2, 50).sorted("date", SortDirection.ASC).toInput().toString(),
                is("{\"page\":2,\"per_page\":50,\"sort\":\"date\",\"direction\":\"ASC\"}"));
    }

    @Test
    void factoriesSayWhatTheyBuild() {
        assertThat(IntCriterion.between(1, 9), is(new IntCriterion(1, 9, CriterionModifier.BETWEEN)));
        assertThat(IntCriterion.equalTo(4).modifier(), is(CriterionModifier.EQUALS));
        assertThat(FloatCriterion.between(1, 2), is(new FloatCriterion(1, 2.0, CriterionModifier.BETWEEN)));
        assertThat(StringCriterion.equalTo("a"), is(new StringCriterion("a", CriterionModifier.EQUALS)));
        assertThat(MultiCriterion.excludes("1").toInput().toString(),
                is("{\"value\":[\"1\"],\"modifier\":\"EXCLUDES\"}"));
        assertThat(MultiCriterion.includesAll("1", "2").modifier(), is(CriterionModifier.INCLUDES_ALL));
        assertThat(HierarchicalMultiCriterion.includes("5").withDepth(-1).toInput().toString(),
                is("{\"value\":[\"5\"],\"modifier\":\"INCLUDES\",\"depth\":-1}"));
        assertThat(HierarchicalMultiCriterion.excludes("5").depth(), is((Integer) null));
    }

    @Test
    void recordsCheckTheirRequiredPartsAndCopyTheirLists() {
        assertThrows(NullPointerException.class, () -> new IntCriterion(1, null, null));
        assertThrows(NullPointerException.class, () -> new StringCriterion(null, CriterionModifier.EQUALS));
        assertThrows(NullPointerException.class, () -> new OrientationCriterion(null));
        List<String> ids = new ArrayList<>(List.of("1"));
        MultiCriterion criterion = new MultiCriterion(ids, CriterionModifier.INCLUDES, null);
        ids.add("2");
        assertThat(criterion.value(), is(List.of("1")));
        assertThrows(UnsupportedOperationException.class, () -> criterion.value().add("3"));
    }

    @Test
    void javaEnumsAreTheContractsEnums() {
        FilterContract contract = FilterContract.standard();
        Map<Class<? extends Enum<?>>, String> enums = Map.of(CriterionModifier.class, "CriterionModifier",
                SortDirection.class, "SortDirectionEnum", Resolution.class, "ResolutionEnum",
                Orientation.class, "OrientationEnum", Gender.class, "GenderEnum", Circumcised.class, "CircumisedEnum");
        enums.forEach((type, graphql) -> assertThat(type.getSimpleName(),
                Arrays.stream(type.getEnumConstants()).map(Enum::name).toList(), is(contract.enumValues(graphql))));
    }

    @Test
    void resolutionsTileThePixelRangeAsStashsDo() {
        Resolution previous = null;
        for (Resolution r : Resolution.values()) {
            assertThat(r.name(), r.minResolution(), lessThanOrEqualTo(r.maxResolution()));
            // VR_HD, deprecated, is the one class that overlaps the others: it lies inside FOUR_K
            if (r == Resolution.VR_HD) {
                continue;
            }
            if (previous != null) {
                assertThat(r.name(), r.minResolution(), is(previous.maxResolution() + 1));
            }
            previous = r;
        }
        assertThat(Resolution.VERY_LOW.minResolution(), is(144));
        assertThat(Resolution.FULL_HD.minResolution(), is(1080));
        assertThat(Resolution.FULL_HD.maxResolution(), is(1439));
        assertThat(Resolution.VR_HD.minResolution(), is(Resolution.FOUR_K.minResolution()));
        assertThat(Resolution.HUGE.maxResolution(), is(9999));
    }
}
