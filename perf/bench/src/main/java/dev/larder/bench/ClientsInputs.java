package dev.larder.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.larder.Larder;
import dev.larder.LarderConfig;
import dev.larder.emulator.StashEmulator;
import dev.larder.model.EntityType;
import dev.larder.model.query.FindResult;
import dev.larder.model.query.Item;
import dev.larder.stash.SyncPages;
import dev.larder.sync.SyncMode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The inputs of the {@code clients} benchmarks, made once per run from in-process Stash emulators: the bytes of a
 * scene sync page, and an L2 file synced by Larder together with the tag its read statements filter on.
 */
final class ClientsInputs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ClientsInputs() {
    }

    /**
     * Asks a fresh emulator for the first page of a full scene sync (Larder's document, uncompressed) and keeps it.
     *
     * @param file   where to write the answer's bytes
     * @param scenes the library's size and the page's
     * @return {@code file}
     * @throws IllegalStateException when the answer is not a page of {@code scenes} scenes
     */
    static Path scenePage(Path file, int scenes) throws IOException, InterruptedException {
        SyncPages pages = new SyncPages();
        SyncPages.Document document = pages.scenes(scenes);
        try (StashEmulator emulator = StashEmulator.builder().scenes(1, scenes).start();
             HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create(emulator.graphqlUrl()))
                            .header("ApiKey", emulator.apiKey()).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(
                                    Map.of("query", document.query(), "variables", document.variables()))))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("the emulator answered HTTP " + answer.statusCode());
            }
            int[] rows = {0};
            int count = pages.readScenes(new ByteArrayInputStream(answer.body()), scene -> rows[0]++);
            if (rows[0] != scenes || count != scenes) {
                throw new IllegalStateException("the page holds " + rows[0] + " of " + count + " scenes, not "
                        + scenes);
            }
            Files.write(file, answer.body());
            System.err.printf(Locale.ROOT, "clients: page of %d scenes, %,d bytes%n", rows[0], answer.body().length);
            return file;
        }
    }

    /**
     * Syncs a fresh emulator's library into {@code file} with Larder, picks the tag of {@link ReadStatements} (the
     * one matching most scenes, at most half of them, with more than a page) and checks that the fixed SQL answers
     * what Larder's query engine answers for the same filter.
     *
     * @param file   the L2 file to create
     * @param scenes the library's size
     * @return the tag
     * @throws IllegalStateException when no tag fits, or the SQL and the engine disagree
     */
    static int syncedStore(Path file, int scenes) throws Exception {
        try (StashEmulator emulator = StashEmulator.builder().scenes(2, scenes).start();
             Larder larder = Larder.start(LarderConfig.embedded(emulator.graphqlUrl(), emulator.apiKey(), file)
                     .withOnStart(null))) {
            long started = System.nanoTime();
            larder.sync().request(SyncMode.FULL).get(10, TimeUnit.MINUTES);
            System.err.printf(Locale.ROOT, "clients: synced %d scenes in %.1f s%n", scenes,
                    (System.nanoTime() - started) / 1e9);
            int best = 0;
            long bestCount = 0;
            for (int tag = 1; tag <= larder.store().count(EntityType.TAG); tag++) {
                long count = new ReadStatements(tag).countJdbc(larder.store());
                if (count > ReadStatements.PER_PAGE && count <= scenes / 2 && count > bestCount) {
                    best = tag;
                    bestCount = count;
                }
            }
            if (best == 0) {
                throw new IllegalStateException("no tag matches more than a page of scenes");
            }
            ReadStatements statements = new ReadStatements(best);
            FindResult engine = larder.scenes().find(statements.find(), statements.filter());
            int[] engineIds = engine.items().stream().mapToInt(Item::id).toArray();
            if (!Arrays.equals(engineIds, statements.pageIds(larder.store()))
                    || engine.count() != statements.countJdbc(larder.store())) {
                throw new IllegalStateException("the benchmark's SQL no longer answers what the query engine"
                        + " answers: copy the engine's SQL into ReadStatements again");
            }
            System.err.printf(Locale.ROOT, "clients: filter on tag %d matches %d scenes%n", best, bestCount);
            return best;
        }
    }
}
