package dev.larder.stash;

import dev.larder.model.EntityType;

import java.net.URI;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every GraphQL document Larder sends to Stash, built from the fragments of {@code sync-fields.graphql} and carrying
 * only the fragments it spreads. Paged documents take their bounds as variables, so each (type, kind) is one text
 * and Stash's query cache keeps it parsed; look-ups by id spell the ids out as aliased fields. Immutable and
 * thread-safe.
 */
final class SyncDocuments {

    /** The fields of the scene counter sweeps: what changes without bumping {@code updated_at}. */
    static final String COUNTER_FIELDS = "id resume_time play_duration play_count o_counter last_played_at";

    /** How Stash names the queries of one entity type. */
    record StashType(String listQuery, String resultField, String filterArg, String singleQuery, String fragment) {
    }

    private static final Map<EntityType, StashType> TYPES = new EnumMap<>(Map.of(
            EntityType.TAG, new StashType("findTags", "tags", "tag_filter", "findTag", "TagFields"),
            EntityType.STUDIO, new StashType("findStudios", "studios", "studio_filter", "findStudio", "StudioFields"),
            EntityType.PERFORMER, new StashType("findPerformers", "performers", "performer_filter", "findPerformer",
                    "PerformerFields"),
            EntityType.GROUP, new StashType("findGroups", "groups", "group_filter", "findGroup", "GroupFields"),
            EntityType.GALLERY, new StashType("findGalleries", "galleries", "gallery_filter", "findGallery",
                    "GalleryFields"),
            EntityType.SCENE, new StashType("findScenes", "scenes", "scene_filter", "findScene", "SceneFields"),
            EntityType.SCENE_MARKER, new StashType("findSceneMarkers", "scene_markers", "scene_marker_filter", null,
                    "SceneMarkerFields"),
            EntityType.IMAGE, new StashType("findImages", "images", "image_filter", "findImage", "ImageFields")));

    /** The types that have a list query; gallery chapters come only inside their gallery. */
    static final List<EntityType> LISTED = List.copyOf(TYPES.keySet());

    /** The types whose totals {@code stats} reports, with the field that holds each. */
    static final Map<EntityType, String> STATS_FIELDS = statsFields();

    /** A document and its variables. */
    record Document(String query, Map<String, Object> variables) {
        Document {
            variables = Map.copyOf(variables);
        }
    }

    private final Fragments fragments;

    SyncDocuments(Fragments fragments) {
        this.fragments = fragments;
    }

    /**
     * @param type a listed type
     * @return Stash's names for it
     * @throws IllegalArgumentException for {@link EntityType#GALLERY_CHAPTER}, which Stash does not list
     */
    static StashType stashType(EntityType type) {
        StashType t = TYPES.get(type);
        if (t == null) {
            throw new IllegalArgumentException(type + " has no list query in Stash; it comes inside its parent");
        }
        return t;
    }

    /** @return keyset paging for scenes, galleries and images (their filters have an {@code id} criterion) */
    static PageRequest.Paging paging(EntityType type) {
        stashType(type);
        return hasIdCriterion(type) ? PageRequest.Paging.KEYSET : PageRequest.Paging.OFFSET;
    }

    static boolean hasIdCriterion(EntityType type) {
        return type == EntityType.SCENE || type == EntityType.GALLERY || type == EntityType.IMAGE;
    }

