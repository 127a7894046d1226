package dev.larder.model.query;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one conversion between a criterion record and its {@link InputObject}: each record component is the field of
 * the same name in snake_case ({@code valueList} ↔ {@code value_list}); Java enums are held as their constant's
 * name, lists item by item, everything else as it is. Checked against the standard contract when made, so a record
 * that misses a field of its type, or an enum that misses a value, fails on first use rather than dropping data.
 * Immutable and thread-safe.
 *
 * @param <R> the record
 */
final class RecordMapping<R extends Record & InputView> {

    private final String inputType;
    private final RecordComponent[] components;
    private final List<String> fieldNames;
    private final Constructor<R> constructor;

    private RecordMapping(Class<R> recordType, String inputType) {
        this.inputType = inputType;
        this.components = recordType.getRecordComponents();
        this.fieldNames = Arrays.stream(components).map(c -> snakeCase(c.getName())).toList();
        try {
            this.constructor = recordType.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("a record always has its canonical constructor", e);
        }
        check(recordType);
    }

    /**
     * @param recordType the record, whose components are named after the input type's fields
     * @param inputType  the contract's input type it stands for
     * @throws IllegalStateException when components and fields, or an enum component's constants and the
     *                               contract's enum values, differ
     */
    static <R extends Record & InputView> RecordMapping<R> of(Class<R> recordType, String inputType) {
        return new RecordMapping<>(recordType, inputType);
    }

    /**
     * A copy of a list component, or null; for the records' constructors, whose nullable lists stay null.
     *
     * @throws NullPointerException when the list holds a null
     */
    static <T> List<T> copyOrNull(List<T> list) {
        return list == null ? null : List.copyOf(list);
    }

    R from(InputObject input) {
        if (!input.type().equals(inputType)) {
            throw new IllegalArgumentException("a " + constructor.getDeclaringClass().getSimpleName()
                    + " is read from a " + inputType + ", not a " + input.type());
        }
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            arguments[i] = toJava(input.get(fieldNames.get(i)), components[i].getGenericType());
        }
        try {
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    InputObject toInput(R record) {
        InputObject.Builder builder = InputObject.builder(inputType);
        for (int i = 0; i < components.length; i++) {
            try {
                builder.put(fieldNames.get(i), components[i].getAccessor().invoke(record));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return builder.build();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object toJava(Object value, Type javaType) {
        if (value == null) {
            return null;
        }
        if (javaType instanceof Class<?> type && type.isEnum()) {
            return Enum.valueOf((Class) type, (String) value);
        }
        if (javaType instanceof ParameterizedType list && list.getRawType() == List.class) {
            Type item = list.getActualTypeArguments()[0];
            List<Object> items = new ArrayList<>();
            ((List<?>) value).forEach(v -> items.add(toJava(v, item)));
            return items;
        }
        return value;
    }

    private void check(Class<R> recordType) {
        FilterContract contract = FilterContract.standard();
        Map<String, FilterContract.TypeRef> fields = contract.fields(inputType);
        if (!fields.keySet().equals(Set.copyOf(fieldNames))) {
            throw new IllegalStateException(recordType.getSimpleName() + " has components for " + fieldNames
                    + " but " + inputType + " has the fields " + fields.keySet());
        }
        for (int i = 0; i < components.length; i++) {
            Type javaType = components[i].getGenericType();
            Type item = javaType instanceof ParameterizedType list ? list.getActualTypeArguments()[0] : javaType;
            if (item instanceof Class<?> type && type.isEnum()) {
                List<String> constants = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
                String graphqlEnum = fields.get(fieldNames.get(i)).name();
                if (!constants.equals(contract.enumValues(graphqlEnum))) {
                    throw new IllegalStateException(type.getSimpleName() + " has " + constants + " but " + graphqlEnum
                            + " has " + contract.enumValues(graphqlEnum));
                }
            }
        }
    }

    private static String snakeCase(String camelCase) {
        StringBuilder snake = new StringBuilder();
        camelCase.chars().forEach(c -> {
            if (Character.isUpperCase(c)) {
                snake.append('_').append((char) Character.toLowerCase(c));
            } else {
                snake.append((char) c);
            }
        });
        return snake.toString();
    }
}
