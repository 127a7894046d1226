package dev.larder.bench;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads a GraphQL response {@code {"data":{"findScenes":{"count":N,"scenes":[{"id":"7",...},...]}}}} as a stream:
 * counts the scenes and follows their ids without building any tree, so its memory does not grow with the page.
 * Fields other than {@code count} and the scenes' own {@code id} (nested ids such as {@code studio{id}} included) are
 * skipped. Thread-safe (stateless).
 */
final class ScenePageReader {
    private static final JsonFactory FACTORY = new JsonFactory();

    /**
     * @param json the response body, read to its end but not closed
     * @return the page's summary
     * @throws IOException if the body is not JSON, carries GraphQL {@code errors}, lacks {@code data.findScenes}, or
     *                     holds an id that is not an integer
     */
    ScenePage read(InputStream json) throws IOException {
        try (JsonParser parser = FACTORY.createParser(json)) {
            parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            expect(parser.nextToken(), JsonToken.START_OBJECT, "the response");
            ScenePage page = null;
            String error = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "data" -> page = readData(parser);
                    case "errors" -> error = firstErrorMessage(parser);
                    default -> parser.skipChildren();
                }
            }
            if (error != null) {
                throw new IOException("GraphQL error: " + error);
            }
            if (page == null) {
                throw new IOException("the response has no data.findScenes");
            }
            return page;
        }
    }

    private static ScenePage readData(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(parser.currentToken(), JsonToken.START_OBJECT, "data");
        ScenePage page = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            if (field.equals("findScenes") && parser.currentToken() == JsonToken.START_OBJECT) {
                page = readFindScenes(parser);
            } else {
                parser.skipChildren();
            }
        }
        return page;
    }

    private static ScenePage readFindScenes(JsonParser parser) throws IOException {
        long count = -1;
        IdRun ids = new IdRun();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "count" -> count = parser.getLongValue();
                case "scenes" -> readScenes(parser, ids);
                default -> parser.skipChildren();
            }
        }
        if (count < 0) {
            throw new IOException("findScenes has no count");
        }
        return new ScenePage(count, ids.rows, ids.first, ids.last, ids.ascending);
    }

    private static void readScenes(JsonParser parser, IdRun ids) throws IOException {
        expect(parser.currentToken(), JsonToken.START_ARRAY, "scenes");
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            long id = 0;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals("id")) {
                    id = parseId(parser.getValueAsString());
                } else {
                    parser.skipChildren();
                }
            }
            ids.add(id);
        }
        expect(parser.currentToken(), JsonToken.END_ARRAY, "the end of scenes");
    }

    private static String firstErrorMessage(JsonParser parser) throws IOException {
        String message = null;
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return "(malformed errors)";
        }
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals("message") && message == null) {
                    message = parser.getValueAsString();
                } else {
                    parser.skipChildren();
                }
            }
        }
        return message == null ? "(no message)" : message;
    }

    private static long parseId(String text) throws IOException {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IOException("a scene id is not an integer: " + text, e);
        }
    }

    private static void expect(JsonToken actual, JsonToken expected, String what) throws IOException {
        if (actual != expected) {
            throw new IOException("expected " + expected + " at " + what + ", found " + actual);
        }
    }

    /** The ids of one page as they go by. */
    private static final class IdRun {
        private int rows;
        private long first;
        private long last;
        private boolean ascending = true;

        void add(long id) {
            if (rows == 0) {
                first = id;
            } else if (id <= last) {
                ascending = false;
            }
            last = id;
            rows++;
        }
    }
}
