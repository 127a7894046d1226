package dev.larder.emulator.packages;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Index parsing and zip location as Stash's yaml.v2 reading and {@code resolvePath} do them. */
class PackageIndexTest {

    @Test
    void fieldsKeepTheirTextAndTheNewestOfARepeatedIdWins() throws PackageException {
        PackageIndex index = PackageIndex.parse("""
                - id: a
                  version: 1.10
                  date: "2026-01-11 07:00:00"
                  path: a-old.zip
                  unknown: ignored
                - id: a
                  name: A
                  version: 1.20
                  date: 2026-01-12 08:00:00 +0100
                  path: a.zip
                  sha256: abc
                  requires: [b]
                  metadata: {stars: 3}
                """);
        RemotePackage a = index.find("a").orElseThrow();
        assertThat(a.version(), is("1.20"));
        assertThat(a.date(), is(Instant.parse("2026-01-12T07:00:00Z")));
        assertThat(a.requires(), contains("b"));
        assertThat(a.metadata().get("stars"), is(3));
        assertThat(index.packages().getFirst().version(), is("1.10"));
        assertThat(index.find("b").isPresent(), is(false));
        assertThat(PackageIndex.parse("").packages(), is(List.of()));
    }

    @Test
    void aMappingOrABadDateIsNotAnIndex() {
        assertThat(assertThrows(PackageException.class, () -> PackageIndex.parse("id: a")).getMessage(),
                startsWith("reading package list: yaml: cannot unmarshal"));
        assertThat(assertThrows(PackageException.class, () -> PackageIndex.parse("- {id: a, date: today}"))
                .getMessage(), startsWith("reading package list: parsing time \"today\""));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({
            "http://h:1/stash-plugin/index.yml, larder.zip, http://h:1/stash-plugin/larder.zip",
            "http://h:1/stash-plugin/index.yml, ../x/./larder.zip, http://h:1/x/larder.zip",
            "http://h:1/stash-plugin/index.yml, /zips/larder.zip, http://h:1/zips/larder.zip",
            "http://h:1/stash-plugin/index.yml?v=2, larder.zip, http://h:1/stash-plugin/larder.zip?v=2",
            "http://h:1/stash-plugin/index.yml, http://other:2/larder.zip, http://other:2/larder.zip"})
    void zipPathsResolveAgainstTheIndexUrl(String index, String path, String expected) throws PackageException {
        assertThat(PackageDownloader.resolve(URI.create(index), path), is(URI.create(expected)));
    }
}
