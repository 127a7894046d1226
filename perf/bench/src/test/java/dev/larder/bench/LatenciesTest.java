package dev.larder.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    private static long[] millis(int... values) {
        long[] nanos = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            nanos[i] = values[i] * 1_000_000L;
        }
        return nanos;
    }

    @Test
    void percentilesAreNearestRanksOfTheSortedSamples() {
        int[] shuffled = new int[200];
        for (int i = 0; i < 200; i++) {
            shuffled[i] = (i * 37) % 200 + 1;
        }
        Latencies latencies = new Latencies(millis(shuffled));

        assertThat(latencies.summary(), is(new Latencies.Summary(200, 100.0, 198.0, 200.0)));
        assertThat(latencies.percentileMillis(0.1), is(1.0));
    }

    @Test
    void oneSampleIsEveryPercentile() {
        assertThat(new Latencies(millis(7)).summary(), is(new Latencies.Summary(1, 7.0, 7.0, 7.0)));
    }

    @Test
    void measureStopsAtItsCountOrItsBudgetButRunsOnceAtLeast() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        assertThat(Latencies.measure(5, Duration.ofHours(1), runs::incrementAndGet).count(), is(5));
        assertThat(Latencies.measure(5, Duration.ZERO, runs::incrementAndGet).count(), is(1));
        assertThat(runs.get(), is(6));
    }

    @Test
    void measureInTurnRunsEachOncePerRound() throws Exception {
        StringBuilder order = new StringBuilder();
        List<Latencies> each = Latencies.measureInTurn(3, Duration.ofHours(1),
                List.of(() -> order.append('a'), () -> order.append('b')));

        assertThat(order.toString(), is("ababab"));
        assertThat(each.stream().map(Latencies::count).toList(), is(List.of(3, 3)));
    }
}
