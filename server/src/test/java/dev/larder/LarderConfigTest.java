package dev.larder;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.larder.cache.L1Settings;
import dev.larder.query.QuerySettings;
import dev.larder.sync.SyncMode;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LarderConfigTest {

    private static LarderConfig read(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(Map.of("stash.url", "http://stash:9999"));
        all.putAll(values);
        return LarderConfig.from(Config.builder().disableEnvironmentVariablesSource().disableSystemPropertiesSource()
                .addSource(ConfigSources.create(all)).build());
    }

    @Test
    void theShippedFileHoldsTheDefaultsAndSendsAnswersAtOnce() {
        Config shipped = Config.builder().disableEnvironmentVariablesSource().disableSystemPropertiesSource()
                .addSource(ConfigSources.classpath("application.yaml")).build();
        LarderConfig config = LarderConfig.from(shipped);
        assertThat(config.l1(), is(L1Settings.DEFAULTS));
        assertThat(config.query(), is(QuerySettings.DEFAULTS));
        assertThat(shipped.get("server.connection-options.tcp-no-delay").asBoolean().get(), is(true));
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        LarderConfig config = read(Map.of());
        assertThat(config.stashUrl().toString(), is("http://stash:9999/graphql"));
        assertThat(config.pollInterval(), is(Duration.ofMinutes(60)));
        assertThat(config.sync().pageSize(), is(1000));
        assertThat(config.autoOnStart(), is(true));
        assertThat(config.adminToken() == null, is(true));
        assertThat(config.pluginSourceUrl() == null, is(true));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "sync.poll-interval | 4m | sync.poll-interval must be 5m..2h, got 4m",
            "sync.poll-interval | 121m | sync.poll-interval must be 5m..2h, got 121m",
            "sync.poll-interval | soon | sync.poll-interval must be a duration",
            "stash.page-size | 10 | stash.page-size must be 50..5000, got 10",
            "stash.page-size | many | stash.page-size must be a whole number, got many",
            "stash.url | ftp://stash | stash.url must be an http(s) URL",
            "stash.url | http://stash:9999?apikey=x | stash.url must not carry a query",
            "sync.on-start | always | sync.on-start must be auto, full, incremental or none, got always",
            "l2.read-pool-size | 0 | l2.read-pool-size must be 1..16, got 0",
            "admin.token | short | admin.token (or LARDER_ADMIN_TOKEN) must be at least 16 characters",
            "events.secret | short | events.secret (or LARDER_EVENTS_SECRET) must be at least 16 characters",
            "stash.api-key | x | stash.api-key (or STASH_API_KEY) must be at least 16 characters",
            "events.window | 6s | events.window must be 0s..5s, got 6s",
            "events.window | -5ms | events.window must be 0s..5s, got -5ms",
            "events.burst | 0 | events.burst must be 1 or more, got 0",
            "stash-plugin.source-url | larder:8080/stash-plugin/index.yml | stash-plugin.source-url must be an http(s) URL",
            "stash-plugin.source-url | /stash-plugin/index.yml | stash-plugin.source-url must be an http(s) URL",
            "stash-plugin.source-url | http://larder:8080/a b | stash-plugin.source-url is not a URL"})
    void aBadValueIsRefusedNamingItsKey(String key, String value, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(Map.of(key, value)));
        assertThat(e.getMessage(), containsString(message));
    }

    @Test
    void valuesAreReadInTheirUnits() {
        LarderConfig config = read(Map.of("sync.poll-interval", "90m", "sync.on-start", "full", "stash.url",
                "https://stash.example/prefix/", "sync.sweep-interval", "PT12H"));
        assertThat(config.pollInterval(), is(Duration.ofMinutes(90)));
        assertThat(config.sweepInterval(), is(Duration.ofHours(12)));
        assertThat(config.onStart(), is(SyncMode.FULL));
        assertThat(config.stashUrl().toString(), is("https://stash.example/prefix/graphql"));
        assertThat(read(Map.of("events.window", "250ms")).events().window(), is(Duration.ofMillis(250)));
        assertThat(read(Map.of("stash-plugin.source-url", "http://larder:8080/stash-plugin/index.yml"))
                .pluginSourceUrl().toString(), is("http://larder:8080/stash-plugin/index.yml"));
    }

    @ParameterizedTest
    @CsvSource({"stash.api-key", "admin.token", "events.secret"})
    void aSecretTooShortIsRefusedWithoutShowingIt(String key) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> read(Map.of(key, "tiny-secret")));
        assertThat(e.getMessage(), containsString("at least " + LarderConfig.MIN_SECRET_LENGTH + " characters"));
        assertThat(e.getMessage(), not(containsString("tiny-secret")));
    }

    @Test
    void secretsStayOutOfToString() {
        LarderConfig config = read(Map.of("stash.api-key", "the-stash-key-123", "admin.token",
                "the-admin-token-4567", "events.secret", "the-events-secret-890"));
        assertThat(config.eventsSecret(), is("the-events-secret-890"));
        assertThat(config.toString(), not(containsString("the-events-secret-890")));
        assertThat(config.toString(), not(containsString("the-stash-key-123")));
        assertThat(config.toString(), not(containsString("the-admin-token-4567")));
    }
}
