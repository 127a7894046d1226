package dev.larder.emulator.graphql;

import graphql.language.AstPrinter;
import graphql.language.InputValueDefinition;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedSchemaElement;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Whether one schema is a faithful part of another: every type of the part exists in the whole with the same kind;
 * every field, argument, input field, enum value, interface and union member of the part exists there with the same
 * type (nullability and list-ness included), default value and deprecation; enums have the same values; and what
 * the whole requires (non-null arguments and input fields without a default) the part requires too. A document
 * valid against such a part is then valid against the whole.
 */
final class SchemaSubset {

    private SchemaSubset() {
    }

    /**
     * Compares a part with the whole it claims to be taken from.
     *
     * @param part  the part (the emulator's schema)
     * @param whole the whole (Stash's)
     * @return one line per difference, naming where it is; empty when the part is faithful
     */
    static List<String> differences(GraphQLSchema part, GraphQLSchema whole) {
        List<String> out = new ArrayList<>();
        for (GraphQLNamedType ours : part.getAllTypesAsList()) {
            if (ours.getName().startsWith("__")) {
                continue;
            }
            GraphQLNamedType theirs = (GraphQLNamedType) whole.getType(ours.getName());
            if (theirs == null) {
                out.add(ours.getName() + ": no such type");
            } else if (ours.getClass() != theirs.getClass()) {
                out.add(ours.getName() + ": " + kind(ours) + " here, " + kind(theirs) + " in the whole");
            } else {
                compareType(ours, theirs, out);
            }
        }
        return out;
    }

    private static void compareType(GraphQLNamedType ours, GraphQLNamedType theirs, List<String> out) {
        String name = ours.getName();
        switch (ours) {
            case GraphQLFieldsContainer fields -> {
                compareFields(fields, (GraphQLFieldsContainer) theirs, out);
                if (ours instanceof GraphQLObjectType object) {
                    missing(name + " implements", names(object.getInterfaces()),
                            names(((GraphQLObjectType) theirs).getInterfaces()), out);
                }
            }
            case GraphQLInputObjectType input -> compareInputs(name, values(input.getFieldDefinitions()),
                    values(((GraphQLInputObjectType) theirs).getFieldDefinitions()), out);
            case GraphQLEnumType e -> {
                Set<String> ourValues = new TreeSet<>(names(e.getValues()));
                Set<String> theirValues = new TreeSet<>(names(((GraphQLEnumType) theirs).getValues()));
                if (!ourValues.equals(theirValues)) {
                    out.add(name + ": values " + ourValues + " here, " + theirValues + " in the whole");
                }
                Map<String, Boolean> deprecated = ((GraphQLEnumType) theirs).getValues().stream()
                        .collect(Collectors.toMap(GraphQLEnumValueDefinition::getName,
                                GraphQLEnumValueDefinition::isDeprecated));
                for (GraphQLEnumValueDefinition value : e.getValues()) {
                    if (deprecated.containsKey(value.getName())
                            && deprecated.get(value.getName()) != value.isDeprecated()) {
                        out.add(name + "." + value.getName() + ": deprecated " + value.isDeprecated() + " here, "
                                + deprecated.get(value.getName()) + " in the whole");
                    }
                }
            }
            case GraphQLUnionType union -> missing(name + " member", names(union.getTypes()),
                    names(((GraphQLUnionType) theirs).getTypes()), out);
            default -> {
                // scalars: the name and kind are all there is to compare
            }
        }
    }

    private static void compareFields(GraphQLFieldsContainer ours, GraphQLFieldsContainer theirs, List<String> out) {
        for (GraphQLFieldDefinition field : ours.getFieldDefinitions()) {
            String where = ours.getName() + "." + field.getName();
            GraphQLFieldDefinition other = theirs.getFieldDefinition(field.getName());
            if (other == null) {
                out.add(where + ": no such field");
                continue;
            }
            sameType(where, field.getType(), other.getType(), out);
            sameDeprecation(where, field.isDeprecated(), other.isDeprecated(), out);
            compareInputs(where, arguments(field.getArguments()), arguments(other.getArguments()), out);
        }
    }

    /** An argument or input field, reduced to what a document can observe. */
    private record InputValue(String name, GraphQLType type, String defaultValue, boolean deprecated) {

        boolean required() {
            return GraphQLTypeUtil.isNonNull(type) && defaultValue == null;
        }
    }

    private static void compareInputs(String where, Map<String, InputValue> ours, Map<String, InputValue> theirs,
                                      List<String> out) {
        for (InputValue value : ours.values()) {
            String at = where + "(" + value.name() + ")";
            InputValue other = theirs.get(value.name());
            if (other == null) {
                out.add(at + ": no such argument or input field");
                continue;
            }
            sameType(at, value.type(), other.type(), out);
            sameDeprecation(at, value.deprecated(), other.deprecated(), out);
            if (!Objects.equals(value.defaultValue(), other.defaultValue())) {
                out.add(at + ": default " + value.defaultValue() + " here, " + other.defaultValue() + " in the whole");
            }
        }
        for (InputValue other : theirs.values()) {
            if (other.required() && !ours.containsKey(other.name())) {
                out.add(where + "(" + other.name() + "): required in the whole, absent here");
            }
        }
    }

    private static Map<String, InputValue> arguments(List<GraphQLArgument> arguments) {
        return byName(arguments, a -> new InputValue(a.getName(), a.getType(), printed(a.getDefinition()),
                a.isDeprecated()));
    }

    private static Map<String, InputValue> values(List<GraphQLInputObjectField> fields) {
        return byName(fields, f -> new InputValue(f.getName(), f.getType(), printed(f.getDefinition()),
                f.isDeprecated()));
    }

    private static <T> Map<String, InputValue> byName(List<T> items, Function<T, InputValue> read) {
        return items.stream().map(read).collect(Collectors.toMap(InputValue::name, v -> v));
    }

    private static String printed(InputValueDefinition definition) {
        return definition.getDefaultValue() == null ? null : AstPrinter.printAst(definition.getDefaultValue());
    }

    private static void sameType(String where, GraphQLType ours, GraphQLType theirs, List<String> out) {
        String a = GraphQLTypeUtil.simplePrint(ours);
        String b = GraphQLTypeUtil.simplePrint(theirs);
        if (!a.equals(b)) {
            out.add(where + ": type " + a + " here, " + b + " in the whole");
        }
    }

    private static void sameDeprecation(String where, boolean ours, boolean theirs, List<String> out) {
        if (ours != theirs) {
            out.add(where + ": deprecated " + ours + " here, " + theirs + " in the whole");
        }
    }

    private static void missing(String what, List<String> ours, List<String> theirs, List<String> out) {
        for (String name : ours) {
            if (!theirs.contains(name)) {
                out.add(what + " " + name + ": not in the whole");
            }
        }
    }

    private static List<String> names(List<? extends GraphQLNamedSchemaElement> elements) {
        return elements.stream().map(GraphQLNamedSchemaElement::getName).toList();
    }

    private static String kind(GraphQLNamedType type) {
        return type.getClass().getSimpleName().replace("GraphQL", "");
    }
}
