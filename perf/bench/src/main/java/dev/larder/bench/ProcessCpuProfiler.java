package dev.larder.bench;

import com.sun.management.OperatingSystemMXBean;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;

/**
 * A JMH profiler that reports the benchmark JVM's CPU time per operation ({@code cpu.per.op}, µs), every thread
 * counted: the caller's, the HTTP client's and event loop's, the server's, the JIT's and the collector's. On a
 * machine shared with other work, wall time per operation grows with the queue for the cores while CPU time per
 * operation stays close to the work done, so the two together tell cost from contention.
 */
public final class ProcessCpuProfiler implements InternalProfiler {

    private final OperatingSystemMXBean os =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long before;

    @Override
    public String getDescription() {
        return "process CPU time per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {
        before = os.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmark, IterationParams iteration,
                                                       IterationResult result) {
        long cpu = os.getProcessCpuTime() - before;
        long ops = result.getMetadata().getAllOps();
        return ops == 0 ? List.of()
                : List.of(new ScalarResult("cpu.per.op", cpu / 1e3 / ops, "us/op", AggregationPolicy.AVG));
    }
}
