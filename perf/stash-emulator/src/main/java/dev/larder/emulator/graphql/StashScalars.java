package dev.larder.emulator.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Stash's custom scalars, with gqlgen's behaviour where Larder can observe it: {@code Time} is RFC3339 text
 * (the library keeps Stash's own text, offset included), {@code Int64} a JSON number, and the map-like scalars
 * plain JSON objects.
 */
final class StashScalars {

    private StashScalars() {
    }

    static List<GraphQLScalarType> all() {
        return List.of(
                scalar("Time", "An RFC3339 timestamp", new TimeCoercing(false)),
                scalar("Timestamp", "A point in time, RFC3339 or relative like <4h", new TimeCoercing(true)),
                scalar("Map", "A String -> Any map", new MapCoercing()),
                scalar("BoolMap", "A String -> Boolean map", new MapCoercing()),
                scalar("PluginConfigMap", "A plugin ID -> Map map", new MapCoercing()),
                scalar("Int64", "A 64-bit integer", new Int64Coercing()));
    }

    private static GraphQLScalarType scalar(String name, String description, Coercing<?, ?> coercing) {
        return GraphQLScalarType.newScalar().name(name).description(description).coercing(coercing).build();
    }

    /** Times are kept as Stash's own RFC3339 text; input is checked to be RFC3339 (or relative, for Timestamp). */
    private record TimeCoercing(boolean relativeAllowed) implements Coercing<Object, String> {

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            if (value instanceof String s) {
                return s;
            }
            if (value instanceof OffsetDateTime t) {
                return t.toString();
            }
            throw new CoercingSerializeException("not a time: " + value);
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            if (input instanceof String s) {
                return check(s, CoercingParseValueException::new);
            }
            throw new CoercingParseValueException("time must be a string, got " + input);
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (input instanceof StringValue s) {
                return check(s.getValue(), CoercingParseLiteralException::new);
            }
            throw new CoercingParseLiteralException("time must be a string");
        }

        private <E extends RuntimeException> String check(String s, java.util.function.Function<String, E> error) {
            if (relativeAllowed && (s.startsWith("<") || s.startsWith(">"))) {
                return s;
            }
            try {
                OffsetDateTime.parse(s);
                return s;
            } catch (DateTimeParseException e) {
                throw error.apply("invalid time " + s + ": " + e.getMessage());
            }
        }
    }

    private static final class Int64Coercing implements Coercing<Object, Long> {

        @Override
        public Long serialize(Object value, GraphQLContext context, Locale locale) {
            if (value instanceof Number n) {
                return n.longValue();
            }
            throw new CoercingSerializeException("not an Int64: " + value);
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            if (input instanceof Number n) {
                return n.longValue();
            }
            if (input instanceof String s) {
                try {
                    return Long.parseLong(s);
                } catch (NumberFormatException e) {
                    throw new CoercingParseValueException("not an Int64: " + s);
                }
            }
            throw new CoercingParseValueException("not an Int64: " + input);
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (input instanceof IntValue i) {
                return i.getValue().longValueExact();
            }
            throw new CoercingParseLiteralException("not an Int64");
        }
    }

    /** JSON objects as they are. */
    private static final class MapCoercing implements Coercing<Object, Object> {

        @Override
        public Object serialize(Object value, GraphQLContext context, Locale locale) {
            return value;
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            if (!(input instanceof Map)) {
                throw new CoercingParseValueException("expected a map, got " + input);
            }
            return input;
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (!(input instanceof ObjectValue)) {
                throw new CoercingParseLiteralException("expected a map");
            }
            return literal(input, variables);
        }

        private static Object literal(Value<?> value, CoercedVariables variables) {
            return switch (value) {
                case NullValue n -> null;
                case StringValue s -> s.getValue();
                case BooleanValue b -> b.isValue();
                case IntValue i -> i.getValue().longValueExact();
                case FloatValue f -> f.getValue().doubleValue();
                case EnumValue e -> e.getName();
                case VariableReference v -> variables.get(v.getName());
                case ArrayValue a -> a.getValues().stream().map(v -> literal(v, variables)).toList();
                case ObjectValue o -> {
                    Map<String, Object> map = new LinkedHashMap<>();
                    o.getObjectFields().forEach(f -> map.put(f.getName(), literal(f.getValue(), variables)));
                    yield map;
                }
                default -> throw new CoercingParseLiteralException("unsupported literal " + value);
            };
        }
    }
}
