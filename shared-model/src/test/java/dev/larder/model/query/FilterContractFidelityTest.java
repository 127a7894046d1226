package dev.larder.model.query;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Holds {@code filters.graphql} to Stash's real schema, read from {@code ../shared/stash-schema} beside the
 * checkout with the same reader: the same input types with the same fields, field types, defaults and deprecations,
 * the same enum values, and exactly the types that the filters Larder serves reach.
 */
class FilterContractFidelityTest {

    private static final List<String> SERVED = List.of("FindFilterType", "SceneFilterType", "PerformerFilterType",
            "StudioFilterType", "TagFilterType", "GroupFilterType", "GalleryFilterType", "ImageFilterType",
            "SceneMarkerFilterType");

    private static Definitions stash;
    private static final Definitions OURS = FilterContract.standard().definitions();

    @BeforeAll
    static void readStashsSchema() throws IOException {
        // surefire runs in the module's folder, so without larder.root the checkout is its parent
        Path root = Path.of(System.getProperty("larder.root", "..")).toAbsolutePath().normalize();
        Path schema = root.resolve("../shared/stash-schema").normalize();
        if (!Files.isDirectory(schema.resolve("types"))) {
            return;
        }
        Map<String, String> sources = new LinkedHashMap<>();
        try (Stream<Path> files = Stream.concat(Stream.of(schema.resolve("schema.graphql")),
                Files.list(schema.resolve("types")).sorted())) {
            files.filter(f -> f.toString().endsWith(".graphql") && Files.isRegularFile(f))
                    .forEach(f -> sources.put(schema.relativize(f).toString(), read(f)));
        }
        stash = SdlReader.read(sources);
    }

    /** Each test, not the class, is skipped, so that the reason shows in the reports. */
    @BeforeEach
    void needsStashsSchema() {
        Assumptions.assumeTrue(stash != null,
                "skipped: ../shared/stash-schema (Stash's real schema) is not beside the checkout");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyInputTypeIsStashsFieldForField() {
        List<String> differences = new ArrayList<>();
        OURS.inputs().forEach((name, ours) -> {
            Definitions.Input theirs = stash.inputs().get(name);
            if (theirs == null) {
                differences.add(name + " is not an input type of Stash's");
                return;
            }
            ours.fields().forEach((field, definition) -> {
                Definitions.Field stashs = theirs.fields().get(field);
                if (stashs == null) {
                    differences.add(name + "." + field + " is not in Stash's " + name);
                } else if (!stashs.equals(definition)) {
                    differences.add(name + "." + field + ": ours " + describe(definition) + ", Stash's "
                            + describe(stashs));
                }
            });
            theirs.fields().keySet().stream().filter(field -> !ours.fields().containsKey(field))
                    .forEach(field -> differences.add(name + "." + field + " is missing"));
        });
        assertThat(differences, is(empty()));
    }

    @Test
    void everyEnumHasStashsValues() {
        List<String> differences = new ArrayList<>();
        OURS.enums().forEach((name, ours) -> {
            Definitions.EnumType theirs = stash.enums().get(name);
            if (theirs == null) {
                differences.add(name + " is not an enum of Stash's");
            } else if (!theirs.equals(ours)) {
                differences.add(name + ": ours " + ours + ", Stash's " + theirs);
            }
        });
        assertThat(differences, is(empty()));
    }

    @Test
    void theContractHoldsExactlyTheTypesTheServedFiltersReach() {
        Set<String> reached = reachable(stash, SERVED);
        Set<String> ours = new LinkedHashSet<>();
        ours.addAll(OURS.inputs().keySet());
        ours.addAll(OURS.enums().keySet());
        ours.addAll(OURS.scalars());
        assertThat(new TreeSet<>(ours), is(new TreeSet<>(reached)));
    }

    /** The input, enum and custom scalar types reachable from some input types through their fields. */
    private static Set<String> reachable(Definitions schema, List<String> from) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(from);
        while (!pending.isEmpty()) {
            String type = pending.pop();
            boolean known = schema.inputs().containsKey(type) || schema.enums().containsKey(type)
                    || schema.scalars().contains(type);
            if (!known || !seen.add(type)) {
                continue;
            }
            Definitions.Input input = schema.inputs().get(type);
            if (input != null) {
                input.fields().values().forEach(field -> pending.add(field.type().name()));
            }
        }
        return seen;
    }

    private static String describe(Definitions.Field field) {
        return field.type().sdl() + (field.type().defaultValue() == null ? "" : " = " + field.type().defaultValue())
                + (field.deprecation() == null ? "" : " @deprecated(" + field.deprecation() + ")");
    }
}
