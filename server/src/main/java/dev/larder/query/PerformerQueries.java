package dev.larder.query;

import dev.larder.model.EntityType;
import dev.larder.model.query.CircumcisionCriterion;
import dev.larder.model.query.CriterionModifier;
import dev.larder.model.query.GenderCriterion;
import dev.larder.model.query.HierarchicalMultiCriterion;
import dev.larder.model.query.InputObject;
import dev.larder.model.query.MultiCriterion;
import dev.larder.query.ItemShape.Field;
import dev.larder.query.ItemShape.Kind;
import dev.larder.query.ItemShape.Media;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The performer family's query SQL: the criteria of Stash's {@code PerformerFilterType} that Larder answers
 * ({@code pkg/sqlite/performer_filter.go}), the performer sorts ({@code performer.go}) and the compact performer item.
 * Counts, sums and the latest play over a performer's scenes, images and galleries come from L2's tallies. Not
 * answered: {@code custom_fields} (L2 keeps none) and the sort {@code last_o_at} (L2 keeps no o dates).
 */
final class PerformerQueries {

    private static final Tally TALLY = new Tally("performer_tallies", "performer_id");

    /** Stash's age: whole years from the birthdate to the death date, or to today (UTC) for the living. */
    private static final String AGE = "CAST(IFNULL(strftime('%Y.%m%d', {t}.death_date), strftime('%Y.%m%d', 'now'))"
                                      + " - strftime('%Y.%m%d', {t}.birthdate) AS INTEGER)";

    /** The performer's works: its scenes, images and galleries, each through its join table. */
    private record Work(String joinTable, String table, String column) {

        /** @return SQL: the performer {@code id} has a live work of this kind that satisfies the condition */
        Where exists(Scope scope, String id, Function<String, String> condition) {
            String j = scope.freshAlias();
            String w = scope.freshAlias();
            return Where.of("EXISTS (SELECT 1 FROM " + joinTable + " " + j + " JOIN " + table + " " + w + " ON " + w
                    + ".id = " + j + "." + column + " AND " + w + ".deleted_at IS NULL WHERE " + j + ".performer_id = "
                    + id + " AND " + condition.apply(w) + ")");
        }
    }

    private static final List<Work> WORKS = List.of(new Work("scene_performers", "scenes", "scene_id"),
            new Work("image_performers", "images", "image_id"),
            new Work("gallery_performers", "galleries", "gallery_id"));
    private static final Work SCENES = WORKS.getFirst();

