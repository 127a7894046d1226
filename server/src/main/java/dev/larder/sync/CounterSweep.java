package dev.larder.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.larder.model.EntityType;
import dev.larder.stash.FieldSet;
import dev.larder.stash.PageRequest;
import dev.larder.stash.StashClient;
import dev.larder.store.Store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Catches the scene fields that change without bumping {@code updated_at} (STASH.md b.1): plays (by
 * {@code last_played_at}, kept in UTC by Stash), o's (by the latest o, newest first) and resume time / play duration
 * (which have no timestamp at all, so every scene's counters are compared with the store's, 5,000 at a time).
 * Changed scenes are fetched whole and written, so the store never holds a half-updated scene.
 */
final class CounterSweep {

    /** The fields {@link FieldSet#COUNTERS} carries besides the id. */
    private static final List<String> COUNTERS = List.of("resume_time", "play_duration", "play_count", "o_counter",
            "last_played_at");

    private final StashClient stash;
    private final Store store;
    private final SyncSettings settings;

    CounterSweep(StashClient stash, Store store, SyncSettings settings) {
        this.stash = stash;
        this.store = store;
        this.settings = settings;
    }

    /**
     * Runs the sweep.
     *
     * @param startedAt when the sweep began, as the UTC text that becomes the new play and o watermarks
     * @return the scenes rewritten
     */
    int run(String startedAt) {
        List<Integer> changed = new ArrayList<>();
        String plays = store.syncState(SyncStateKeys.PLAYS_WATERMARK).orElse(null);
        if (plays != null) {
            PageRequest played = PageRequest.first(EntityType.SCENE, settings.pageSize()).fields(FieldSet.IDS)
                    .playedAfter(StashTimestamps.toUtc(StashTimestamps.minus(plays, settings.overlap())));
            stash.walk(EntityType.SCENE, played, scene -> changed.add(scene.get("id").asInt()));
        }
        String os = store.syncState(SyncStateKeys.OS_WATERMARK).orElse(null);
        if (os != null) {
            stash.scenesWithOsAfter(StashTimestamps.minus(os, settings.overlap()), settings.pageSize(),
                    scene -> changed.add(scene.get("id").asInt()));
        }
        stash.walk(EntityType.SCENE, PageRequest.first(EntityType.SCENE, settings.idsPageSize())
                .fields(FieldSet.COUNTERS), new CounterComparison(changed)::check);
        EntitySink sink = new EntitySink(store, EntityType.SCENE, settings.pageSize());
        List<Integer> distinct = changed.stream().distinct().toList();
        if (!distinct.isEmpty()) {
            stash.fetchByIds(EntityType.SCENE, distinct, sink::upsert);
        }
        sink.flush(SyncStateKeys.PLAYS_WATERMARK, startedAt, SyncStateKeys.OS_WATERMARK, startedAt);
        return distinct.size();
    }

    /** Compares streamed counters with the store's, reading the store a range at a time. */
    private final class CounterComparison {

        private final List<Integer> changed;
        private Map<Integer, ObjectNode> stored = Map.of();
        private int storedTo;

        CounterComparison(List<Integer> changed) {
            this.changed = changed;
        }

        void check(ObjectNode remote) {
            int id = remote.get("id").asInt();
            if (id > storedTo) {
                storedTo = id + settings.idsPageSize() - 1;
                stored = store.sceneCounters(id, storedTo);
            }
            ObjectNode local = stored.get(id);
            if (local == null) {
                return; // not in the store yet: the deletion sweep fetches it
            }
            for (String field : COUNTERS) {
                if (!sameValue(remote.get(field), local.get(field))) {
                    changed.add(id);
                    return;
                }
            }
        }
    }

    private static boolean sameValue(JsonNode a, JsonNode b) {
        boolean aNull = a == null || a.isNull();
        boolean bNull = b == null || b.isNull();
        if (aNull || bNull) {
            return aNull == bNull;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.asDouble() == b.asDouble();
        }
        return Objects.equals(a.asText(), b.asText());
    }
}
