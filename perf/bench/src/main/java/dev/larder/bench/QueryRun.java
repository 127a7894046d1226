package dev.larder.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything one run of the query benchmark measured, kept as JSON so that a later run can name it as its baseline
 * ({@code --baseline}) and report how each class's cost grew with the library.
 *
 * @param date        when the run started (ISO-8601)
 * @param machine     where it ran
 * @param loadAtStart the machine's load average when it started
 * @param loadAtEnd   and when it ended
 * @param scenes      scenes in the library
 * @param seed        the library's seed
 * @param library     the library's sizes, as text
 * @param store       how the store came to be ("reused", or the full sync's time)
 * @param storeBytes  the store's size on disk
 * @param picks       what the classes filter by, as text
 * @param larderHeap  Larder's {@code -Xmx}
 * @param settings    how many times each class ran, as text
 * @param classes     per class, in the catalog's order
 * @param larder      the hot mix's throughput, null when no class ran
 * @param ceiling     the HTTP ceiling's throughput on the same mix, null when no class ran
 * @param ceilingBody the ceiling's body size: the mean of the hot mix's answers
 * @param coldRss     Larder's peak RSS with L1 off, bytes
 * @param hotRss      Larder's peak RSS with L1 on, bytes
 */
record QueryRun(String date, Machine machine, double loadAtStart, double loadAtEnd, int scenes, long seed,
                String library, String store, long storeBytes, String picks, String larderHeap, String settings,
                List<ClassResult> classes, Throughput larder, Throughput ceiling, int ceilingBody, long coldRss,
                long hotRss) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One class's figures.
     *
     * @param name     the class
     * @param request  its request as sent, in the cold run
     * @param notRun   why it did not run (it awaits something Larder lacks, or it failed); null when it ran
     * @param matches  the count its answer gave, null when the answer has none
     * @param bytes    its answer's size
     * @param cold     latencies with L1 off, null when it did not run
     * @param hot      latencies with L1 on, after a warm-up pass, null when it did not run
     * @param jdbc     its SQL run directly over JDBC, null when there is none
     * @param sql      the roles of its SQL statements, or why there are none
     * @param peek     Peek's figure from LESSONS.md, null when none
     */
    record ClassResult(String name, String request, String notRun, Long matches, int bytes, Latencies.Summary cold,
                       Latencies.Summary hot, Latencies.Summary jdbc, String sql, String peek) {
    }

    /**
     * A throughput run and the CPU it took.
     *
     * @param load       what the load client did
     * @param serverCpu  the server process's CPU seconds during the run
     * @param harnessCpu the harness' own (the load client's) CPU seconds during the run
     */
    record Throughput(LoadClient.Outcome load, double serverCpu, double harnessCpu) {
    }

    /**
     * @param file where to write this run as JSON
     * @throws IOException when it cannot be written
     */
    void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        JSON.writeValue(file.toFile(), this);
    }

    /**
     * @param file a run written by {@link #write}
     * @return the run
     * @throws IOException when it cannot be read
     */
    static QueryRun read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), QueryRun.class);
    }
}
