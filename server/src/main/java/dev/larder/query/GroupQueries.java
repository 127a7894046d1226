package dev.larder.query;

import dev.larder.model.EntityType;
import dev.larder.model.query.CriterionModifier;
import dev.larder.model.query.InputObject;
import dev.larder.model.query.MultiCriterion;
import dev.larder.query.ItemShape.Field;
import dev.larder.query.ItemShape.Kind;
import dev.larder.query.ItemShape.Media;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The group family's query SQL: the criteria of Stash's {@code GroupFilterType} that Larder answers
 * ({@code pkg/sqlite/group_filter.go}), the group sorts ({@code group.go}) and the compact group item. Not
 * answered: the sort {@code sub_group_order} (L2 keeps no order of sub-groups within their group).
 */
final class GroupQueries {

    private static final Tally TALLY = new Tally("group_tallies", "group_id");
    /** The group's live scenes, as a FROM clause with the scene aliased {@code s} and the link {@code l}. */
    private static final String SCENES = "scene_groups l JOIN scenes s ON s.id = l.scene_id AND s.deleted_at IS NULL";

    static final QuerySpec SPEC = QuerySpec.builder(EntityType.GROUP, "groups", "GroupFilterType")
            .criterion("name", Criteria.text("{t}.name"))
            .criterion("director", Criteria.text("{t}.director"))
            .criterion("synopsis", Criteria.text("{t}.synopsis"))
            .criterion("duration", Criteria.integer("{t}.duration"))
            .criterion("rating100", Criteria.integer("{t}.rating100"))
            .criterion("studios", Criteria.hierarchicalColumn("{t}.studio_id", "studio_closure", EntityType.STUDIO))
            .criterion("is_missing", Criteria.isMissing(missing(), EntityType.SCENE))
            .criterion("url", Criteria.textList("{t}.urls"))
            .criterion("performers", GroupQueries::performers)
            .criterion("tags", Criteria.hierarchical("group_tags", "group_id", "tag_id", "tag_closure",
                    EntityType.TAG))
            .criterion("tag_count", Criteria.count("group_tags", "group_id"))
            .criterion("date", Criteria.date("{t}.date"))
            .criterion("created_at", Criteria.timestamp("{t}.created_at"))
            .criterion("updated_at", Criteria.timestamp("{t}.updated_at"))
            .criterion("o_counter", Criteria.integer(TALLY.sum("o_counter"), EntityType.SCENE))
            .criterion("containing_groups", Criteria.hierarchy("group_closure", true))
            .criterion("sub_groups", Criteria.hierarchy("group_closure", false))
            .criterion("containing_group_count", Criteria.integer(
                    "(SELECT count(*) FROM group_closure c WHERE c.descendant_id = {t}.id AND c.depth = 1)"))
            .criterion("sub_group_count", Criteria.integer(
                    "(SELECT count(*) FROM group_closure c WHERE c.ancestor_id = {t}.id AND c.depth = 1)"))
            .criterion("scenes_filter", Criteria.relatedFilter(EntityType.SCENE, "scene_groups", "group_id",
                    "scene_id"))
            .criterion("studios_filter", Criteria.relatedFilter(EntityType.STUDIO, null, null, "studio_id"))
            .sort("id", "{t}.id")
            .sort("name", "coalesce({t}.name, '') COLLATE NOCASE")
            .sort("date", "coalesce({t}.date, '')")
            .sort("duration", "coalesce({t}.duration, -1)")
            .sort("rating", "coalesce({t}.rating100, -1)")
            .sort("created_at", "coalesce({t}.created_at, '')")
            .sort("updated_at", "coalesce({t}.updated_at, '')")
            .sort("tag_count", "(SELECT count(*) FROM group_tags s WHERE s.group_id = {t}.id)")
            .sort("scenes_count", TALLY.sum("scene_count"), EntityType.SCENE)
            .sort("o_counter", TALLY.sum("o_counter"), EntityType.SCENE)
            .defaultSort("name")
            .fullText("groups_fts")
            .item(new ItemShape("",
                    List.of(new Field("name", "{t}.name", Kind.TEXT),
                            new Field("date", "{t}.date", Kind.TEXT),
                            new Field("duration", "{t}.duration", Kind.INT),
                            new Field("rating100", "{t}.rating100", Kind.INT),
                            new Field("scene_count", TALLY.sum("scene_count"), Kind.INT, Set.of(EntityType.SCENE))),
                    List.of(ItemShape.single("studio", EntityType.STUDIO, "groups", "studio_id", "studios", "name")),
                    List.of(new Media("front_image", "front_image_path"), new Media("back_image", "back_image_path"))))
            .build();

