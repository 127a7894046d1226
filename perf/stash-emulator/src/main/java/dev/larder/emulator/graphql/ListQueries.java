package dev.larder.emulator.graphql;

import dev.larder.emulator.faults.Faults;
import dev.larder.emulator.library.FindQuery;
import dev.larder.emulator.library.FindResult;
import dev.larder.emulator.library.Library;
import dev.larder.emulator.library.EntityFiles;
import dev.larder.model.EntityType;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stash's {@code findXxx} list queries and single {@code findXxx(id)} look-ups over the library.
 *
 * <p>A list result is a map of the count and the page's ids; {@link EntityFieldFetcher} turns the ids into
 * entities, so an id-only page never generates an entity. The totals that Stash computes only when selected
 * ({@code duration}, {@code filesize}, {@code megapixels}) are computed here only when selected too.
 */
final class ListQueries {

    /** One list query of Stash's schema. */
    private record ListQuery(String field, EntityType type, String filterArg, String legacyIdsArg,
                             String resultField) {
    }

    private static final List<ListQuery> LIST_QUERIES = List.of(
            new ListQuery("findScenes", EntityType.SCENE, "scene_filter", "scene_ids", "scenes"),
            new ListQuery("findPerformers", EntityType.PERFORMER, "performer_filter", "performer_ids", "performers"),
            new ListQuery("findStudios", EntityType.STUDIO, "studio_filter", null, "studios"),
            new ListQuery("findTags", EntityType.TAG, "tag_filter", null, "tags"),
            new ListQuery("findGroups", EntityType.GROUP, "group_filter", null, "groups"),
            new ListQuery("findMovies", EntityType.GROUP, "movie_filter", null, "movies"),
            new ListQuery("findGalleries", EntityType.GALLERY, "gallery_filter", null, "galleries"),
            new ListQuery("findImages", EntityType.IMAGE, "image_filter", "image_ids", "images"),
            new ListQuery("findSceneMarkers", EntityType.SCENE_MARKER, "scene_marker_filter", null,
                    "scene_markers"));

    private static final Map<String, EntityType> SINGLE_QUERIES = Map.of(
            "findScene", EntityType.SCENE, "findPerformer", EntityType.PERFORMER, "findStudio", EntityType.STUDIO,
            "findTag", EntityType.TAG, "findGroup", EntityType.GROUP, "findMovie", EntityType.GROUP,
            "findGallery", EntityType.GALLERY, "findImage", EntityType.IMAGE);

    private final Library library;
    private final Faults faults;

    ListQueries(Library library, Faults faults) {
        this.library = library;
        this.faults = faults;
    }

    void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> {
            LIST_QUERIES.forEach(q -> t.dataFetcher(q.field(), list(q)));
            SINGLE_QUERIES.forEach((field, type) -> t.dataFetcher(field, single(type)));
            return t;
        });
    }

    private DataFetcher<Map<String, Object>> list(ListQuery q) {
        return env -> {
            FindQuery query = FindArguments.read(env, q.filterArg(), q.legacyIdsArg());
            query = applyFaults(q.type(), query);
            FindResult result = library.find(q.type(), query);
            Map<String, Object> out = new HashMap<>();
            out.put("count", result.count());
            out.put(q.resultField(), result.ids());
            if (q.type() == EntityType.SCENE) {
                addTotals(env, q.type(), query, out, "duration", "filesize");
            } else if (q.type() == EntityType.IMAGE) {
                addTotals(env, q.type(), query, out, "megapixels", "filesize");
            }
            return out;
        };
    }

    private FindQuery applyFaults(EntityType type, FindQuery query) {
        boolean pagedQuery = query.ids() == null || query.ids().isEmpty();
        if (pagedQuery && query.perPage() < 0) {
            int limit = faults.getAllLimit();
            if (limit != Integer.MAX_VALUE) {
                int count = library.find(type, withPerPage(query, 0)).count();
                if (count > limit) {
                    throw new HttpStatusException(422, "emulated fault: per_page -1 over " + count + " "
                            + type.pluralName() + " failed");
                }
            }
        }
        int clamp = faults.perPageClamp();
        if (pagedQuery && clamp != Integer.MAX_VALUE && (query.perPage() < 0 || query.perPage() > clamp)) {
            return withPerPage(query, clamp);
        }
        return query;
    }

    private static FindQuery withPerPage(FindQuery q, int perPage) {
        return new FindQuery(q.ids(), q.id(), q.createdAt(), q.updatedAt(), q.sort(), q.descending(), q.page(),
                perPage, q.lastPlayedAt());
    }

    /** Sums over every matching row, which is what makes these fields expensive in Stash too. */
    private void addTotals(DataFetchingEnvironment env, EntityType type, FindQuery query, Map<String, Object> out,
                           String first, String second) {
        boolean wantFirst = env.getSelectionSet().contains(first);
        boolean wantSecond = env.getSelectionSet().contains(second);
        if (!wantFirst && !wantSecond) {
            return;
        }
        double sumFirst = 0;
        double size = 0;
        for (int id : library.find(type, withPerPage(query, -1)).ids()) {
            Map<String, Object> entity = library.get(type, id);
            size += EntityFiles.number(type, entity, "size");
            sumFirst += type == EntityType.SCENE
                    ? EntityFiles.number(type, entity, "duration")
                    : EntityFiles.number(type, entity, "width") * EntityFiles.number(type, entity, "height") / 1e6;
        }
        out.put(first, sumFirst);
        out.put(second, size);
    }

    private DataFetcher<Map<String, Object>> single(EntityType type) {
        return env -> {
            Object id = env.getArgument("id");
            if (id == null) {
                throw new NotEmulatedException("look-up by checksum");
            }
            return library.get(type, FindArguments.parseId(id));
        };
    }
}
