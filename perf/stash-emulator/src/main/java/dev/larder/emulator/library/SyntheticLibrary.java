package dev.larder.emulator.library;

import dev.larder.model.EntityType;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * A deterministic, synthetic Stash library of any size. Untouched entities are generated on demand from the spec's
 * seed, type and id, so a million scenes cost no per-scene memory; created and changed entities live in an overlay
 * and destroyed ids in a bit set per type. Proportions come from the {@link LibrarySpec}; chapters, which the spec
 * does not size, number one per five galleries.
 *
 * <p>Thread-safe: reads share a read lock, each write holds the write lock for its whole change, so every write is
 * atomic and visible to reads that start after it returns.
 */
public final class SyntheticLibrary implements Library {

    private static final Set<DerivedRelation> CASCADES =
            Set.of(DerivedRelation.SCENE_MARKERS, DerivedRelation.GALLERY_CHAPTERS);

    private final LibrarySpec spec;
    private final Clock clock;
    private final Rfc3339 local;
    private final LibraryShape shape;
    private final EntityGenerator generator;
    private final Map<EntityType, TypeState> states = new EnumMap<>(EntityType.class);
    private final OverlayIndex index = new OverlayIndex();
    private final Finder finder;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    /**
     * Generates the library's skeleton (a few small indexes; entities themselves are generated when read).
     *
     * @param spec  the shape and seed
     * @param clock the source of {@link #now()}, used for every timestamp a write sets
     */
    public SyntheticLibrary(LibrarySpec spec, Clock clock) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.local = new Rfc3339(spec.zone());
        this.shape = new LibraryShape(spec);
        this.generator = new EntityGenerator(shape, local);
        for (EntityType type : EntityType.values()) {
            states.put(type, new TypeState(shape.count(type)));
        }
        this.finder = new Finder(new StoredOrGenerated(), () -> local.format(clock.instant().getEpochSecond()
                + 86_400));
    }

    @Override
    public LibrarySpec spec() {
        return spec;
    }

    @Override
    public String now() {
        return local.format(clock.instant().getEpochSecond());
    }

    @Override
    public Map<String, Object> get(EntityType type, int id) {
        lock.readLock().lock();
        try {
            return read(type, id);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public int count(EntityType type) {
        lock.readLock().lock();
        try {
            return states.get(type).count();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public FindResult find(EntityType type, FindQuery query) {
        lock.readLock().lock();
        try {
            return finder.find(type, query, states.get(type));
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public Map<String, Object> create(EntityType type, Map<String, Object> fields) {
        FieldSchema schema = FieldSchema.of(type);
        checkWritable(schema, fields.keySet());
        lock.writeLock().lock();
        try {
            Map<String, Object> stored = new LinkedHashMap<>(schema.defaults());
            fields.forEach((k, v) -> stored.put(k, Values.frozen(v)));
            checkWrite(type, schema, stored);
            String now = now();
            stored.put("created_at", now);
            stored.put("updated_at", now);
            int id = states.get(type).allocate();
            store(type, id, stored);
            return read(type, id);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public Map<String, Object> update(EntityType type, int id, Consumer<Map<String, Object>> change) {
        return change(type, id, change, true);
    }

    @Override
    public Map<String, Object> updateQuietly(EntityType type, int id, Consumer<Map<String, Object>> change) {
        return change(type, id, change, false);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException when the entity is a tag that some marker has as its primary tag (Stash refuses
     *                               with {@code cannot delete tag used as a primary tag in scene markers})
     */
    @Override
    public boolean destroy(EntityType type, int id) {
        lock.writeLock().lock();
        try {
            if (!states.get(type).live(id)) {
                return false;
            }
            if (type == EntityType.TAG && isPrimaryTag(id)) {
                throw new IllegalStateException("cannot delete tag used as a primary tag in scene markers");
            }
            for (DerivedRelation relation : DerivedRelation.withParent(type)) {
                if (CASCADES.contains(relation)) {
                    for (int child : children(relation, id)) {
                        remove(relation.childType(), child);
                    }
                }
            }
            remove(type, id);
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public Map<String, Object> merge(EntityType type, List<Integer> sources, int destination) {
        if (type != EntityType.TAG && type != EntityType.PERFORMER) {
            throw new IllegalArgumentException("only tags and performers can be merged, not " + type);
        }
        lock.writeLock().lock();
        try {
            TypeState state = states.get(type);
            if (!state.live(destination)) {
                throw new NotFoundException(type, destination);
            }
            Set<Integer> merged = new LinkedHashSet<>(sources);
            merged.remove(destination);
            for (int source : merged) {
                if (!state.live(source)) {
                    throw new NotFoundException(type, source);
                }
            }
            for (int source : merged) {
                remove(type, source);
                state.merge(source, destination);
            }
            return change(type, destination, fields -> { }, true);
        } finally {
            lock.writeLock().unlock();
        }
    }

    // ---- reads ----

    private Map<String, Object> read(EntityType type, int id) {
        TypeState state = states.get(type);
        if (!state.live(id)) {
            return null;
        }
        Map<String, Object> stored = state.stored(id);
        boolean generated = stored == null;
        Map<String, Object> fields = generated ? generator.generate(type, id) : stored;
        Map<String, Object> out = new LinkedHashMap<>(fields.size() * 2 + 8);
        out.put("id", id);
        fields.forEach((k, v) -> out.put(k, generated ? Values.frozen(v) : v));
        for (FieldSchema.Ref ref : FieldSchema.of(type).refs()) {
            out.put(ref.name(), resolve(ref, out.get(ref.name()), type == ref.target() ? id : 0));
        }
        for (DerivedRelation relation : DerivedRelation.withParent(type)) {
            out.put(relation.field(), derived(relation, id));
        }
        return Collections.unmodifiableMap(out);
    }

    /** A reference as it reads now: merged ids point at their destination; destroyed ones and {@code self} vanish. */
    private Object resolve(FieldSchema.Ref ref, Object value, int self) {
        TypeState target = states.get(ref.target());
        if (value == null) {
            return null;
        }
        switch (ref.shape()) {
            case ONE -> {
                int id = target.resolve((Integer) value);
                return id == 0 || id == self ? null : id;
            }
            case MANY -> {
                Set<Integer> ids = new LinkedHashSet<>();
                for (Object raw : (List<?>) value) {
                    int id = target.resolve((Integer) raw);
                    if (id != 0 && id != self) {
                        ids.add(id);
                    }
                }
                return List.copyOf(ids);
            }
            default -> {
                List<Object> out = new ArrayList<>();
                Set<Integer> seen = new java.util.HashSet<>();
                for (Object raw : (List<?>) value) {
                    Map<?, ?> entry = (Map<?, ?>) raw;
                    int id = target.resolve((Integer) entry.get(ref.key()));
                    if (id != 0 && id != self && seen.add(id)) {
                        Map<String, Object> copy = new LinkedHashMap<>();
                        entry.forEach((k, v) -> copy.put((String) k, v));
                        copy.put(ref.key(), id);
                        out.add(Collections.unmodifiableMap(copy));
                    }
                }
                return Collections.unmodifiableList(out);
            }
        }
    }

    private Object derived(DerivedRelation relation, int parent) {
        List<Integer> children = children(relation, parent);
        return switch (relation) {
            case GALLERY_IMAGES -> children.size();
            case GROUP_SUB_GROUPS -> {
                List<Map<String, Object>> out = new ArrayList<>(children.size());
                for (int child : children) {
                    out.add(EntityGenerator.entry("group", child, "description", subGroupDescription(child, parent)));
                }
                yield Collections.unmodifiableList(out);
            }
            default -> children;
        };
    }

    private String subGroupDescription(int child, int parent) {
        TypeState groups = states.get(EntityType.GROUP);
        for (Object raw : (List<?>) fieldsOf(EntityType.GROUP, child).get("containing_groups")) {
            Map<?, ?> entry = (Map<?, ?>) raw;
            if (groups.resolve((Integer) entry.get("group")) == parent) {
                return (String) entry.get("description");
            }
        }
        return null;
    }

    /** The live children of a parent for a derived relation, in id order. */
    private List<Integer> children(DerivedRelation relation, int parent) {
        TypeState parents = states.get(relation.parentType());
        TypeState children = states.get(relation.childType());
        Set<Integer> names = new TreeSet<>(parents.mergedInto(parent));
        names.add(parent);
        TreeSet<Integer> out = new TreeSet<>();
        for (int name : names) {
            if (name <= parents.baseCount()) {
                for (int child : shape.baseChildren(relation, name)) {
                    if (children.live(child) && children.stored(child) == null) {
                        out.add(child);
                    }
                }
            }
            out.addAll(index.children(relation, name));
        }
        if (relation.childType() == relation.parentType()) {
            out.remove(parent);
        }
        return List.copyOf(out);
    }

    private Map<String, Object> fieldsOf(EntityType type, int id) {
        Map<String, Object> stored = states.get(type).stored(id);
        return stored != null ? stored : generator.generate(type, id);
    }

    private boolean isPrimaryTag(int tag) {
        TypeState tags = states.get(EntityType.TAG);
        TypeState markers = states.get(EntityType.SCENE_MARKER);
        for (Integer marker : markers.storedIds()) {
            if (tags.resolve((Integer) markers.stored(marker).get("primary_tag")) == tag) {
                return true;
            }
        }
        Set<Integer> names = new TreeSet<>(tags.mergedInto(tag));
        names.add(tag);
        if (names.stream().noneMatch(generator::mayBePrimaryTag)) {
            return false;
        }
        for (int marker = 1; marker <= markers.baseCount(); marker++) {
            if (markers.live(marker) && markers.stored(marker) == null
                    && names.contains(generator.primaryTag(marker))) {
                return true;
            }
        }
        return false;
    }

    // ---- writes (under the write lock) ----

    private Map<String, Object> change(EntityType type, int id, Consumer<Map<String, Object>> change, boolean bump) {
        FieldSchema schema = FieldSchema.of(type);
        lock.writeLock().lock();
        try {
            Map<String, Object> current = read(type, id);
            if (current == null) {
                throw new NotFoundException(type, id);
            }
            Map<String, Object> editable = new LinkedHashMap<>();
            for (String field : schema.defaults().keySet()) {
                editable.put(field, Values.mutable(current.get(field)));
            }
            change.accept(editable);
            checkWritable(schema, editable.keySet());
            Map<String, Object> stored = new LinkedHashMap<>(schema.defaults());
            editable.forEach((k, v) -> stored.put(k, Values.frozen(v)));
            checkWrite(type, schema, stored);
            stored.put("created_at", current.get("created_at"));
            stored.put("updated_at", bump ? now() : current.get("updated_at"));
            store(type, id, stored);
            return read(type, id);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void store(EntityType type, int id, Map<String, Object> fields) {
        TypeState state = states.get(type);
        Map<String, Object> old = state.stored(id);
        if (old != null) {
            index.remove(type, id, old);
        }
        Map<String, Object> frozen = Collections.unmodifiableMap(fields);
        index.add(type, id, frozen);
        state.store(id, frozen);
    }

    private void remove(EntityType type, int id) {
        TypeState state = states.get(type);
        Map<String, Object> old = state.stored(id);
        if (old != null) {
            index.remove(type, id, old);
        }
        state.markDestroyed(id);
    }

    private static void checkWritable(FieldSchema schema, Set<String> keys) {
        for (String key : keys) {
            if (!schema.writable(key)) {
                throw new IllegalArgumentException(schema.derived().contains(key)
                        ? "field " + key + " is derived and cannot be written"
                        : "unknown field " + key);
            }
        }
    }

    /** Required fields are set and every reference names a live entity, as Stash's foreign keys demand. */
    private void checkWrite(EntityType type, FieldSchema schema, Map<String, Object> fields) {
        for (String field : schema.required()) {
            if (fields.get(field) == null) {
                throw new IllegalArgumentException(type.graphqlName() + " needs " + field);
            }
        }
        for (FieldSchema.Ref ref : schema.refs()) {
            Object value = fields.get(ref.name());
            if (value == null) {
                continue;
            }
            List<?> values = ref.shape() == FieldSchema.RefShape.ONE ? List.of(value) : (List<?>) value;
            for (Object item : values) {
                Object raw = item instanceof Map<?, ?> map ? map.get(ref.key()) : item;
                if (!(raw instanceof Integer target) || states.get(ref.target()).resolve(target) == 0) {
                    throw new NotFoundException(ref.target(), raw instanceof Integer i ? i : 0);
                }
            }
        }
    }

    /** Values for filters and sorts: the stored field when the entity was written, else the generated one. */
    private final class StoredOrGenerated implements Finder.RowValues {
        @Override
        public String timestamp(EntityType type, int id, String field) {
            Map<String, Object> stored = states.get(type).stored(id);
            return switch (field) {
                case "created_at", "updated_at" -> {
                    if (stored != null) {
                        yield (String) stored.get(field);
                    }
                    yield local.format(field.equals("created_at") ? shape.createdAt(type, id)
                            : shape.updatedAt(type, id));
                }
                // play and o dates live in their own tables in Stash; only a whole scene knows them here
                case "last_played_at" -> (String) (stored != null ? stored : generator.generate(type, id))
                        .get("last_played_at");
                case "last_o_at" -> latest((List<?>) (stored != null ? stored : generator.generate(type, id))
                        .get("o_history"));
                default -> throw new IllegalArgumentException("no timestamp " + field);
            };
        }

        private static String latest(List<?> history) {
            String latest = null;
            for (Object time : history == null ? List.of() : history) {
                if (latest == null || ((String) time).compareTo(latest) > 0) {
                    latest = (String) time;
                }
            }
            return latest;
        }

        @Override
        public Object sortValue(EntityType type, int id, String field) {
            Map<String, Object> stored = states.get(type).stored(id);
            if (stored != null) {
                return stored.get(field);
            }
            return switch (field) {
                case "title" -> generator.title(type, id);
                case "name" -> generator.name(type, id);
                case "date" -> generator.date(type, id);
                case "rating100" -> generator.rating(type, id);
                default -> throw new IllegalArgumentException("no sort value " + field);
            };
        }
    }
}
