package dev.larder.stash;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The API key is hidden where it can appear in a text, and nowhere else. */
class ApiKeyTest {

    private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJ1aWQiOiJhZG1pbiJ9.c2lnbmF0dXJl";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a URL parameter | GET http://stash:9999/scene/1/stream?apikey=" + JWT + "&t=2 "
                    + "| GET http://stash:9999/scene/1/stream?apikey=***&t=2",
            "a URL-encoded one | next=%2Fscene%3Fapikey%3D" + JWT + " | next=%2Fscene%3Fapikey%3D***",
            "the header | ApiKey: " + JWT + " | ApiKey: ***",
            "the header in JSON | {\"ApiKey\":\"" + JWT + "\"} | {\"ApiKey\":\"***\"}",
            "another key under the name | apikey=someone-elses-key | apikey=***",
            "the key in a body | 'error: invalid key \"" + JWT + "\"' | 'error: invalid key \"***\"'"})
    void theKeyIsHiddenWhereItCanAppear(String where, String text, String redacted) {
        assertThat(new ApiKey(JWT).redactBody(text), is(redacted));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a URL | java.io.IOException: GET /x?apikey=" + JWT + " failed "
                    + "| java.io.IOException: GET /x?apikey=*** failed",
            "a header | headers {ApiKey=" + JWT + "} | headers {ApiKey=***}"})
    void exceptionTextsHideNamedKeys(String where, String text, String redacted) {
        assertThat(new ApiKey(JWT).redact(text), is(redacted));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "x | java.net.ConnectException: Connection refused",
            "Exception | java.net.ConnectException: Connection refused",
            "ttp | Stash at http://stash:9999/graphql unavailable after 5 attempts",
            "1234 | timeout after 1234567 ms"})
    void ordinaryWordsAreLeftAlone(String key, String text) {
        assertThat(new ApiKey(key).redact(text), is(text));
        assertThat(new ApiKey(key).redactBody("{\"message\":\"" + text + "\"}"), is("{\"message\":\"" + text
                + "\"}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"the ApiKey header was missing", "no key"})
    void aTextWithoutAKeyIsUnchanged(String text) {
        assertThat(new ApiKey(null).redact(text), is(text));
    }
}
