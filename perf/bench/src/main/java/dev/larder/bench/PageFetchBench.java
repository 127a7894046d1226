package dev.larder.bench;

import dev.larder.model.EntityType;
import dev.larder.stash.PageRequest;
import dev.larder.stash.StashClient;
import dev.larder.stash.SyncPages;
import io.smallrye.graphql.client.dynamic.api.DynamicGraphQLClient;
import io.smallrye.graphql.client.vertx.dynamic.VertxDynamicGraphQLClientBuilder;
import io.vertx.core.Vertx;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One {@code findScenes} sync page end to end, request to every field value of every scene, against a local
 * {@link PageServer} replaying the emulator's bytes: Larder's {@link StashClient} (JDK {@code HttpClient}, streamed
 * parse) and one reused SmallRye dynamic client on its own {@link Vertx} (Vert.x web client, whole-body parse).
 * Both send the document Larder builds. The allocation figure counts every thread of the JVM, so it includes the
 * server's share, which is the same for both. Run through {@code ./larder bench clients}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PageFetchBench {

    /** The answer's bytes, as a file written by {@code clients}. */
    @Param("")
    public String pageFile;

    private PageServer server;
    private StashClient larder;
    private Vertx vertx;
    private DynamicGraphQLClient smallrye;
    private SyncPages.Document document;
    private PageRequest request;

    /** Starts the server and both clients, and checks that both read the same values. */
    @Setup
    public void setUp() throws Exception {
        byte[] page = Files.readAllBytes(Path.of(pageFile));
        server = PageServer.serving(page);
        request = PageRequest.first(EntityType.SCENE, 1000);
        document = new SyncPages().scenes(request.size());
        larder = StashClient.builder(server.graphqlUrl()).maxAttempts(1).build();
        vertx = Vertx.vertx();
        smallrye = new VertxDynamicGraphQLClientBuilder().vertx(vertx).url(server.graphqlUrl().toString()).build();
        if (larder() != smallrye()) {
            throw new IllegalStateException("Larder's client and SmallRye's read different values from the page");
        }
    }

    /** @return the hash of every scene's values, fetched and read by Larder's client */
    @Benchmark
    public long larder() {
        long[] h = {0};
        larder.page(EntityType.SCENE, request, scene -> h[0] = 31 * h[0] + FieldValues.of(scene));
        return h[0];
    }

    /** @return the hash of every scene's values, fetched and read by SmallRye's client */
    @Benchmark
    public long smallrye() throws ExecutionException, InterruptedException {
        return PageParseBench.scenes(smallrye.executeSync(document.query(), document.variables()));
    }

    /** Closes the clients, the Vert.x instance (SmallRye's {@code close} leaves its threads) and the server. */
    @TearDown
    public void tearDown() throws Exception {
        smallrye.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        larder.close();
        server.close();
    }
}