    /**
     * One page in id order; see {@link PageRequest}.
     *
     * @throws IllegalArgumentException when the request does not fit the type (wrong paging, counters or play filter
     *                                  on another type than scenes)
     */
    Document page(EntityType type, PageRequest r) {
        StashType t = stashType(type);
        if (r.paging() != paging(type)) {
            throw new IllegalArgumentException(type + " pages by " + paging(type) + ", not " + r.paging());
        }
        if ((r.fields() == FieldSet.COUNTERS || r.playedAfter() != null) && type != EntityType.SCENE) {
            throw new IllegalArgumentException("counters and play dates exist for scenes only, not " + type);
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        StringBuilder declarations = new StringBuilder("$n:Int!");
        StringBuilder criteria = new StringBuilder();
        String pageArg = "";
        if (r.paging() == PageRequest.Paging.KEYSET) {
            declarations.append(",$after:Int!");
            criteria.append("id:{modifier:GREATER_THAN,value:$after}");
            variables.put("after", r.afterId());
        } else {
            declarations.append(",$page:Int!");
            pageArg = "page:$page,";
            variables.put("page", r.page());
        }
        if (r.updatedAfter() != null) {
            declarations.append(",$updated:String!");
            criteria.append(criteria.isEmpty() ? "" : ",").append("updated_at:{modifier:GREATER_THAN,value:$updated}");
            variables.put("updated", r.updatedAfter());
        }
        if (r.playedAfter() != null) {
            declarations.append(",$played:String!");
            criteria.append(criteria.isEmpty() ? "" : ",")
                    .append("last_played_at:{modifier:GREATER_THAN,value:$played}");
            variables.put("played", r.playedAfter());
        }
        variables.put("n", r.size());
        String filter = criteria.isEmpty() ? "" : t.filterArg() + ":{" + criteria + "},";
        return new Document("query(" + declarations + "){" + t.listQuery() + "(" + filter + "filter:{" + pageArg
                + "per_page:$n,sort:\"id\",direction:ASC}){count " + t.resultField() + "{" + selection(t, r.fields())
                + "}}}" + definitions(t, r.fields()), variables);
    }

    /**
     * Scenes by their latest o, newest first, with their counters and o dates: the sweep for o-counters, which change
     * without bumping {@code updated_at}.
     *
     * @param page 1-based page number
     * @param size rows per page, 1 or more
     */
    Document scenesByLastO(int page, int size) {
        return new Document("query($page:Int!,$n:Int!){findScenes(filter:{page:$page,per_page:$n,"
                + "sort:\"last_o_at\",direction:DESC}){count scenes{" + COUNTER_FIELDS + " o_history}}}",
                Map.of("page", page, "n", size));
    }

    /** The number of entities of a type ({@code per_page: 0}: Stash counts and returns no rows). */
    Document count(EntityType type) {
        StashType t = stashType(type);
        return new Document("{" + t.listQuery() + "(filter:{per_page:0}){count}}", Map.of());
    }

    /** The number of entities with ids from {@code from} to {@code to}, both included; keyset types only. */
    Document countIdRange(EntityType type, int from, int to) {
        StashType t = stashType(type);
        if (!hasIdCriterion(type)) {
            throw new IllegalArgumentException(type + " has no id criterion in Stash's filter");
        }
        return new Document("query($from:Int!,$to:Int!){" + t.listQuery() + "(" + t.filterArg()
                + ":{id:{modifier:BETWEEN,value:$from,value2:$to}},filter:{per_page:0}){count}}",
                Map.of("from", from, "to", to));
    }

    /**
     * Single look-ups of ids, aliased {@code a0, a1, ...} in the order given; a missing id answers null. Not for scene
     * markers, which have no single look-up (see {@link #markersByIds}).
     *
     * @param ids    distinct ids
     * @param fields {@link FieldSet#IDS} to probe, {@link FieldSet#FULL} to fetch
     */
    Document singles(EntityType type, List<Integer> ids, FieldSet fields) {
        StashType t = stashType(type);
        if (t.singleQuery() == null) {
            throw new IllegalArgumentException(type + " has no single look-up in Stash");
        }
        // ids go in variables: Stash caches a document by its text, so a batch of n ids costs one parse per n
        StringBuilder declarations = new StringBuilder();
        StringBuilder q = new StringBuilder();
        Map<String, Object> variables = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            String alias = alias(i);
            declarations.append(i == 0 ? "" : ",").append('$').append(alias).append(":ID!");
            q.append(i == 0 ? "" : " ").append(alias).append(':').append(t.singleQuery()).append("(id:$")
                    .append(alias).append("){").append(selection(t, fields)).append('}');
            variables.put(alias, String.valueOf(ids.get(i)));
        }
        return new Document("query(" + declarations + "){" + q + "}" + definitions(t, fields), variables);
    }

