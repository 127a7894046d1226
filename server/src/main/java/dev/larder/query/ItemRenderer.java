package dev.larder.query;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.larder.cache.L1;
import dev.larder.cache.Weighed;
import dev.larder.model.EntityType;
import dev.larder.model.query.Item;
import dev.larder.store.Store;
import dev.larder.store.StoredEntity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders items from L2 rows to JSON, a page at a time (one query for the rows and one per related list, however
 * many items), and keeps each rendered item in L1 under the generations of every type it shows. Thread-safe.
 */
final class ItemRenderer {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The mapper's factory, so that generators can write stored JSON trees. */
    private static final JsonFactory JSON = MAPPER.getFactory();

    private final Store store;
    private final L1 l1;

    ItemRenderer(Store store, L1 l1) {
        this.store = store;
        this.l1 = l1;
    }

    /** The L1 key of one rendered item. */
    private record ItemKey(EntityType type, int id, boolean full, long stamp) {
    }

    /** A rendered item as L1 keeps it; null when the id is not live, which is worth keeping too. */
    private record Rendered(Item item) implements Weighed {
        @Override
        public int weightBytes() {
            return 64 + (item == null ? 0 : item.length());
        }
    }

    /**
     * @param spec the type's spec
     * @param ids  the ids, in the order to return them
     * @param full whether to render every stored field
     * @return the items of the ids that are live, in their order (an id that is not is left out)
     */
    List<Item> items(QuerySpec spec, int[] ids, boolean full) {
        long stamp = l1.generations().stamp(dependencies(spec));
        List<ItemKey> keys = new ArrayList<>(ids.length);
        for (int id : ids) {
            keys.add(new ItemKey(spec.type(), id, full, stamp));
        }
        List<Object> keyObjects = new ArrayList<>(keys);
        List<Weighed> values = l1.items().getAll(keyObjects, missing -> {
            List<Integer> absent = missing.stream().map(k -> ((ItemKey) k).id()).toList();
            Map<Integer, byte[]> rendered = render(spec, absent, full);
            Map<Object, Weighed> byKey = new HashMap<>();
            for (Object key : missing) {
                byte[] json = rendered.get(((ItemKey) key).id());
                byKey.put(key, new Rendered(json == null ? null : new Item(spec.type(), ((ItemKey) key).id(),
                        json)));
            }
            return byKey;
        });
        List<Item> items = new ArrayList<>(values.size());
        for (Weighed value : values) {
            Item item = ((Rendered) value).item();
            if (item != null) {
                items.add(item);
            }
        }
        return items;
    }

    /** @return the types an item of this spec shows: its own, those of its related entities and its fields read */
    private static Set<EntityType> dependencies(QuerySpec spec) {
        Set<EntityType> types = EnumSet.of(spec.type());
        spec.item().related().forEach(r -> types.add(r.type()));
        spec.item().fields().forEach(f -> types.addAll(f.reads()));
        return types;
    }

    /**
     * @param spec the type's spec
     * @param ids  the ids of a page
     * @return the statements that render those ids' compact items: their rows, then one per related list
     */
    List<SqlStatement> statements(QuerySpec spec, int[] ids) {
        String idArray = Arrays.stream(ids).mapToObj(String::valueOf).collect(Collectors.joining(",", "[", "]"));
        List<SqlStatement> statements = new ArrayList<>();
        statements.add(new SqlStatement("items", rowsSql(spec), List.of(idArray)));
        for (ItemShape.Related related : spec.item().related()) {
            statements.add(new SqlStatement("items." + related.name(), related.sql(), List.of(idArray)));
        }
        return statements;
    }