    static final QuerySpec SPEC = QuerySpec.builder(EntityType.PERFORMER, "performers", "PerformerFilterType")
            .criterion("name", Criteria.text("{t}.name"))
            .criterion("disambiguation", Criteria.text("{t}.disambiguation"))
            .criterion("details", Criteria.text("{t}.details"))
            .criterion("filter_favorites", Criteria.bool("{t}.favorite"))
            .criterion("birth_year", Criteria.integer(year("{t}.birthdate")))
            .criterion("age", Criteria.integer(AGE))
            .criterion("ethnicity", Criteria.text("{t}.ethnicity"))
            .criterion("country", Criteria.text("{t}.country"))
            .criterion("eye_color", Criteria.text("{t}.eye_color"))
            .criterion("height_cm", Criteria.integer("{t}.height_cm"))
            .criterion("measurements", Criteria.text("{t}.measurements"))
            .criterion("fake_tits", Criteria.text("{t}.fake_tits"))
            .criterion("penis_length", Criteria.real("{t}.penis_length"))
            .criterion("circumcised", (value, scope, path) -> {
                CircumcisionCriterion c = CircumcisionCriterion.from((InputObject) value);
                return Criteria.enumeration(scope.sql("{t}.circumcised"), c.modifier(), c.value() == null ? List.of()
                        : c.value().stream().map(Enum::name).toList(), path);
            })
            .criterion("career_length", Criteria.text("{t}.career_length"))
            .criterion("tattoos", Criteria.text("{t}.tattoos"))
            .criterion("piercings", Criteria.text("{t}.piercings"))
            .criterion("aliases", Criteria.textList("{t}.alias_list"))
            .criterion("gender", (value, scope, path) -> {
                GenderCriterion c = GenderCriterion.from((InputObject) value);
                // Stash takes value_list, or value alone when the list is empty
                List<String> genders = c.valueList() != null && !c.valueList().isEmpty()
                        ? c.valueList().stream().map(Enum::name).toList()
                        : c.value() == null ? List.of() : List.of(c.value().name());
                return Criteria.enumeration(scope.sql("{t}.gender"), c.modifier(), genders, path);
            })
            .criterion("is_missing", Criteria.isMissing(missing(), EntityType.SCENE))
            .criterion("tags", Criteria.hierarchical("performer_tags", "performer_id", "tag_id", "tag_closure",
                    EntityType.TAG))
            .criterion("tag_count", Criteria.count("performer_tags", "performer_id"))
            .criterion("scene_count", Criteria.integer(TALLY.sum("scene_count"), EntityType.SCENE))
            .criterion("image_count", Criteria.integer(TALLY.sum("image_count"), EntityType.IMAGE))
            .criterion("gallery_count", Criteria.integer(TALLY.sum("gallery_count"), EntityType.GALLERY))
            .criterion("play_count", Criteria.integer(TALLY.sum("play_count"), EntityType.SCENE))
            .criterion("o_counter", Criteria.integer(TALLY.sum("o_counter"), EntityType.SCENE, EntityType.IMAGE))
            .criterion("stash_id_endpoint", Criteria.stashIds("{t}.stash_ids"))
            .criterion("rating100", Criteria.integer("{t}.rating100"))
            .criterion("url", Criteria.textList("{t}.urls"))
            .criterion("hair_color", Criteria.text("{t}.hair_color"))
            .criterion("weight", Criteria.integer("{t}.weight"))
            .criterion("death_year", Criteria.integer(year("{t}.death_date")))
            .criterion("studios", PerformerQueries::studios)
            .criterion("groups", PerformerQueries::groups)
            .criterion("performers", PerformerQueries::appearsWith)
            .criterion("ignore_auto_tag", Criteria.bool("{t}.ignore_auto_tag"))
            .criterion("birthdate", Criteria.date("{t}.birthdate"))
            .criterion("death_date", Criteria.date("{t}.death_date"))
            .criterion("scenes_filter", Criteria.relatedFilter(EntityType.SCENE, "scene_performers", "performer_id",
                    "scene_id"))
            .criterion("images_filter", Criteria.relatedFilter(EntityType.IMAGE, "image_performers", "performer_id",
                    "image_id"))
            .criterion("galleries_filter", Criteria.relatedFilter(EntityType.GALLERY, "gallery_performers",
                    "performer_id", "gallery_id"))
            .criterion("tags_filter", Criteria.relatedFilter(EntityType.TAG, "performer_tags", "performer_id",
                    "tag_id"))
            .criterion("created_at", Criteria.timestamp("{t}.created_at"))
            .criterion("updated_at", Criteria.timestamp("{t}.updated_at"))
            .sort("id", "{t}.id")
            .sort("name", "coalesce({t}.name, '') COLLATE NOCASE")
            .sort("birthdate", "coalesce({t}.birthdate, '')")
            .sort("career_length", "coalesce({t}.career_length, '')")
            .sort("measurements", "coalesce({t}.measurements, '')")
            .sort("height", "coalesce({t}.height_cm, -1)")
            .sort("weight", "coalesce({t}.weight, -1)")
            .sort("penis_length", "coalesce({t}.penis_length, -1)")
            .sort("rating", "coalesce({t}.rating100, -1)")
            .sort("created_at", "coalesce({t}.created_at, '')")
            .sort("updated_at", "coalesce({t}.updated_at, '')")
            .sort("tag_count", "(SELECT count(*) FROM performer_tags s WHERE s.performer_id = {t}.id)")
            .sort("scenes_count", TALLY.sum("scene_count"), EntityType.SCENE)
            .sort("images_count", TALLY.sum("image_count"), EntityType.IMAGE)
            .sort("galleries_count", TALLY.sum("gallery_count"), EntityType.GALLERY)
            .sort("o_counter", TALLY.sum("o_counter"), EntityType.SCENE, EntityType.IMAGE)
            .sort("play_count", TALLY.sum("play_count"), EntityType.SCENE)
            .sort("scenes_duration", TALLY.sum("scenes_duration"), EntityType.SCENE)
            .sort("last_played_at", TALLY.latest("last_played_at"), EntityType.SCENE)
            .defaultSort("name")
            .fullText("performers_fts")
            .item(new ItemShape("",
                    List.of(new Field("name", "{t}.name", Kind.TEXT),
                            new Field("disambiguation", "{t}.disambiguation", Kind.TEXT),
                            new Field("gender", "{t}.gender", Kind.TEXT),
                            new Field("birthdate", "{t}.birthdate", Kind.TEXT),
                            new Field("country", "{t}.country", Kind.TEXT),
                            new Field("favorite", "{t}.favorite", Kind.BOOL),
                            new Field("rating100", "{t}.rating100", Kind.INT),
                            new Field("scene_count", TALLY.sum("scene_count"), Kind.INT, Set.of(EntityType.SCENE)),
                            new Field("image_count", TALLY.sum("image_count"), Kind.INT, Set.of(EntityType.IMAGE)),
                            new Field("gallery_count", TALLY.sum("gallery_count"), Kind.INT,
                                    Set.of(EntityType.GALLERY)),
                            new Field("o_counter", TALLY.sum("o_counter"), Kind.INT,
                                    Set.of(EntityType.SCENE, EntityType.IMAGE))),
                    List.of(),
                    List.of(new Media("image", "image_path"))))
            .build();

