package dev.larder.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ScenePageReaderTest {
    private final ScenePageReader reader = new ScenePageReader();

    @Test
    void countsScenesAndFollowsOnlyTheirOwnIds() throws IOException {
        ScenePage page = reader.read(json("""
                {"data":{"findScenes":{"count":1234,"scenes":[
                  {"id":"10","title":"a \\"quoted\\" [title]","studio":{"id":"999"},"tags":[{"id":"1"},{"id":"2"}],
                   "files":[{"id":"5","fingerprints":[{"type":"oshash","value":"ab"}]}],"rating100":null},
                  {"studio":null,"id":"11","performers":[]},
                  {"id":"40","groups":[{"group":{"id":"3"},"scene_index":null}]}
                ]}},"extensions":{"tracing":{"id":"0"}}}"""));

        assertThat(page, is(new ScenePage(1234, 3, 10, 40, true)));
    }

    @Test
    void noticesIdsThatDoNotAscend() throws IOException {
        ScenePage page = reader.read(json("""
                {"data":{"findScenes":{"scenes":[{"id":"3"},{"id":"5"},{"id":"5"}],"count":3}}}"""));

        assertThat(page, is(new ScenePage(3, 3, 3, 5, false)));
    }

    @Test
    void readsAnEmptyPage() throws IOException {
        assertThat(reader.read(json("{\"data\":{\"findScenes\":{\"count\":0,\"scenes\":[]}}}")),
                is(new ScenePage(0, 0, 0, 0, true)));
    }

    @Test
    void leavesTheStreamOpenForTheCallerToDrain() throws IOException {
        InputStream in = json("{\"data\":{\"findScenes\":{\"count\":0,\"scenes\":[]}}}   \n");
        reader.read(in);

        assertThat(in.read() >= -1, is(true));
    }

    @Test
    void graphqlErrorsAreAFailureWithTheFirstMessage() {
        IOException e = assertThrows(IOException.class, () -> reader.read(json("""
                {"errors":[{"message":"Validation error (FieldUndefined@[findScenes/scenes/nope])",
                  "locations":[{"line":1,"column":2}]},{"message":"second"}],"data":null}""")));

        assertThat(e.getMessage(), containsString("FieldUndefined"));
    }

    @Test
    void aResponseWithoutFindScenesIsAFailure() {
        assertThrows(IOException.class, () -> reader.read(json("{\"data\":{\"findImages\":{\"count\":1}}}")));
    }

    @Test
    void aPageWithoutCountIsAFailure() {
        assertThrows(IOException.class, () -> reader.read(json("{\"data\":{\"findScenes\":{\"scenes\":[]}}}")));
    }

    @Test
    void anIdThatIsNotAnIntegerIsAFailure() {
        IOException e = assertThrows(IOException.class, () -> reader.read(json("""
                {"data":{"findScenes":{"count":1,"scenes":[{"id":"abc"}]}}}""")));

        assertThat(e.getMessage(), containsString("abc"));
    }

    @Test
    void truncatedJsonIsAFailure() {
        assertThrows(IOException.class, () -> reader.read(json("{\"data\":{\"findScenes\":{\"count\":2,\"scenes\":[{\"id\":\"1\"}")));
    }

    private static InputStream json(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
