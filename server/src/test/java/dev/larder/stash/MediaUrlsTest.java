package dev.larder.stash;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

class MediaUrlsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "http://stash:9999/scene/1/screenshot?t=1700000000 | /scene/1/screenshot?t=1700000000",
            "https://stash.example.org/scene/1/stream?apikey=secret | /scene/1/stream",
            "http://127.0.0.1:9999/scene/1/stream?apikey=secret&resolution=ORIGINAL | /scene/1/stream?resolution=ORIGINAL",
            "http://stash:9999/scene/1/stream.mp4?resolution=LOW&apikey=secret&t=3 | /scene/1/stream.mp4?resolution=LOW&t=3",
            "http://stash:9999/scene/1/stream.m3u8?t=3&APIKEY=secret | /scene/1/stream.m3u8?t=3",
            "http://stash:9999/stash/scene/1/preview?apikey=secret | /stash/scene/1/preview",
            "http://user@stash:9999/proxy/prefix/image/7/thumbnail | /proxy/prefix/image/7/thumbnail",
            "http://stash:9999 | /",
            "http://stash:9999?apikey=secret | /",
            "http://stash:9999/scene/1/vtt/chapter?apikey=secret#t=5 | /scene/1/vtt/chapter#t=5",
            "/scene/1/stream?apikey=secret&x=1 | /scene/1/stream?x=1",
            "/scene/1/webp | /scene/1/webp",
            "http://stash:9999/performer/3/image?apikeys=not-the-key | /performer/3/image?apikeys=not-the-key",
            "http://stash:9999/scene/1/funscript?redirect=http://x/y | /scene/1/funscript?redirect=http://x/y",
            "https://stash.example/scene/1/screenshot?1666141785 | /scene/1/screenshot?1666141785",
            "http://h:1/image/2/thumbnail?ApiKey=s3cret&t=15 | /image/2/thumbnail?t=15",
            "http://user:pw@h/stash/tag/1/image | /stash/tag/1/image",
            "/scene/1/vtt?apikey=s3cret#x | /scene/1/vtt#x",
    })
    void removesHostAndApiKeyOnly(String url, String path) {
        assertThat(MediaUrls.toPath(url), is(path));
    }

    @org.junit.jupiter.api.Test
    void nullStaysNull() {
        assertThat(MediaUrls.toPath(null), is(nullValue()));
    }
}
