package dev.larder.emulator.graphql;

import dev.larder.emulator.library.Library;
import dev.larder.model.EntityType;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.PropertyDataFetcher;
import graphql.schema.SelectedField;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fetcher for every field that has no fetcher of its own. Entity maps hold their fields under their GraphQL
 * names and refer to other entities by id; this fetcher reads the field and turns ids into the referenced
 * entities. Records (jobs, log entries) are read as properties.
 *
 * <p>A reference whose selection asks for nothing but {@code id} is answered without loading the entity, which
 * keeps id-only relation lists (what a sync asks for) as cheap as in Stash's dataloaders.
 */
final class EntityFieldFetcher implements DataFetcher<Object> {

    private final Library library;

    EntityFieldFetcher(Library library) {
        this.library = library;
    }

    @Override
    public Object get(DataFetchingEnvironment env) {
        Object source = env.getSource();
        String field = env.getField().getName();
        if (!(source instanceof Map<?, ?> map)) {
            if (source == null) {
                throw new NotEmulatedException(parentName(env) + "." + field);
            }
            return PropertyDataFetcher.fetching(field).get(env);
        }
        if (!map.containsKey(field)) {
            throw new NotEmulatedException(parentName(env) + "." + field);
        }
        Object value = map.get(field);
        GraphQLNamedType type = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(env.getFieldType());
        EntityType referenced = type instanceof GraphQLObjectType ? referencedType(type.getName()) : null;
        if (referenced == null || value == null) {
            return value;
        }
        return resolve(referenced, value, idOnly(env));
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

    static boolean idOnly(DataFetchingEnvironment env) {
        for (SelectedField selected : env.getSelectionSet().getImmediateFields()) {
            String name = selected.getName();
            if (!"id".equals(name) && !"__typename".equals(name)) {
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
