package dev.larder.stash;

import dev.larder.model.EntityType;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every GraphQL document Larder sends to Stash, by a readable name, with the variables it sends them with. */
final class LarderDocuments {

    private static final SyncDocuments DOCUMENTS = new SyncDocuments(Fragments.load());
    private static final URI PLUGIN_SOURCE = URI.create("http://larder:8080/stash-plugin/index.yml");

    private LarderDocuments() {
    }

    /**
     * The documents of syncs, which only read and run against any library: pages, counts, look-ups and probes of
     * every listed type, and what Stash says about itself.
     */
    static Map<String, SyncDocuments.Document> sync() {
        Map<String, SyncDocuments.Document> all = new LinkedHashMap<>();
        for (EntityType type : SyncDocuments.LISTED) {
            for (FieldSet fields : List.of(FieldSet.FULL, FieldSet.IDS)) {
                PageRequest first = PageRequest.first(type, 3).fields(fields);
                all.put(type + " page " + fields, DOCUMENTS.page(type, first));
                all.put(type + " page " + fields + " updated after",
                        DOCUMENTS.page(type, first.updatedAfter("2020-01-01T00:00:00+00:00")));
                all.put(type + " by ids " + fields, type == EntityType.SCENE_MARKER
                        ? DOCUMENTS.markersByIds(List.of(1, 2), fields)
                        : DOCUMENTS.singles(type, List.of(1, 2), fields));
            }
            all.put(type + " count", DOCUMENTS.count(type));
            if (SyncDocuments.hasIdCriterion(type)) {
                all.put(type + " range count", DOCUMENTS.countIdRange(type, 1, 100));
            }
        }
        PageRequest counters = PageRequest.first(EntityType.SCENE, 3).fields(FieldSet.COUNTERS);
        all.put("scene counters", DOCUMENTS.page(EntityType.SCENE, counters));
        all.put("scenes played after", DOCUMENTS.page(EntityType.SCENE, counters.playedAfter("2020-01-01T00:00:00Z")));
        all.put("scenes by last o", DOCUMENTS.scenesByLastO(1, 3));
        all.put("stats", DOCUMENTS.stats());
        all.put("version", DOCUMENTS.version());
        all.put("systemStatus", DOCUMENTS.systemStatus());
        all.put("jobQueue", DOCUMENTS.jobQueue());
        return all;
    }

    /** The sync documents, those that install and enable Larder's plugin, and the subscriptions. */
    static Map<String, SyncDocuments.Document> all() {
        Map<String, SyncDocuments.Document> all = new LinkedHashMap<>(sync());
        all.put("installPackages", DOCUMENTS.installPluginPackage("larder", PLUGIN_SOURCE));
        all.put("findJob", DOCUMENTS.findJob(7));
        all.put("plugins", DOCUMENTS.plugins());
        all.put("availablePackages", DOCUMENTS.availablePluginPackages(PLUGIN_SOURCE));
        all.put("setPluginsEnabled", DOCUMENTS.setPluginsEnabled(Map.of("larder", true)));
        StashSubscriptions.DOCUMENTS.forEach((name, query) ->
                all.put("subscription " + name, new SyncDocuments.Document(query, Map.of())));
        return all;
    }
}
