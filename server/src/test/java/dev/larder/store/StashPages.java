package dev.larder.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.larder.emulator.StashEmulator;
import dev.larder.model.EntityType;
import graphql.ExecutionResult;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test support: entities of a type from the emulator, as Stash returns them for Larder's sync fragments. */
final class StashPages {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String FRAGMENTS = fragments();

    private StashPages() {
    }

    /** @return the types that Stash lists with a find query (chapters come inside galleries) */
    static List<EntityType> listedTypes() {
        return java.util.Arrays.stream(EntityType.values()).filter(t -> t != EntityType.GALLERY_CHAPTER).toList();
    }

    /**
     * @return one page, sorted by id; entities normalised as a JSON parser would produce them
     */
    static List<ObjectNode> page(StashEmulator emulator, EntityType type, int page, int perPage) {
        String fragment = type.graphqlName() + "Fields";
        String query = "find" + (type == EntityType.GALLERY ? "Galleries" : type.graphqlName() + "s");
        String document = document(fragment) + "\nquery($p:Int!,$n:Int!){ " + query
                          + "(filter:{page:$p, per_page:$n, sort:\"id\", direction:ASC}){ " + type.pluralName()
                          + " { ..." + fragment + " } } }";
        ExecutionResult result = emulator.execute(document, Map.of("p", page, "n", perPage));
        if (!result.getErrors().isEmpty()) {
            throw new IllegalStateException(result.getErrors().toString());
        }
        JsonNode data = normalise(MAPPER.valueToTree(result.getData()));
        List<ObjectNode> entities = new ArrayList<>();
        data.get(query).get(type.pluralName()).forEach(e -> entities.add((ObjectNode) e));
        return entities;
    }

    /** @return every entity of the type */
    static List<ObjectNode> all(StashEmulator emulator, EntityType type) {
        List<ObjectNode> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            List<ObjectNode> entities = page(emulator, type, page, 1000);
            all.addAll(entities);
            if (entities.size() < 1000) {
                return all;
            }
        }
    }

    /** Round-trips through text so that numbers get the node types a parser gives them. */
    static JsonNode normalise(JsonNode node) {
        try {
            return MAPPER.readTree(MAPPER.writeValueAsString(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What the store should hand back: the same JSON with every URL of the emulator reduced to its path and
     * query, without the {@code apikey} parameter.
     */
    static JsonNode expectedStored(JsonNode entity, String baseUrl) {
        JsonNode copy = entity.deepCopy();
        strip(copy, baseUrl);
        return copy;
    }

    private static void strip(JsonNode node, String baseUrl) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<String> keys = new ArrayList<>();
            fields.forEachRemaining(e -> keys.add(e.getKey()));
            for (String key : keys) {
                JsonNode value = object.get(key);
                if (value.isTextual() && value.asText().startsWith(baseUrl)) {
                    object.set(key, TextNode.valueOf(withoutKey(value.asText().substring(baseUrl.length()))));
                } else {
                    strip(value, baseUrl);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(e -> strip(e, baseUrl));
        }
    }

    private static String withoutKey(String path) {
        return path.replaceAll("([?&])apikey=[^&]*&?", "$1").replaceAll("[?&]$", "");
    }

    /** The fragment and the fragments it spreads. */
    private static String document(String fragment) {
        StringBuilder document = new StringBuilder(block(fragment));
        Matcher spreads = Pattern.compile("\\.\\.\\.(\\w+Fields)").matcher(block(fragment));
        java.util.Set<String> added = new java.util.HashSet<>();
        while (spreads.find()) {
            if (added.add(spreads.group(1))) {
                document.append('\n').append(block(spreads.group(1)));
            }
        }
        return document.toString();
    }

    private static String block(String fragment) {
        for (String block : FRAGMENTS.split("(?m)^(?=fragment )")) {
            if (block.startsWith("fragment " + fragment + " ")) {
                return block;
            }
        }
        throw new IllegalArgumentException("no fragment " + fragment);
    }

    private static String fragments() {
        try (InputStream in = StashPages.class.getResourceAsStream("/dev/larder/stash/sync-fields.graphql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
