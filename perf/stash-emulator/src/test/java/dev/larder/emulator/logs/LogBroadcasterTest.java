package dev.larder.emulator.logs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LogBroadcasterTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-11T07:07:53.5Z"), ZoneOffset.UTC);

    private final AtomicLong ticker = new AtomicLong();
    private final List<Long> delays = new ArrayList<>();
    private final List<Runnable> scheduled = new ArrayList<>();
    private final List<LogBroadcaster> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(LogBroadcaster::close);
    }

    private LogBroadcaster broadcaster(Duration interval, LogLevel cacheLevel, Clock clock, ZoneId zone) {
        LogBroadcaster b = new LogBroadcaster(clock, zone, interval, cacheLevel, ticker::get, (delay, task) -> {
            delays.add(delay);
            scheduled.add(task);
        });
        opened.add(b);
        return b;
    }

    private LogBroadcaster broadcaster(Duration interval) {
        return broadcaster(interval, LogLevel.Info, CLOCK, ZoneOffset.UTC);
    }

    private static List<String> messages(List<LogEntry> batch) {
        return batch.stream().map(LogEntry::message).toList();
    }

    @ParameterizedTest
    @CsvSource({
            "2026-01-11T07:07:53.123456789Z, +11:00, 2026-01-11T18:07:53.123456789+11:00",
            "2026-01-11T07:07:53Z, UTC, 2026-01-11T07:07:53Z",
            "2026-01-11T07:07:53.120Z, -05:00, 2026-01-11T02:07:53.12-05:00",
            "2026-07-01T00:00:00.000001Z, Australia/Sydney, 2026-07-01T10:00:00.000001+10:00"})
    void entriesCarryTheTimeAsStashsTimeScalarWritesIt(String instant, String zone, String expected) {
        LogBroadcaster b = broadcaster(SECOND, LogLevel.Info, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC),
                ZoneId.of(zone));
        b.log(LogLevel.Info, "x");
        assertThat(b.recent().getFirst().time(), is(expected));
    }

    @Test
    void itemsInTheFirstIntervalWaitForIt() {
        LogBroadcaster b = broadcaster(SECOND);
        ticker.set(SECOND.toNanos() / 4);
        b.log(LogLevel.Info, "a");
        assertThat(delays, contains(SECOND.toNanos() * 3 / 4));
        assertThat(b.batchesSent() + b.batchesDropped(), is(0L));
    }

    @Test
    void anItemAfterAQuietIntervalGoesOutAtOnceAndLaterOnesJoinTheNextBatch() {
        LogBroadcaster b = broadcaster(SECOND);
        RecordingSubscriber<List<LogEntry>> s = RecordingSubscriber.unbounded();
        b.subscribe().subscribe(s);
        ticker.set(SECOND.toNanos());
        b.log(LogLevel.Info, "a");
        ticker.addAndGet(Duration.ofMillis(100).toNanos());
        b.log(LogLevel.Debug, "b");
        b.log(LogLevel.Trace, "c");

        assertThat(delays, contains(Duration.ofMillis(900).toNanos()));
        assertThat(messages(s.awaitItems(1).getFirst()), contains("a"));
        scheduled.getFirst().run();
        List<List<LogEntry>> batches = s.awaitItems(2);
        assertThat(messages(batches.get(1)), contains("b", "c"));
        assertThat(b.batchesSent(), is(2L));
    }

    @Test
    void everyLevelIsBroadcastButTheCacheKeepsInfoAndAbove() {
        LogBroadcaster b = broadcaster(Duration.ZERO);
        RecordingSubscriber<List<LogEntry>> s = RecordingSubscriber.unbounded();
        b.subscribe().subscribe(s);
        for (LogLevel level : LogLevel.values()) {
            b.log(level, level.name());
        }
        List<LogLevel> broadcast = s.awaitItems(LogLevel.values().length).stream()
                .flatMap(List::stream).map(LogEntry::level).toList();
        assertThat(broadcast, equalTo(Arrays.asList(LogLevel.values())));
        assertThat(b.recent().stream().map(LogEntry::level).toList(),
                contains(LogLevel.Error, LogLevel.Warning, LogLevel.Progress, LogLevel.Info));
    }

    @Test
    void atWarningLevelStashCachesNoWarnings() {
        LogBroadcaster b = broadcaster(Duration.ZERO, LogLevel.Warning, CLOCK, ZoneOffset.UTC);
        b.log(LogLevel.Warning, "w");
        b.log(LogLevel.Error, "e");
        assertThat(messages(b.recent()), contains("e"));
    }

    @Test
    void theCacheKeepsTheNewestThirtyNewestFirst() {
        LogBroadcaster b = broadcaster(Duration.ZERO);
        IntStream.range(0, 40).forEach(i -> b.log(LogLevel.Info, "m" + i));
        List<String> recent = messages(b.recent());
        assertThat(recent, hasSize(LogBroadcaster.RECENT_LIMIT));
        assertThat(recent.getFirst(), is("m39"));
        assertThat(recent.getLast(), is("m10"));
    }

    @Test
    void aLaggingSubscriberKeepsTheFirstHundredBatchesAndMissesTheRest() {
        LogBroadcaster b = broadcaster(Duration.ZERO);
        RecordingSubscriber<List<LogEntry>> s = RecordingSubscriber.withoutDemand();
        b.subscribe().subscribe(s);
        IntStream.range(0, 150).forEach(i -> b.log(LogLevel.Info, "m" + i));

        assertThat(b.batchesSent(), is(100L));
        assertThat(b.batchesDropped(), is(50L));
        s.request(Long.MAX_VALUE);
        List<String> received = s.awaitItems(100).stream().map(batch -> batch.getFirst().message()).toList();
        assertThat(received, equalTo(IntStream.range(0, 100).mapToObj(i -> "m" + i).toList()));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.25, 0.5, 1.0})
    void aDropShareDropsThatShareForEachSubscriber(double share) {
        LogBroadcaster b = broadcaster(Duration.ZERO);
        b.setDropShare(share);
        RecordingSubscriber<List<LogEntry>> first = RecordingSubscriber.unbounded();
        RecordingSubscriber<List<LogEntry>> second = RecordingSubscriber.unbounded();
        b.subscribe().subscribe(first);
        b.subscribe().subscribe(second);
        int batches = 400;
        for (int i = 0; i < batches; i++) {
            b.log(LogLevel.Info, "m" + i);
            // Read as we go, so that no drop comes from a full buffer.
            long sent = b.batchesSent();
            Poll.until(() -> first.items().size() + second.items().size() == sent, "delivered");
        }
        assertThat(b.batchesSent() + b.batchesDropped(), is(2L * batches));
        assertThat((double) b.batchesDropped() / (2 * batches), is(closeTo(share)));
    }

    private static org.hamcrest.Matcher<Double> closeTo(double share) {
        return org.hamcrest.Matchers.closeTo(share, 0.08);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.01, 1.01, Double.NaN})
    void aDropShareOutsideZeroToOneIsRejected(double share) {
        LogBroadcaster b = broadcaster(Duration.ZERO);
        assertThrows(IllegalArgumentException.class, () -> b.setDropShare(share));
    }

    @Test
    void cancellingUnsubscribes() {
        LogBroadcaster b = broadcaster(Duration.ZERO);
        RecordingSubscriber<List<LogEntry>> s = RecordingSubscriber.unbounded();
        b.subscribe().subscribe(s);
        s.cancel();
        b.log(LogLevel.Info, "after");
        assertThat(b.batchesSent() + b.batchesDropped(), is(0L));
        assertThat(s.items(), is(empty()));
    }

    @Test
    void requestingZeroIsAnError() {
        LogBroadcaster b = broadcaster(Duration.ZERO);
        RecordingSubscriber<List<LogEntry>> s = RecordingSubscriber.withoutDemand();
        b.subscribe().subscribe(s);
        s.request(0);
        assertThat(s.awaitError(), is(instanceOf(IllegalArgumentException.class)));
    }

    @Test
    void closingDeliversWhatIsBufferedThenCompletes() {
        LogBroadcaster b = broadcaster(Duration.ZERO);
        RecordingSubscriber<List<LogEntry>> s = RecordingSubscriber.unbounded();
        b.subscribe().subscribe(s);
        b.log(LogLevel.Info, "last");
        b.close();
        List<List<LogEntry>> batches = s.awaitCompletion();
        assertThat(batches, hasSize(1));
        assertThat(b.recent(), hasSize(greaterThan(0)));
    }
}