    private PerformerQueries() {
    }

    private static String year(String dateColumn) {
        return "CAST(strftime('%Y', " + dateColumn + ") AS INTEGER)";
    }

    /**
     * Stash's {@code is_missing} names for performers: its special ones, then the performer columns it tests for
     * blanks (by Stash's column name: {@code height} is L2's {@code height_cm}, {@code rating} its
     * {@code rating100}).
     */
    private static Map<String, String> missing() {
        Map<String, String> missing = new LinkedHashMap<>();
        missing.put("url", Criteria.emptyList("{t}.urls"));
        missing.put("scenes", "NOT EXISTS (SELECT 1 FROM scene_performers m JOIN scenes s ON s.id = m.scene_id"
                              + " AND s.deleted_at IS NULL WHERE m.performer_id = {t}.id)");
        missing.put("image", Criteria.noImage("{t}.image_path"));
        missing.put("stash_id", Criteria.emptyList("{t}.stash_ids"));
        missing.put("aliases", Criteria.emptyList("{t}.alias_list"));
        for (String column : List.of("name", "disambiguation", "gender", "birthdate", "death_date", "ethnicity",
                "country", "eye_color", "hair_color", "height", "weight", "measurements", "fake_tits",
                "penis_length", "circumcised", "career_length", "tattoos", "piercings", "details", "rating")) {
            String l2 = switch (column) {
                case "height" -> "height_cm";
                case "rating" -> "rating100";
                default -> column;
            };
            missing.put(column, Criteria.blank("{t}." + l2));
        }
        return missing;
    }

    /**
     * Stash's {@code studios} of performers: the studios of the performer's live scenes, images and galleries, each
     * id standing for itself and its sub-studios down to {@code depth}. INCLUDES: a work at one of them; EXCLUDES
     * and {@code excludes}: none. IS_NULL, as Stash's three left joins leave it: for each kind, no work or one
     * without a studio; NOT_NULL: some work with a studio. Stash ignores other modifiers; Larder refuses them.
     */
    private static Where studios(Object value, Scope scope, String path) {
        HierarchicalMultiCriterion c = HierarchicalMultiCriterion.from((InputObject) value);
        Criteria.requireModifier(c.modifier(), EnumSet.of(CriterionModifier.INCLUDES, CriterionModifier.EXCLUDES,
                CriterionModifier.IS_NULL, CriterionModifier.NOT_NULL), path);
        scope.reads(EntityType.SCENE, EntityType.IMAGE, EntityType.GALLERY, EntityType.STUDIO);
        String id = scope.alias() + ".id";
        if (c.modifier() == CriterionModifier.IS_NULL) {
            return Where.all(WORKS.stream().map(work -> work.exists(scope, id, w -> "1").not()
                    .or(work.exists(scope, id, w -> w + ".studio_id IS NULL"))).toList());
        }
        if (c.modifier() == CriterionModifier.NOT_NULL) {
            return Where.any(WORKS.stream().map(work -> work.exists(scope, id, w -> w + ".studio_id IS NOT NULL"))
                    .toList());
        }
        int depth = Criteria.depth(c.depth(), path);
        List<Where> parts = new ArrayList<>();
        List<Integer> values = Criteria.ids(c.value(), path + ".value");
        if (!values.isEmpty()) {
            Where some = atStudios(scope, id, values, depth);
            parts.add(c.modifier() == CriterionModifier.INCLUDES ? some : some.not());
        }
        List<Integer> excludes = Criteria.ids(c.excludes(), path + ".excludes");
        if (!excludes.isEmpty()) {
            parts.add(atStudios(scope, id, excludes, depth).not());
        }
        return Where.all(parts);
    }