    /**
     * Scene markers by id. Stash fails the whole query when one id is missing, with the message
     * {@code scene marker with id N not found}; the caller drops that id and asks again.
     *
     * @param ids    distinct ids, not empty (an empty list means "no id filter" to Stash)
     * @param fields {@link FieldSet#IDS} to probe, {@link FieldSet#FULL} to fetch
     */
    Document markersByIds(List<Integer> ids, FieldSet fields) {
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("no ids: Stash would list every marker");
        }
        StashType t = stashType(EntityType.SCENE_MARKER);
        return new Document("query($ids:[ID!]){" + t.listQuery() + "(ids:$ids){" + t.resultField() + "{"
                + selection(t, fields) + "}}}" + definitions(t, fields),
                Map.of("ids", ids.stream().map(String::valueOf).toList()));
    }

    /** Stash's totals of every type it counts in {@code stats} (all but markers). */
    Document stats() {
        return new Document("{stats{" + String.join(" ", STATS_FIELDS.values()) + "}}", Map.of());
    }

    Document version() {
        return new Document("{version{version hash build_time}}", Map.of());
    }

    Document systemStatus() {
        return new Document("{systemStatus{status databaseSchema appSchema}}", Map.of());
    }

    Document jobQueue() {
        return new Document("{jobQueue{id status description progress}}", Map.of());
    }

    /** Installs packages of type Plugin from a source; answers the install job's id. */
    Document installPluginPackage(String packageId, URI sourceUrl) {
        return new Document("mutation($packages:[PackageSpecInput!]!){installPackages(type:Plugin,packages:$packages)}",
                Map.of("packages", List.of(Map.of("id", packageId, "sourceURL", sourceUrl.toString()))));
    }

    /** One job by id, also once it ended (Stash keeps the last ended jobs for a while). */
    Document findJob(int id) {
        return new Document("query($id:ID!){findJob(input:{id:$id}){id status description progress error}}",
                Map.of("id", String.valueOf(id)));
    }

    /** Enables or disables plugins by id; plugins not in the map keep their state. */
    Document setPluginsEnabled(Map<String, Boolean> enabled) {
        return new Document("mutation($enabled:BoolMap!){setPluginsEnabled(enabledMap:$enabled)}",
                Map.of("enabled", enabled));
    }

    Document plugins() {
        return new Document("{plugins{id name version enabled}}", Map.of());
    }

    /** The plugin packages a source's index offers, as Stash reads it. */
    Document availablePluginPackages(URI sourceUrl) {
        return new Document("query($source:String!){availablePackages(type:Plugin,source:$source){package_id name "
                + "version}}", Map.of("source", sourceUrl.toString()));
    }

    /** @return the response key of the {@code i}-th aliased look-up */
    static String alias(int i) {
        return "a" + i;
    }

    private static String selection(StashType t, FieldSet fields) {
        return switch (fields) {
            case FULL -> "..." + t.fragment();
            case IDS -> "id";
            case COUNTERS -> COUNTER_FIELDS;
        };
    }

    private String definitions(StashType t, FieldSet fields) {
        return fields == FieldSet.FULL ? fragments.definitions(t.fragment()) : "";
    }

    private static Map<EntityType, String> statsFields() {
        Map<EntityType, String> m = new EnumMap<>(EntityType.class);
        m.put(EntityType.TAG, "tag_count");
        m.put(EntityType.STUDIO, "studio_count");
        m.put(EntityType.PERFORMER, "performer_count");
        m.put(EntityType.GROUP, "group_count");
        m.put(EntityType.GALLERY, "gallery_count");
        m.put(EntityType.SCENE, "scene_count");
        m.put(EntityType.IMAGE, "image_count");
        return m;
    }
}
