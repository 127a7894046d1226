package dev.larder.bench;

import io.helidon.logging.common.LogConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The benchmark harness' entry point: {@code Bench <benchmark> [options]}; {@code --help} lists the benchmarks.
 * Each benchmark prints a markdown report on stdout and its progress on stderr, and exits 0 when its checks passed.
 */
@Command(name = "larder bench",
        subcommands = {EmulatorPagingBenchmark.class, SyncBenchmark.class, EventLatencyBenchmark.class,
                QueryBenchmark.class, ClientsBenchmark.class},
        description = "Runs one of Larder's benchmarks and prints its results as markdown.")
public final class Bench implements Runnable {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @Spec
    CommandSpec spec;

    /**
     * @param args a benchmark's name and its options; none or {@code --help} prints the list of benchmarks
     */
    public static void main(String[] args) {
        // before anything logs, so that the first log line already has Larder's format
        LogConfig.configureRuntime();
        System.exit(new CommandLine(new Bench()).execute(args));
    }

    /** Without a benchmark's name: print the usage with the list of benchmarks. */
    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
