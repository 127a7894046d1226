package dev.larder.emulator.library;

import dev.larder.model.EntityType;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The emulated Stash library: every entity of every type, readable by id and by list query, and changeable the
 * ways Stash's mutations change it.
 *
 * <h2>Entity maps</h2>
 * An entity is a {@code Map<String, Object>} whose keys are the GraphQL field names of its type (for example
 * {@code "title"}, {@code "rating100"}, {@code "o_counter"}), holding:
 * <ul>
 *   <li>{@code "id"}: an {@link Integer};</li>
 *   <li>scalars as {@link String}, {@link Integer}, {@link Long} ({@code Int64}), {@link Double} or {@link Boolean};
 *       timestamps ({@code Time}) as RFC3339 text with the library zone's offset and second precision, exactly as
 *       Stash stores them;</li>
 *   <li>a reference to another entity as its {@link Integer} id (or null), and a list of references as a
 *       {@code List<Integer>}; for example a scene's {@code "studio"}, {@code "tags"}, {@code "performers"},
 *       {@code "galleries"};</li>
 *   <li>nested plain objects ({@code files}, {@code fingerprints}, {@code captions}, {@code stash_ids},
 *       {@code SceneGroup}, {@code GroupDescription}) as maps of the same kind, whose references are ids too:
 *       a scene's {@code "groups"} is a list of {@code {"group": 7, "scene_index": 2}}.</li>
 * </ul>
 * Fields derived from other entities are filled in on read and cannot be written: a scene's
 * {@code scene_markers}, a gallery's {@code chapters}, {@code scenes} and {@code image_count}, a tag's
 * {@code children}, a studio's {@code child_studios}, a group's {@code sub_groups}. A reference to an entity that
 * was destroyed is dropped and one to an entity merged away points at the merge's destination, as Stash's foreign
 * keys and merges leave them. Maps returned are immutable snapshots.
 *
 * <h2>Timestamps</h2>
 * Every write that Stash makes through a {@code *Partial} bumps {@code updated_at} to {@link #now()};
 * {@link #updateQuietly} writes without bumping it, as Stash's play, o-counter and activity mutations do.
 *
 * <p>Implementations are thread-safe; each write is atomic and visible to reads that start after it returns.
 */
public interface Library {

    /**
     * The spec this library was generated from.
     *
     * @return the spec
     */
    LibrarySpec spec();

    /**
     * The current time as Stash writes it: RFC3339, second precision, the spec zone's offset at that instant.
     *
     * @return for example {@code "2026-11-24T11:35:02+11:00"}
     */
    String now();

    /**
     * Reads one entity.
     *
     * @param type the type
     * @param id   the id
     * @return the entity, or null when no entity of that type has that id (never created, or destroyed)
     */
    Map<String, Object> get(EntityType type, int id);

    /**
     * The number of live entities of a type.
     *
     * @param type the type
     * @return 0 or more
     */
    int count(EntityType type);

    /**
     * Runs a list query with Stash's semantics (see {@link FindQuery}).
     *
     * @param type  the type; {@link EntityType#GALLERY_CHAPTER} has no list query in Stash but is allowed here
     * @param query the query
     * @return the page and the total count
     * @throws InvalidQueryException with Stash's message when Stash would fail the query: an unknown sort
     *                               ({@code invalid sort: x}), a duplicate id, or an id that does not exist
     *                               ({@code scene with id 9 not found})
     */
    FindResult find(EntityType type, FindQuery query);

    /**
     * Creates an entity; {@code created_at} and {@code updated_at} are set to {@link #now()} and a new id is taken
     * (ids only grow and are never reused).
     *
     * @param type   the type
     * @param fields writable fields, as in an entity map; missing ones take Stash's defaults
     * @return the new entity
     */
    Map<String, Object> create(EntityType type, Map<String, Object> fields);

    /**
     * Changes an entity and bumps its {@code updated_at}.
     *
     * @param type   the type
     * @param id     the id
     * @param change applied, under the library's write lock, to a mutable copy of the entity's writable fields
     * @return the changed entity
     * @throws NotFoundException when there is no such entity
     */
    Map<String, Object> update(EntityType type, int id, Consumer<Map<String, Object>> change);

    /**
     * Changes an entity without bumping its {@code updated_at} (plays, o-counter, resume time, play duration).
     *
     * @param type   the type
     * @param id     the id
     * @param change applied, under the library's write lock, to a mutable copy of the entity's writable fields
     * @return the changed entity
     * @throws NotFoundException when there is no such entity
     */
    Map<String, Object> updateQuietly(EntityType type, int id, Consumer<Map<String, Object>> change);

    /**
     * Destroys an entity, with Stash's cascades: a scene's markers and a gallery's chapters go with it; references
     * to it from other entities disappear without bumping their {@code updated_at}.
     *
     * @param type the type
     * @param id   the id
     * @return true if it existed
     */
    boolean destroy(EntityType type, int id);

    /**
     * Merges sources into a destination the way {@code tagsMerge} and {@code performerMerge} do: every reference to
     * a source now points at the destination (duplicates collapse), the sources are destroyed, and no entity's
     * {@code updated_at} changes except the destination's.
     *
     * @param type        {@link EntityType#TAG} or {@link EntityType#PERFORMER}
     * @param sources     ids to merge away; the destination among them is ignored
     * @param destination the id that stays
     * @return the destination after the merge
     * @throws NotFoundException        when the destination or a source does not exist
     * @throws IllegalArgumentException for other types
     */
    Map<String, Object> merge(EntityType type, List<Integer> sources, int destination);
}
