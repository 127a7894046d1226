package dev.larder.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.json.Json;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;

import org.junit.jupiter.api.Test;

class FieldValuesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String SCENE = """
            {"id":"7","title":"Été \\"quoted\\"","rating100":null,"organized":true,"interactive":false,
             "files":[{"duration":1234.5,"size":9007199254740993,"fingerprints":[{"type":"oshash","value":"ab"}]}],
             "tags":[{"id":"1"},{"id":"2"}],"studio":null,"o_history":[]}""";

    @Test
    void jacksonAndJsonPTreesOfTheSameJsonHashAlike() throws IOException {
        assertThat(FieldValues.of(JSON.readTree(SCENE)), is(FieldValues.of(jsonP(SCENE))));
    }

    @Test
    void aChangedValueOrOrderChangesTheHash() throws IOException {
        long scene = FieldValues.of(JSON.readTree(SCENE));

        assertThat(FieldValues.of(JSON.readTree(SCENE.replace("1234.5", "1234.6"))), is(not(scene)));
        assertThat(FieldValues.of(JSON.readTree(SCENE.replace("{\"id\":\"1\"},{\"id\":\"2\"}",
                "{\"id\":\"2\"},{\"id\":\"1\"}"))), is(not(scene)));
        assertThat(FieldValues.of(JSON.readTree(SCENE.replace("\"rating100\":null", "\"rating100\":false"))),
                is(not(scene)));
    }

    private static jakarta.json.JsonValue jsonP(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }
}
