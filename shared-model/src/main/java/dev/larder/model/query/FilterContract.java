package dev.larder.model.query;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Larder's query contract: the GraphQL input types of {@code filters.graphql} (Stash's own filter types, field for
 * field) and the parser that turns a client's JSON into validated {@link InputObject}s. The contract is only data;
 * which fields Larder evaluates is the query compiler's business. Immutable and thread-safe.
 */
public final class FilterContract {

    /** The contract's resource, beside this class. */
    static final String RESOURCE = "filters.graphql";
    private static final Set<String> BUILT_IN_SCALARS = Set.of("Int", "Float", "String", "Boolean", "ID");

    private final Definitions definitions;
    private final Map<String, Map<String, TypeRef>> typeRefs = new LinkedHashMap<>();
    private final Coercion coercion;

    private FilterContract(Definitions definitions) {
        this.definitions = definitions;
        definitions.inputs().values().forEach(input -> {
            Map<String, TypeRef> refs = new LinkedHashMap<>();
            input.fields().values().forEach(field -> {
                if (!isNamedType(field.type().name())) {
                    throw new IllegalStateException(input.name() + "." + field.name()
                            + " refers to undefined type " + field.type().name());
                }
                refs.put(field.name(), field.type());
            });
            typeRefs.put(input.name(), Collections.unmodifiableMap(refs));
        });
        this.coercion = new Coercion(this);
        checkDefaults();
    }

    /**
     * The contract Larder serves, read from {@code filters.graphql} on first use.
     *
     * @return the one instance
     * @throws IllegalStateException (wrapped in an {@link ExceptionInInitializerError}) if the resource is missing
     *                               or does not read as a consistent contract, which a build would have caught
     */
    public static FilterContract standard() {
        return Standard.CONTRACT;
    }

    /** Holder idiom: the JVM's class initialisation makes the one read lazy and thread-safe. */
    private static final class Standard {
        static final FilterContract CONTRACT = read(resourceText());

        private static String resourceText() {
            try (InputStream in = FilterContract.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + RESOURCE + " is missing beside FilterContract");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * A contract from SDL text other than the standard one, for tests.
     *
     * @param sdl GraphQL SDL; only its input, enum and scalar definitions count
     * @return the contract
     * @throws IllegalArgumentException on a syntax error
     * @throws IllegalStateException    when a field refers to a type the text does not define, or a default value
     *                                  does not fit its field
     */
    static FilterContract read(String sdl) {
        return new FilterContract(SdlReader.read(Map.of(RESOURCE, sdl)));
    }

    /**
     * Validates a JSON value as an input object of the given type and converts it: see {@link InputObject} for the
     * Java form of each GraphQL type. Follows GraphQL's input coercion: a single value given for a list becomes a
     * one-element list, an {@code ID} may be given as an integer, an absent field takes its default. An explicit
     * {@code null} for a nullable field counts as absent (Stash's resolvers see a nil either way). Stops at the
     * first problem.
     *
     * @param inputType an input type of this contract, such as {@code "SceneFilterType"}
     * @param json      the value; a JSON object
     * @param path      the prefix of error paths, such as {@code "scene_filter"}; null or empty for none
     * @return the validated value
     * @throws InvalidInputException    when the value does not fit, naming where (null or not an object included)
     * @throws IllegalArgumentException when {@code inputType} is not an input type of this contract
     */
    public InputObject parse(String inputType, JsonNode json, String path) {
        return coercion.object(input(inputType), json, path == null ? "" : path);
    }

    /**
     * The names of the contract's input object types.
     *
     * @return in definition order; unmodifiable
     */
    public Set<String> inputTypes() {
        return Collections.unmodifiableSet(typeRefs.keySet());
    }

    /**
     * The fields of an input type, every one Stash defines whether or not Larder evaluates it.
     *
     * @param inputType an input type of this contract
     * @return field name to type, in definition order; unmodifiable
     * @throws IllegalArgumentException when the type is not an input type of this contract
     */
    public Map<String, TypeRef> fields(String inputType) {
        input(inputType);
        return typeRefs.get(inputType);
    }

    /**
     * The values of an enum type.
     *
     * @param enumType an enum of this contract, such as {@code "CriterionModifier"}
     * @return its constant names in definition order; unmodifiable
     * @throws IllegalArgumentException when the type is not an enum of this contract
     */
    public List<String> enumValues(String enumType) {
        return enumType(enumType).values();
    }

    /**
     * The type of a field: a named type, or a list of one, with GraphQL's non-null markers and default.
     *
     * @param name         the named type (of the items, for a list): a scalar, enum or input object type
     * @param list         whether the field is a list
     * @param nonNull      whether the field itself is non-null ({@code !} after the type or the list)
     * @param itemNonNull  whether a list's items are non-null ({@code [X!]}); false when not a list
     * @param defaultValue the default value as GraphQL text ({@code 25}, {@code "x"}, {@code ASC}), null for none
     */
    public record TypeRef(String name, boolean list, boolean nonNull, boolean itemNonNull, String defaultValue) {

        /**
         * @throws NullPointerException     when name is null
         * @throws IllegalArgumentException when itemNonNull is set on a non-list
         */
        public TypeRef {
            Objects.requireNonNull(name, "name");
            if (itemNonNull && !list) {
                throw new IllegalArgumentException("itemNonNull needs a list");
            }
        }

        /**
         * The type as SDL writes it, without the default.
         *
         * @return for example {@code [ID!]} or {@code CriterionModifier!}
         */
        public String sdl() {
            String named = list ? "[" + name + (itemNonNull ? "!" : "") + "]" : name;
            return nonNull ? named + "!" : named;
        }
    }

    Definitions definitions() {
        return definitions;
    }

    Definitions.Input input(String inputType) {
        Definitions.Input input = definitions.inputs().get(inputType);
        if (input == null) {
            throw new IllegalArgumentException(inputType + " is not an input type of the contract");
        }
        return input;
    }

    Definitions.EnumType enumType(String enumType) {
        Definitions.EnumType type = definitions.enums().get(enumType);
        if (type == null) {
            throw new IllegalArgumentException(enumType + " is not an enum of the contract");
        }
        return type;
    }

    boolean isInput(String name) {
        return definitions.inputs().containsKey(name);
    }

    boolean isEnum(String name) {
        return definitions.enums().containsKey(name);
    }

    Coercion coercion() {
        return coercion;
    }

    private boolean isNamedType(String name) {
        return BUILT_IN_SCALARS.contains(name) || definitions.scalars().contains(name) || isInput(name)
                || isEnum(name);
    }

    private void checkDefaults() {
        definitions.inputs().values().forEach(input -> input.fields().values().forEach(field -> {
            if (field.defaultJson() != null && !field.defaultJson().isNull()) {
                try {
                    coercion.value(field.type(), field.defaultJson(), input.name() + "." + field.name());
                } catch (InvalidInputException e) {
                    throw new IllegalStateException("bad default: " + e.getMessage(), e);
                }
            }
        }));
    }
}