    private Map<Integer, byte[]> render(QuerySpec spec, List<Integer> ids, boolean full) {
        Map<Integer, ObjectNode> stored = full ? storedFields(spec.type(), ids) : Map.of();
        return store.read(c -> {
            String idArray = ids.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
            Map<Integer, Row> rows = rows(c, spec, idArray);
            for (ItemShape.Related related : spec.item().related()) {
                try (PreparedStatement s = c.prepareStatement(related.sql())) {
                    s.setString(1, idArray);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            Row row = rows.get(rs.getInt(1));
                            if (row != null) {
                                row.related.computeIfAbsent(related.name(), n -> new ArrayList<>())
                                        .add(new Ref(rs.getInt(2), rs.getString(3)));
                            }
                        }
                    }
                }
            }
            Map<Integer, byte[]> json = new HashMap<>();
            for (Row row : rows.values()) {
                json.put(row.id, write(spec, row, stored.get(row.id)));
            }
            return json;
        });
    }

    private Map<Integer, ObjectNode> storedFields(EntityType type, List<Integer> ids) {
        Map<Integer, ObjectNode> stored = new HashMap<>();
        for (int id : ids) {
            store.get(type, id).filter(StoredEntity::live).ifPresent(e -> stored.put(id, e.json()));
        }
        return stored;
    }

    private record Ref(int id, String name) {
    }

    /** One entity's row as read: field values, media paths, related entities. */
    private static final class Row {
        final int id;
        final Object[] fields;
        final String[] media;
        final Map<String, List<Ref>> related = new HashMap<>();

        Row(int id, Object[] fields, String[] media) {
            this.id = id;
            this.fields = fields;
            this.media = media;
        }
    }

    /** The rows of a page's items: the fields, then the media paths, of the ids in the JSON array bound as ?. */
    private static String rowsSql(QuerySpec spec) {
        ItemShape shape = spec.item();
        Scope scope = Scope.root(spec);
        StringBuilder sql = new StringBuilder("SELECT t.id");
        for (ItemShape.Field field : shape.fields()) {
            sql.append(", ").append(scope.sql(field.expression()));
        }
        for (ItemShape.Media media : shape.media()) {
            sql.append(", t.").append(media.column());
        }
        sql.append(" FROM ").append(spec.table()).append(" t ").append(scope.sql(shape.join()))
                .append(" WHERE t.deleted_at IS NULL AND t.id IN (SELECT value FROM json_each(?))");
        return sql.toString();
    }

    private static Map<Integer, Row> rows(Connection c, QuerySpec spec, String idArray) throws SQLException {
        ItemShape shape = spec.item();
        Map<Integer, Row> rows = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(rowsSql(spec))) {
            s.setString(1, idArray);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Object[] fields = new Object[shape.fields().size()];
                    for (int i = 0; i < fields.length; i++) {
                        fields[i] = rs.getObject(2 + i);
                    }
                    String[] media = new String[shape.media().size()];
                    for (int i = 0; i < media.length; i++) {
                        media[i] = rs.getString(2 + fields.length + i);
                    }
                    int id = rs.getInt(1);
                    rows.put(id, new Row(id, fields, media));
                }
            }
        }
        return rows;
    }

    private static byte[] write(QuerySpec spec, Row row, ObjectNode stored) {
        ItemShape shape = spec.item();
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("id", String.valueOf(row.id));
            String openObject = null;
            for (int i = 0; i < shape.fields().size(); i++) {
                ItemShape.Field field = shape.fields().get(i);
                String name = field.name();
                int dot = name.indexOf('.');
                String parent = dot < 0 ? null : name.substring(0, dot);
                if (openObject != null && !openObject.equals(parent)) {
                    g.writeEndObject();
                    openObject = null;
                }
                if (parent != null && openObject == null) {
                    g.writeObjectFieldStart(parent);
                    openObject = parent;
                }
                g.writeFieldName(dot < 0 ? name : name.substring(dot + 1));
                writeValue(g, field.kind(), row.fields[i]);
            }
            if (openObject != null) {
                g.writeEndObject();
            }
            for (ItemShape.Related related : shape.related()) {
                List<Ref> refs = row.related.getOrDefault(related.name(), List.of());
                g.writeFieldName(related.name());
                if (related.single()) {
                    if (refs.isEmpty()) {
                        g.writeNull();
                    } else {
                        writeRef(g, refs.get(0));
                    }
                } else {
                    g.writeStartArray();
                    for (Ref ref : refs) {
                        writeRef(g, ref);
                    }
                    g.writeEndArray();
                }
            }
            g.writeObjectFieldStart("media");
            for (int i = 0; i < shape.media().size(); i++) {
                String path = row.media[i];
                if (path != null) {
                    int query = path.indexOf('?');
                    g.writeStringField(shape.media().get(i).kind(), "/media/" + spec.type().pluralName() + "/"
                            + row.id + "/" + shape.media().get(i).kind() + (query < 0 ? "" : path.substring(query)));
                }
            }
            g.writeEndObject();
            if (stored != null) {
                writeStored(g, stored, written(shape));
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
        return out.toByteArray();
    }

    /** @return the top-level names the compact form wrote, which the stored fields do not repeat */
    private static Set<String> written(ItemShape shape) {
        Set<String> names = new HashSet<>(Set.of("id", "media"));
        shape.fields().forEach(f -> names.add(f.name().contains(".") ? f.name().substring(0, f.name().indexOf('.'))
                : f.name()));
        shape.related().forEach(r -> names.add(r.name()));
        return names;
    }

    /** Stored fields the compact form lacks; Stash's media paths stay out, {@code media} holds Larder's URLs. */
    private static void writeStored(JsonGenerator g, ObjectNode stored, Set<String> written) throws IOException {
        Iterator<Map.Entry<String, JsonNode>> fields = stored.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            if (!written.contains(name) && !name.equals("paths") && !name.endsWith("image_path")) {
                g.writeFieldName(name);
                MAPPER.writeTree(g, field.getValue());
            }
        }
    }

    private static void writeRef(JsonGenerator g, Ref ref) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", String.valueOf(ref.id()));
        g.writeStringField("name", ref.name());
        g.writeEndObject();
    }

    private static void writeValue(JsonGenerator g, ItemShape.Kind kind, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
            return;
        }
        switch (kind) {
            case INT -> g.writeNumber(((Number) value).longValue());
            case REAL -> g.writeNumber(((Number) value).doubleValue());
            case TEXT -> g.writeString(value.toString());
            case BOOL -> g.writeBoolean(((Number) value).intValue() != 0);
            case ID -> g.writeString(String.valueOf(((Number) value).longValue()));
            case JSON -> g.writeTree(MAPPER.readTree(value.toString()));
        }
    }
}
