package dev.larder.bench;

import dev.larder.stash.SyncPages;
import io.smallrye.graphql.client.Response;
import io.smallrye.graphql.client.impl.ResponseReader;
import jakarta.json.JsonValue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One {@code findScenes} sync page (bytes the Stash emulator sent, replayed from a file) parsed into every field value
 * of every scene, without HTTP: by Larder's streaming reader into the trees its writer takes, and by SmallRye's
 * dynamic client's response reader ({@code bodyAsString} then {@code ResponseReader.readFrom}, as its Vert.x client
 * does with a body) into its {@code Response}. Run through {@code ./larder bench clients}, which passes the file.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PageParseBench {

    /** The answer's bytes, as a file written by {@code clients}. */
    @Param("")
    public String pageFile;

    private byte[] page;
    private final SyncPages pages = new SyncPages();

    /** Reads the page and checks that both paths read the same values. */
    @Setup
    public void setUp() throws IOException {
        page = Files.readAllBytes(Path.of(pageFile));
        if (larder() != smallrye()) {
            throw new IllegalStateException("Larder's reader and SmallRye's read different values from the page");
        }
    }

    /** @return the hash of every scene's values, read by Larder's streaming reader */
    @Benchmark
    public long larder() throws IOException {
        long[] h = {0};
        pages.readScenes(new ByteArrayInputStream(page), scene -> h[0] = 31 * h[0] + FieldValues.of(scene));
        return h[0];
    }

    /** @return the hash of every scene's values, read from SmallRye's {@code Response} */
    @Benchmark
    public long smallrye() {
        Response response = ResponseReader.readFrom(new String(page, StandardCharsets.UTF_8), Map.of(), 200, "OK");
        return scenes(response);
    }

    /** @return the hash of the values of the scenes in a SmallRye {@code Response}, as {@link #larder()} hashes them */
    static long scenes(Response response) {
        if (response.hasError()) {
            throw new IllegalStateException("the answer carries GraphQL errors: " + response.getErrors());
        }
        long h = 0;
        for (JsonValue scene : response.getData().getJsonObject("findScenes").getJsonArray("scenes")) {
            h = 31 * h + FieldValues.of(scene);
        }
        return h;
    }
}
