package dev.larder.emulator.graphql;

import dev.larder.emulator.library.Library;
import dev.larder.model.EntityType;
import graphql.language.Field;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.LightDataFetcher;
import graphql.schema.PropertyDataFetcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The fetcher for every field that has no fetcher of its own. Entity maps hold their fields under their GraphQL
 * names and refer to other entities by id; this fetcher reads the field and turns ids into the referenced
 * entities. Records (jobs, log entries) are read as properties.
 *
 * <p>A reference whose selection asks for nothing but {@code id} is answered without loading the entity, which
 * keeps id-only relation lists (what a sync asks for) as cheap as in Stash's dataloaders.
 */
final class EntityFieldFetcher implements LightDataFetcher<Object> {

    private final Library library;

    EntityFieldFetcher(Library library) {
        this.library = library;
    }

    @Override
    public Object get(DataFetchingEnvironment env) {
        return get(env.getFieldDefinition(), env.getSource(), () -> env);
    }

    /**
     * Reads a field without graphql-java building a fetching environment, which costs more than the read itself
     * for the sixty-odd fields of every scene on a page; the environment is asked for only to follow a reference.
     */
    @Override
    public Object get(GraphQLFieldDefinition definition, Object source, Supplier<DataFetchingEnvironment> env) {
        String field = definition.getName();
        if (!(source instanceof Map<?, ?> map)) {
            if (source == null) {
                throw new NotEmulatedException(parentName(env.get()) + "." + field);
            }
            // records of the emulator's services (jobs, log entries) have no map to read
            return PropertyDataFetcher.fetching(field).get(env.get());
        }
        Object value = map.get(field);
        if (value == null && !map.containsKey(field)) {
            throw new NotEmulatedException(parentName(env.get()) + "." + field);
        }
        GraphQLNamedType type = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(definition.getType());
        EntityType referenced = type instanceof GraphQLObjectType ? referencedType(type.getName()) : null;
        if (referenced == null || value == null) {
            return value;
        }
        return resolve(referenced, value, idOnly(env.get()));
    }

    private Object resolve(EntityType type, Object value, boolean idOnly) {
        if (value instanceof List<?> ids) {
            List<Map<String, Object>> entities = new ArrayList<>(ids.size());
            for (Object id : ids) {
                Map<String, Object> entity = reference(type, (Integer) id, idOnly);
                if (entity != null) {
                    entities.add(entity);
                }
            }
            return entities;
        }
        if (value instanceof Integer id) {
            return reference(type, id, idOnly);
        }
        return value;
    }

    private Map<String, Object> reference(EntityType type, int id, boolean idOnly) {
        return idOnly ? Map.of("id", id) : library.get(type, id);
    }

    /**
     * Whether the field's selection asks for nothing but {@code id} (and {@code __typename}). Read from the document
     * itself, which every item of a list shares, rather than from the computed selection set, which graphql-java
     * builds anew per item; a fragment counts as asking for more.
     */
    static boolean idOnly(DataFetchingEnvironment env) {
        SelectionSet selections = env.getField().getSelectionSet();
        if (selections == null) {
            return false;
        }
        for (Selection<?> selection : selections.getSelections()) {
            if (!(selection instanceof Field field)
                    || !("id".equals(field.getName()) || "__typename".equals(field.getName()))) {
                return false;
            }
        }
        return true;
    }

    /** The entity type behind a GraphQL object type name; Stash's old {@code Movie} is a group. */
    static EntityType referencedType(String graphqlName) {
        return EntityType.fromGraphqlName(graphqlName).orElse(null);
    }

    private static String parentName(DataFetchingEnvironment env) {
        return ((GraphQLNamedType) env.getParentType()).getName();
    }
}
