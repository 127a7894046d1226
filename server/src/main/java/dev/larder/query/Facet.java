package dev.larder.query;

import dev.larder.model.EntityType;
import dev.larder.model.query.Resolution;
import dev.larder.model.stats.DateInterval;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * One way the entities of a type group, for facets ("Tag X (1,204)") and top lists: by a related entity (its tags,
 * its studio) or by a bucket of one of its values (the resolution class of its primary file, the year of its
 * date). An entity is in one group per related entity it has, and in no group when it has none or no value.
 * Related entities that Stash no longer has are no group. Declared by the table families in their {@link QuerySpec};
 * the SQL is joined to the set's table {@code t}, with aliases of its own ({@code fj}, {@code fo}, {@code ff}).
 *
 * @param name  the facet's name in requests ({@code tags}, {@code resolution})
 * @param type  the related type, whose id and name a group carries; null for buckets
 * @param join  SQL joined to {@code {t}} that yields the value, one row per group the entity is in; may be empty
 * @param value SQL of the group over {@code {t}} and the join: the related id, or the bucket as text; NULL for none
 * @param label SQL of the related entity's name, {@code NULL} for buckets
 */
record Facet(String name, EntityType type, String join, String value, String label) {

    /**
     * Groups by related entities listed in a join table ({@code scene_tags}).
     *
     * @param name        the facet's name
     * @param type        the related type
     * @param joinTable   the join table
     * @param ownerColumn its column holding the entity's id
     * @param otherColumn its column holding the related id
     * @param otherTable  the related entity table
     * @param nameColumn  the related entity's display column ({@code name} or {@code title})
     * @return the facet
     */
    static Facet related(String name, EntityType type, String joinTable, String ownerColumn, String otherColumn,
                         String otherTable, String nameColumn) {
        return new Facet(name, type, "JOIN " + joinTable + " fj ON fj." + ownerColumn + " = {t}.id JOIN " + otherTable
                + " fo ON fo.id = fj." + otherColumn + " AND fo.deleted_at IS NULL", "fo.id", "fo." + nameColumn);
    }

    /**
     * Groups by the related entity a column of the entity's own table holds ({@code scenes.studio_id}).
     *
     * @param name       the facet's name
     * @param type       the related type
     * @param column     SQL over {@code {t}} holding the related id
     * @param otherTable the related entity table
     * @param nameColumn the related entity's display column
     * @return the facet
     */
    static Facet reference(String name, EntityType type, String column, String otherTable, String nameColumn) {
        return new Facet(name, type, "JOIN " + otherTable + " fo ON fo.id = " + column + " AND fo.deleted_at IS NULL",
                "fo.id", "fo." + nameColumn);
    }

    /**
     * Groups by Stash's resolution class ({@code ResolutionEnum}) of the shorter side of a file, so that each count
     * equals what Stash's filter {@code resolution: {value: X, modifier: EQUALS}} matches on that file. Stash's
     * deprecated {@code VR_HD} lies inside {@code FOUR_K}, which holds its files; sides outside every class are
     * no group.
     *
     * @param name   the facet's name
     * @param join   SQL joining the file to {@code {t}}, as {@code ff}
     * @param width  SQL of the file's width
     * @param height SQL of the file's height
     * @return the facet
     */
    static Facet resolution(String name, String join, String width, String height) {
        String side = "min(" + width + ", " + height + ")";
        String classes = Arrays.stream(Resolution.values()).filter(r -> r != Resolution.VR_HD)
                .map(r -> " WHEN " + side + " BETWEEN " + r.minResolution() + " AND " + r.maxResolution()
                        + " THEN '" + r.name() + "'")
                .collect(Collectors.joining());
        return new Facet(name, null, join, "CASE" + classes + " END", "NULL");
    }

    /**
     * Groups by the year of a date.
     *
     * @param name the facet's name
     * @param date SQL over {@code {t}} of ISO-8601 text ({@code YYYY-MM-DD}) or NULL
     * @return the facet
     */
    static Facet year(String name, String date) {
        return new Facet(name, null, "", DateDistributions.period(DateInterval.YEAR, date), "NULL");
    }
}
