package dev.larder.store;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

class MediaUrlsTest {

    @ParameterizedTest
    @CsvSource({
            "http://127.0.0.1:9999/scene/1/stream?apikey=s3cret, /scene/1/stream",
            "https://stash.example/scene/1/screenshot?1666141785, /scene/1/screenshot?1666141785",
            "http://h:1/image/2/thumbnail?t=15&apikey=s3cret, /image/2/thumbnail?t=15",
            "http://h:1/image/2/thumbnail?ApiKey=s3cret&t=15, /image/2/thumbnail?t=15",
            "http://user:pw@h/stash/tag/1/image, /stash/tag/1/image",
            "http://h?apikey=s3cret, /",
            "/scene/1/preview, /scene/1/preview",
            "/scene/1/vtt?apikey=s3cret#x, /scene/1/vtt#x"})
    void keepsPathAndQueryWithoutHostOrKey(String url, String stored) {
        assertThat(MediaUrls.toStoredPath(url), equalTo(stored));
    }
}