    private static Where atStudios(Scope scope, String id, List<Integer> studios, int depth) {
        String in = Criteria.descendants("studio_closure", new LinkedHashSet<>(studios), depth);
        return Where.any(WORKS.stream().map(work -> work.exists(scope, id, w -> w + ".studio_id IN (" + in + ")"))
                .toList());
    }

    /**
     * Stash's {@code groups} of performers: the groups of the performer's live scenes, each id standing for itself
     * and its sub-groups down to {@code depth}. INCLUDES: a scene in one of them; EXCLUDES: none. IS_NULL: no scene,
     * or one in no group; NOT_NULL: a scene in a group. Stash ignores other modifiers and {@code excludes}; Larder
     * refuses them.
     */
    private static Where groups(Object value, Scope scope, String path) {
        HierarchicalMultiCriterion c = HierarchicalMultiCriterion.from((InputObject) value);
        Criteria.requireModifier(c.modifier(), EnumSet.of(CriterionModifier.INCLUDES, CriterionModifier.EXCLUDES,
                CriterionModifier.IS_NULL, CriterionModifier.NOT_NULL), path);
        Criteria.refuseExcludes(c.excludes(), path);
        scope.reads(EntityType.SCENE, EntityType.GROUP);
        String id = scope.alias() + ".id";
        String g = scope.freshAlias();
        Function<String, String> grouped = w -> "EXISTS (SELECT 1 FROM scene_groups " + g + " WHERE " + g
                + ".scene_id = " + w + ".id)";
        switch (c.modifier()) {
            case IS_NULL -> {
                return SCENES.exists(scope, id, w -> "1").not().or(SCENES.exists(scope, id,
                        w -> "NOT " + grouped.apply(w)));
            }
            case NOT_NULL -> {
                return SCENES.exists(scope, id, grouped);
            }
            default -> {
                List<Integer> values = Criteria.ids(c.value(), path + ".value");
                if (values.isEmpty()) {
                    return Where.TRUE;
                }
                // Stash's hierarchy starts from the groups' rows in groups_relations, so it leaves out a group
                // that is in no other; Larder takes every group given, as the criterion means
                String in = Criteria.descendants("group_closure", new LinkedHashSet<>(values),
                        Criteria.depth(c.depth(), path));
                Where some = SCENES.exists(scope, id, w -> "EXISTS (SELECT 1 FROM scene_groups " + g + " WHERE "
                        + g + ".scene_id = " + w + ".id AND " + g + ".group_id IN (" + in + "))");
                return c.modifier() == CriterionModifier.INCLUDES ? some : some.not();
            }
        }
    }

    /**
     * Stash's {@code performers} of performers: those who appear in a live scene, image or gallery with one of the
     * given performers (INCLUDES), or with every one of them within scenes, within images or within galleries
     * (INCLUDES_ALL; a given performer never counts as appearing with itself). Stash runs other modifiers as
     * INCLUDES and ignores {@code excludes}; Larder refuses them.
     */
    private static Where appearsWith(Object value, Scope scope, String path) {
        MultiCriterion c = MultiCriterion.from((InputObject) value);
        Criteria.requireModifier(c.modifier(), EnumSet.of(CriterionModifier.INCLUDES,
                CriterionModifier.INCLUDES_ALL), path);
        Criteria.refuseExcludes(c.excludes(), path);
        scope.reads(EntityType.SCENE, EntityType.IMAGE, EntityType.GALLERY);
        List<Integer> values = Criteria.ids(c.value(), path + ".value");
        if (values.isEmpty()) {
            return Where.TRUE;
        }
        String id = scope.alias() + ".id";
        List<Where> kinds = new ArrayList<>();
        for (Work work : WORKS) {
            Function<String, Where> with = others -> work.exists(scope, id, w -> {
                String b = scope.freshAlias();
                return "EXISTS (SELECT 1 FROM " + work.joinTable() + " " + b + " WHERE " + b + "." + work.column()
                        + " = " + w + ".id AND " + b + ".performer_id IN (" + others + ") AND " + b
                        + ".performer_id != " + id + ")";
            });
            if (c.modifier() == CriterionModifier.INCLUDES) {
                kinds.add(with.apply(join(values)));
            } else {
                kinds.add(Where.all(values.stream().map(v -> with.apply(String.valueOf(v))).toList()));
            }
        }
        return Where.any(kinds);
    }

    private static String join(List<Integer> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }
}