    private GroupQueries() {
    }

    /**
     * Stash's {@code is_missing} names for groups: its special ones, then the columns it tests for blanks (by
     * Stash's column name: {@code description} is the synopsis, {@code rating} L2's {@code rating100}; aliases are
     * one string, kept as JSON text). Stash returns no back image URL when a group has none.
     */
    private static Map<String, String> missing() {
        Map<String, String> missing = new LinkedHashMap<>();
        missing.put("front_image", Criteria.noImage("{t}.front_image_path"));
        missing.put("back_image", "{t}.back_image_path IS NULL");
        missing.put("scenes", "NOT EXISTS (SELECT 1 FROM " + SCENES + " WHERE l.group_id = {t}.id)");
        missing.put("name", Criteria.blank("{t}.name"));
        missing.put("aliases", Criteria.blank("json_extract({t}.aliases, '$')"));
        missing.put("duration", Criteria.blank("{t}.duration"));
        missing.put("date", Criteria.blank("{t}.date"));
        missing.put("rating", Criteria.blank("{t}.rating100"));
        missing.put("studio_id", Criteria.blank("{t}.studio_id"));
        missing.put("director", Criteria.blank("{t}.director"));
        missing.put("description", Criteria.blank("{t}.synopsis"));
        return missing;
    }

    /**
     * Stash's {@code performers} of groups: the performers of the group's live scenes. INCLUDES: one of them in
     * some scene; INCLUDES_ALL: each of them in some scene; EXCLUDES: none in any. IS_NULL: no scene, or one without
     * performers; NOT_NULL: a scene with a performer. Stash ignores other modifiers and {@code excludes}; Larder
     * refuses them.
     */
    private static Where performers(Object value, Scope scope, String path) {
        MultiCriterion c = MultiCriterion.from((InputObject) value);
        Criteria.requireModifier(c.modifier(), EnumSet.of(CriterionModifier.INCLUDES, CriterionModifier.INCLUDES_ALL,
                CriterionModifier.EXCLUDES, CriterionModifier.IS_NULL, CriterionModifier.NOT_NULL), path);
        Criteria.refuseExcludes(c.excludes(), path);
        scope.reads(EntityType.SCENE, EntityType.PERFORMER);
        String sceneOfGroup = "SELECT 1 FROM " + SCENES + " WHERE l.group_id = " + scope.alias() + ".id";
        String performer = "SELECT 1 FROM scene_performers p WHERE p.scene_id = s.id";
        switch (c.modifier()) {
            case IS_NULL -> {
                return Where.of("NOT EXISTS (" + sceneOfGroup + ") OR EXISTS (" + sceneOfGroup + " AND NOT EXISTS ("
                        + performer + "))");
            }
            case NOT_NULL -> {
                return Where.of("EXISTS (" + sceneOfGroup + " AND EXISTS (" + performer + "))");
            }
            default -> {
                List<Integer> ids = Criteria.ids(c.value(), path + ".value");
                if (ids.isEmpty()) {
                    return Where.TRUE;
                }
                if (c.modifier() == CriterionModifier.INCLUDES_ALL) {
                    return Where.all(ids.stream().map(id -> Where.of("EXISTS (" + sceneOfGroup + " AND EXISTS ("
                            + performer + " AND p.performer_id = " + id + "))")).toList());
                }
                Where some = Where.of("EXISTS (" + sceneOfGroup + " AND EXISTS (" + performer
                        + " AND p.performer_id IN (" + ids.stream().map(String::valueOf)
                        .collect(Collectors.joining(",")) + ")))");
                return c.modifier() == CriterionModifier.INCLUDES ? some : some.not();
            }
        }
    }
}
