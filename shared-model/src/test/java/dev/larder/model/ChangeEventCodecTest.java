package dev.larder.model;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChangeEventCodecTest {

    @Test
    void roundTripsBehindStashsPluginPrefix() {
        ChangeEvent event = new ChangeEvent("Tag", HookOperation.MERGE, 7, List.of(), List.of(3, 4));
        String line = "[Plugin / Larder] " + ChangeEventCodec.format(event);
        assertThat(ChangeEventCodec.parse(line), is(Optional.of(event)));
        assertThat(event.type(), is(EntityType.TAG));
    }

    @Test
    void ordinaryLogLinesAreNoEvents() {
        assertThat(ChangeEventCodec.parse("Starting scan of 1 paths"), is(Optional.empty()));
        assertThat(ChangeEventCodec.parse(null), is(Optional.empty()));
    }

    @Test
    void movieEventsAreAboutGroups() {
        ChangeEvent event = ChangeEventCodec.parseJson("{\"v\":1,\"type\":\"Movie\",\"op\":\"Update\",\"id\":2}");
        assertThat(event.type(), is(EntityType.GROUP));
        assertThat(event.fields(), is(List.of()));
    }

    @Test
    void aChaptersGalleryRoundTripsAndIsLeftOutWhenNone() {
        ChangeEvent chapter = new ChangeEvent("GalleryChapter", HookOperation.CREATE, 30, List.of("gallery_id"),
                List.of(), 7);
        assertThat(ChangeEventCodec.parse(ChangeEventCodec.format(chapter)), is(Optional.of(chapter)));
        ChangeEvent scene = new ChangeEvent("Scene", HookOperation.UPDATE, 5, List.of(), List.of());
        assertThat(ChangeEventCodec.format(scene), not(containsString("gallery")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "gallery as text | {\"v\":1,\"type\":\"GalleryChapter\",\"op\":\"Create\",\"id\":1,\"gallery\":\"7\"} | gallery must be a whole number",
            "zero gallery | {\"v\":1,\"type\":\"GalleryChapter\",\"op\":\"Create\",\"id\":1,\"gallery\":0} | gallery must be a whole number",
            "not JSON | nope | JSON object",
            "wrong version | {\"v\":2,\"type\":\"Scene\",\"op\":\"Update\",\"id\":1} | unsupported event version",
            "unknown type | {\"v\":1,\"type\":\"Folder\",\"op\":\"Update\",\"id\":1} | unknown entity type",
            "unknown op | {\"v\":1,\"type\":\"Scene\",\"op\":\"Touch\",\"id\":1} | op must be",
            "id as text | {\"v\":1,\"type\":\"Scene\",\"op\":\"Update\",\"id\":\"1\"} | id must be a whole number",
            "zero id | {\"v\":1,\"type\":\"Scene\",\"op\":\"Update\",\"id\":0} | id must be 1 or more",
            "fields not a list | {\"v\":1,\"type\":\"Scene\",\"op\":\"Update\",\"id\":1,\"fields\":\"title\"} | fields must be an array"})
    void aMalformedMarkedLineSaysWhatIsWrong(String name, String json, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChangeEventCodec.parse("[Plugin / Larder] " + ChangeEventCodec.MARKER + json));
        assertThat(e.getMessage(), containsString(message));
    }
}
