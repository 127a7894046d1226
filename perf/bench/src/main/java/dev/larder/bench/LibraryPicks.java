package dev.larder.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The entities the query classes filter by, picked by rank from the synced store rather than by id: the same
 * library spec always yields the same picks, and at every size they are equally prominent (the emulator shuffles
 * which ids are popular), so a class stays comparable from 50,000 to 1,000,000 scenes. Ties go to the lower id.
 *
 * @param tag1      the tag on the most scenes
 * @param tag2      the tag on the second most
 * @param rootTag   the root tag (one without parents) with the most descendant tags
 * @param performer the performer in the most scenes
 * @param studio    the studio with the most descendant studios
 */
record LibraryPicks(Pick tag1, Pick tag2, Pick rootTag, Pick performer, Pick studio) {

    /**
     * One picked entity.
     *
     * @param id   its id
     * @param name its name
     */
    record Pick(int id, String name) {
        @Override
        public String toString() {
            return id + " \"" + name + "\"";
        }
    }

    /**
     * @param store a read-only connection to the synced store
     * @return the picks
     * @throws SQLException when a pick finds nothing (an empty library)
     */
    static LibraryPicks find(Connection store) throws SQLException {
        String topTags = "SELECT tag_id FROM scene_tags GROUP BY tag_id ORDER BY count(*) DESC, tag_id LIMIT 1 OFFSET ?";
        return new LibraryPicks(
                pick(store, "tags", topTags, 0),
                pick(store, "tags", topTags, 1),
                pick(store, "tags", "SELECT c.ancestor_id FROM tag_closure c WHERE NOT EXISTS (SELECT 1 FROM "
                        + "tag_parents p WHERE p.tag_id = c.ancestor_id) GROUP BY c.ancestor_id "
                        + "ORDER BY count(*) DESC, c.ancestor_id LIMIT 1 OFFSET ?", 0),
                pick(store, "performers", "SELECT performer_id FROM scene_performers GROUP BY performer_id "
                        + "ORDER BY count(*) DESC, performer_id LIMIT 1 OFFSET ?", 0),
                pick(store, "studios", "SELECT ancestor_id FROM studio_closure GROUP BY ancestor_id "
                        + "ORDER BY count(*) DESC, ancestor_id LIMIT 1 OFFSET ?", 0));
    }

    private static Pick pick(Connection store, String table, String idQuery, int offset) throws SQLException {
        try (PreparedStatement s = store.prepareStatement("SELECT id, name FROM " + table + " WHERE id = ("
                + idQuery + ")")) {
            s.setInt(1, offset);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("the library has no " + table + " to pick from");
                }
                return new Pick(rs.getInt(1), rs.getString(2));
            }
        }
    }
}
