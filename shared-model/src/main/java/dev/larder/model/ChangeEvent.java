package dev.larder.model;

import java.util.List;
import java.util.Objects;

/**
 * One change reported by Larder's Stash plugin (or another producer): what kind of entity, what happened, which
 * one, and which input fields the change named. The event says what changed, never the new values: Stash's log
 * stream can reorder and drop lines, so Larder always fetches the entity's current state by id.
 *
 * @param typeName Stash's hook type name, for example {@code "Scene"} or {@code "Movie"} (Stash fires both
 *                 {@code Group.*} and {@code Movie.*} for one group change; Larder drops the duplicate)
 * @param op       what happened
 * @param id       the entity's id, 1 or more
 * @param fields   the input fields the change named (Stash's {@code inputFields}); empty when unknown, e.g. for
 *                 scan-created entities whose hook input is null
 * @param sources  for {@link HookOperation#MERGE}: the ids merged into {@code id}; else empty
 * @param gallery  for {@code GalleryChapter} events: the gallery the hook's input names ({@code gallery_id}, on a
 *                 create or a move), since Larder keeps chapters inside their gallery and the gallery's
 *                 {@code updated_at} does not move; 0 when the input names none (and for every other type)
 */
public record ChangeEvent(String typeName, HookOperation op, int id, List<String> fields, List<Integer> sources,
                          int gallery) {

    /**
     * Checks the event.
     *
     * @throws IllegalArgumentException when the type is unknown to Larder or the id is not positive
     */
    public ChangeEvent {
        Objects.requireNonNull(typeName, "typeName");
        Objects.requireNonNull(op, "op");
        if (EntityType.fromGraphqlName(typeName).isEmpty()) {
            throw new IllegalArgumentException("unknown entity type " + typeName);
        }
        if (id < 1) {
            throw new IllegalArgumentException("id must be 1 or more, got " + id);
        }
        if (gallery < 0) {
            throw new IllegalArgumentException("gallery must be 1 or more, or 0 for none, got " + gallery);
        }
        fields = fields == null ? List.of() : List.copyOf(fields);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /**
     * An event that names no gallery.
     *
     * @param typeName Stash's hook type name
     * @param op       what happened
     * @param id       the entity's id, 1 or more
     * @param fields   the input fields the change named
     * @param sources  for a merge, the ids merged into {@code id}
     */
    public ChangeEvent(String typeName, HookOperation op, int id, List<String> fields, List<Integer> sources) {
        this(typeName, op, id, fields, sources, 0);
    }

    /**
     * The entity type the event is about ({@code Movie} events are about groups).
     *
     * @return the type
     */
    public EntityType type() {
        return EntityType.fromGraphqlName(typeName).orElseThrow();
    }
}
