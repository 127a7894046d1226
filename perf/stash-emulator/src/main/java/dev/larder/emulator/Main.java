package dev.larder.emulator;

import dev.larder.emulator.library.LibrarySpec;
import io.helidon.logging.common.LogConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the Stash emulator standalone: {@code ./larder emulator --scenes 100000 --port 9999 --api-key KEY}.
 * Prints one line, {@code Stash emulator ready: url=... api-key=... scenes=N}, once it serves, then runs until
 * stopped.
 */
@Command(name = "larder emulator", mixinStandardHelpOptions = true,
        description = "Runs a Stash stand-in: the part of Stash's GraphQL API that Larder uses, over a synthetic "
                + "library.")
public final class Main implements Callable<Integer> {

    @Option(names = "--scenes", description = "number of scenes; other types follow the default proportions "
            + "(default: ${DEFAULT-VALUE})")
    int scenes = 1000;

    @Option(names = "--seed", description = "library seed (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--performers", description = "performers, instead of the default proportion")
    Integer performers;

    @Option(names = "--tags", description = "tags, instead of the default proportion")
    Integer tags;

    @Option(names = "--studios", description = "studios, instead of the default proportion")
    Integer studios;

    @Option(names = "--groups", description = "groups, instead of the default proportion")
    Integer groups;

    @Option(names = "--galleries", description = "galleries, instead of the default proportion")
    Integer galleries;

    @Option(names = "--images", description = "images, instead of the default proportion")
    Integer images;

    @Option(names = "--markers", description = "scene markers, instead of the default proportion")
    Integer markers;

    @Option(names = "--host", description = "address to bind (default: ${DEFAULT-VALUE})")
    String host = "127.0.0.1";

    @Option(names = "--port", description = "port, 0 for any free one (default: ${DEFAULT-VALUE})")
    int port = 9999;

    @Option(names = "--api-key", description = "API key clients must send (default: a random one)")
    String apiKey;

    @Option(names = "--no-api-key", description = "serve without credentials, like a Stash without a username")
    boolean noApiKey;

    @Option(names = "--plugins", description = "folder of Stash plugins (*.yml) whose hooks run on changes")
    Path plugins;

    @Override
    public Integer call() throws InterruptedException {
        if (scenes < 0) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--scenes must be 0 or more");
        }
        LibrarySpec d = LibrarySpec.ofScenes(seed, scenes);
        LibrarySpec spec = new LibrarySpec(seed, scenes, or(performers, d.performers()), or(tags, d.tags()),
                or(studios, d.studios()), or(groups, d.groups()), or(galleries, d.galleries()), or(images, d.images()),
                or(markers, d.markers()), d.zone());
        StashEmulator.Builder builder = StashEmulator.builder().library(spec).host(host).port(port)
                .pluginsDir(plugins);
        if (noApiKey) {
            builder.apiKey(null);
        } else if (apiKey != null) {
            builder.apiKey(apiKey);
        }
        StashEmulator emulator = builder.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "emulator-shutdown"));
        System.out.println("Stash emulator ready: url=" + emulator.graphqlUrl() + " api-key="
                + (emulator.apiKey() == null ? "none" : emulator.apiKey()) + " scenes=" + scenes);
        System.out.flush();
        stopped.await();
        return 0;
    }

    private static int or(Integer given, int fallback) {
        return given == null ? fallback : given;
    }

    /**
     * Entry point.
     *
     * @param args command line options; {@code --help} lists them
     */
    public static void main(String[] args) {
        // before anything logs, so that the first log line already has Larder's format
        LogConfig.configureRuntime();
        int code = new CommandLine(new Main()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }
}
