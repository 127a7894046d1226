package dev.larder.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Test support: small hand-made entities in the sync fragments' shape (members left out are stored as null). */
final class Entities {

    private Entities() {
    }

    static ObjectNode entity(int id) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", Integer.toString(id));
        return node;
    }

    /** @return {@code [{"id": "a"}, {"id": "b"}, ...]} */
    static ArrayNode refs(int... ids) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (int id : ids) {
            array.addObject().put("id", Integer.toString(id));
        }
        return array;
    }

    static ObjectNode tag(int id, String name, int... parents) {
        ObjectNode tag = entity(id).put("name", name);
        tag.set("parents", refs(parents));
        return tag;
    }

    static ObjectNode scene(int id, String title, int... tags) {
        ObjectNode scene = entity(id).put("title", title);
        scene.set("tags", refs(tags));
        return scene;
    }
}
