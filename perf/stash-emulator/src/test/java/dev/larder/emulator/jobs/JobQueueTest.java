package dev.larder.emulator.jobs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.larder.emulator.logs.LogEntry;
import dev.larder.emulator.logs.LogLevel;
import dev.larder.emulator.logs.Poll;
import dev.larder.emulator.logs.RecordingSubscriber;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JobQueueTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-11T07:07:53.25Z"), ZoneOffset.UTC);

    private final List<LogEntry> logged = new CopyOnWriteArrayList<>();
    private final JobQueue jobs = new JobQueue(CLOCK, ZoneOffset.ofHours(11),
            (level, message) -> logged.add(new LogEntry("", level, message)), Duration.ZERO);
    private final CountDownLatch gate = new CountDownLatch(1);

    @AfterEach
    void close() {
        gate.countDown();
        jobs.close();
    }

    private JobStatus status(int id) {
        Job job = jobs.find(id);
        return job == null ? null : job.status();
    }

    private void awaitStatus(int id, JobStatus status) {
        Poll.until(() -> status(id) == status, "job " + id + " is " + status);
    }

    private void waitAtGate() throws InterruptedException {
        gate.await();
    }

    @Test
    void jobsRunOneAtATimeInSubmissionOrder() {
        List<Integer> ran = new CopyOnWriteArrayList<>();
        int first = jobs.add("first", p -> {
            ran.add(1);
            waitAtGate();
        });
        int second = jobs.add("second", p -> ran.add(2));
        int third = jobs.add("third", p -> ran.add(3));
        awaitStatus(first, JobStatus.RUNNING);

        assertThat(jobs.queue().stream().map(Job::id).toList(), contains(first, second, third));
        assertThat(jobs.queue().stream().map(Job::status).toList(),
                contains(JobStatus.RUNNING, JobStatus.READY, JobStatus.READY));
        gate.countDown();
        Poll.until(() -> jobs.queue().isEmpty(), "the queue drained");

        assertThat(ran, contains(1, 2, 3));
        Job done = jobs.find(third);
        assertThat(done.status(), is(JobStatus.FINISHED));
        assertThat(done.addTime(), is("2026-01-11T18:07:53.25+11:00"));
        assertThat(done.startTime(), is(notNullValue()));
        assertThat(done.endTime(), is(notNullValue()));
    }

    @Test
    void subscribersSeeAddUpdatesAndRemoveWithProgressAndSubTasks() {
        RecordingSubscriber<JobStatusUpdate> updates = RecordingSubscriber.unbounded();
        jobs.subscribe().subscribe(updates);
        updates.awaitSubscribed();
        int id = jobs.add(JobKind.GENERATE, p -> {
            p.setProgress(0.5);
            try (JobProgress.SubTask ignored = p.addSubTask("previews")) {
                p.setIndefinite();
            }
            p.setProgress(1.5);
        });
        awaitStatus(id, JobStatus.FINISHED);
        jobs.close();

        List<JobStatusUpdate> seen = updates.awaitCompletion();
        assertThat(seen.stream().map(JobStatusUpdate::type).toList(), contains(
                JobStatusUpdateType.ADD, JobStatusUpdateType.UPDATE, JobStatusUpdateType.UPDATE,
                JobStatusUpdateType.UPDATE, JobStatusUpdateType.UPDATE, JobStatusUpdateType.UPDATE,
                JobStatusUpdateType.UPDATE, JobStatusUpdateType.REMOVE));
        List<Job> states = seen.stream().map(JobStatusUpdate::job).toList();
        assertThat(states.get(0).status(), is(JobStatus.READY));
        assertThat(states.get(0).description(), is("Generating..."));
        assertThat(states.get(1).status(), is(JobStatus.RUNNING));
        assertThat(states.get(2).progress(), is(0.5));
        assertThat(states.get(3).subTasks(), contains("previews"));
        assertThat(states.get(4).progress(), is(nullValue()));
        assertThat(states.get(5).subTasks(), is(empty()));
        assertThat(states.get(6).progress(), is(1.0));
        assertThat(states.get(7).status(), is(JobStatus.FINISHED));
    }

    @Test
    void stoppingARunningJobMarksItStoppingThenCancelledAndSignalsNoScanComplete() {
        RecordingSubscriber<Boolean> scans = RecordingSubscriber.unbounded();
        jobs.scanComplete().subscribe(scans);
        scans.awaitSubscribed();
        int id = jobs.add(JobKind.SCAN, p -> {
            Poll.until(p::isStopping, "asked to stop");
            waitAtGate();
        });
        awaitStatus(id, JobStatus.RUNNING);
        jobs.stop(id);
        assertThat(status(id), is(JobStatus.STOPPING));
        gate.countDown();
        awaitStatus(id, JobStatus.CANCELLED);
        assertThat(jobs.find(id).endTime(), is(notNullValue()));
        jobs.close();

        assertThat(scans.awaitCompletion(), is(empty()));
    }

    @Test
    void stoppingAReadyJobCancelsItWithoutRunningIt() {
        AtomicBoolean secondRan = new AtomicBoolean();
        int first = jobs.add("first", p -> waitAtGate());
        int second = jobs.add("second", p -> secondRan.set(true));
        awaitStatus(first, JobStatus.RUNNING);
        jobs.stop(second);

        Job cancelled = jobs.find(second);
        assertThat(cancelled.status(), is(JobStatus.CANCELLED));
        assertThat(cancelled.startTime(), is(nullValue()));
        assertThat(cancelled.endTime(), is(nullValue()));
        assertThat(jobs.queue().stream().map(Job::id).toList(), contains(first));
        gate.countDown();
        awaitStatus(first, JobStatus.FINISHED);
        assertThat(secondRan.get(), is(false));
    }

    @Test
    void stopAllCancelsEveryQueuedJob() {
        int first = jobs.add("first", p -> Poll.until(p::isStopping, "asked to stop"));
        int second = jobs.add("second", p -> { });
        awaitStatus(first, JobStatus.RUNNING);
        jobs.stopAll();
        awaitStatus(first, JobStatus.CANCELLED);
        assertThat(status(second), is(JobStatus.CANCELLED));
    }

    @Test
    void aThrowingJobFailsWithItsMessageLogged() {
        int id = jobs.add(JobKind.SCAN, p -> {
            throw new IOException("disk gone");
        });
        awaitStatus(id, JobStatus.FAILED);
        assertThat(jobs.find(id).error(), is("disk gone"));
        assertThat(logged, contains(new LogEntry("", LogLevel.Error, "task failed due to error: disk gone")));
    }

    @ParameterizedTest
    @EnumSource(JobKind.class)
    void onlyAFinishedScanOrCleanSignalsScanComplete(JobKind kind) {
        RecordingSubscriber<Boolean> scans = RecordingSubscriber.unbounded();
        jobs.scanComplete().subscribe(scans);
        scans.awaitSubscribed();
        int id = jobs.add(kind, p -> { });
        awaitStatus(id, JobStatus.FINISHED);
        jobs.close();

        List<Boolean> signals = scans.awaitCompletion();
        assertThat(signals, is(kind == JobKind.SCAN || kind == JobKind.CLEAN ? List.of(true) : List.of()));
    }

    @Test
    void aJobWithAPlainDescriptionSignalsNoScanComplete() {
        RecordingSubscriber<Boolean> scans = RecordingSubscriber.unbounded();
        jobs.scanComplete().subscribe(scans);
        scans.awaitSubscribed();
        int id = jobs.add("Scanning...", p -> { });
        awaitStatus(id, JobStatus.FINISHED);
        jobs.close();
        assertThat(scans.awaitCompletion(), is(empty()));
    }

    @Test
    void findKeepsTheLastTenRemovedJobs() {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < JobQueue.GRAVEYARD_SIZE + 2; i++) {
            ids.add(jobs.add("job " + i, p -> { }));
        }
        awaitStatus(ids.getLast(), JobStatus.FINISHED);
        assertThat(jobs.find(ids.get(0)), is(nullValue()));
        assertThat(jobs.find(ids.get(1)), is(nullValue()));
        assertThat(jobs.find(ids.get(2)).status(), is(JobStatus.FINISHED));
        assertThat(jobs.find(ids.get(2)).subTasks(), is(empty()));
    }

    @Test
    void addingToAClosedQueueFails() {
        jobs.close();
        assertThrows(IllegalStateException.class, () -> jobs.add("late", p -> { }));
    }
}
