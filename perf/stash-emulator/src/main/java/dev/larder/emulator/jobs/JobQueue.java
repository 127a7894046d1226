package dev.larder.emulator.jobs;

import dev.larder.emulator.logs.DroppingBroadcast;
import dev.larder.emulator.logs.LogLevel;
import dev.larder.emulator.logs.LogSink;
import dev.larder.emulator.logs.Rfc3339Nano;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.reactivestreams.Publisher;

/**
 * Stash's job manager ({@code pkg/job/manager.go}): a queue whose jobs run one at a time, in submission order, on one
 * worker thread.
 *
 * <p>Life of a job and what {@link #subscribe()} sees, as in Stash:
 * <ul>
 *   <li>{@link #add} queues it as READY and publishes ADD.</li>
 *   <li>When it starts it becomes RUNNING (UPDATE); its progress and sub-task changes publish UPDATEs, at most one per
 *       throttle interval per job (Stash: 100 ms), the last change always going out.</li>
 *   <li>When its work returns it becomes FINISHED, or CANCELLED if it was stopped, or FAILED if the work threw; it
 *       leaves the queue at once with its sub-tasks cleared (REMOVE) and is kept among the last
 *       {@value #GRAVEYARD_SIZE} removed jobs, which {@link #find} still returns.</li>
 *   <li>{@link #stop} cancels a READY job at once (CANCELLED, REMOVE, no end time) and marks a running one STOPPING
 *       without publishing anything; the work sees {@link JobProgress#isStopping()}.</li>
 * </ul>
 * Each subscriber buffers {@value #UPDATE_BUFFER} updates and misses those that do not fit. Unlike Stash, whose
 * resolver reads ADD, UPDATE and REMOVE from three channels with {@code select} (so their relative order can change),
 * updates arrive in the order they happened.
 *
 * <p>{@link #scanComplete()} emits {@code true} when the work of a {@link JobKind#signalsScanComplete() scan or clean}
 * job returns normally without being stopped, just before the job leaves the queue. Thread-safe.
 */
public final class JobQueue implements AutoCloseable {

    /** Removed jobs kept for {@link #find}. */
    public static final int GRAVEYARD_SIZE = 10;
    /** Updates each {@code jobsSubscribe} subscriber buffers. */
    public static final int UPDATE_BUFFER = 100;
    /** Signals each {@code scanCompleteSubscribe} subscriber buffers. */
    public static final int SCAN_COMPLETE_BUFFER = 10;
    /** Stash's minimum time between progress UPDATEs of one job. */
    public static final Duration STASH_UPDATE_THROTTLE = Duration.ofMillis(100);

    private static final double INDEFINITE = -1;

    private final Clock clock;
    private final ZoneId zone;
    private final LogSink log;
    private final long throttleNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition readyOrClosed = lock.newCondition();
    private final List<Entry> queue = new ArrayList<>();
    private final ArrayDeque<Entry> graveyard = new ArrayDeque<>(GRAVEYARD_SIZE);
    private final DroppingBroadcast<JobStatusUpdate> updates = new DroppingBroadcast<>(UPDATE_BUFFER, "jobs-subscribe");
    private final DroppingBroadcast<Boolean> scanCompletes =
            new DroppingBroadcast<>(SCAN_COMPLETE_BUFFER, "scan-complete-subscribe");
    private final ScheduledExecutorService throttleTimer =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("job-update-throttle").factory());
    private final Thread worker;
    private int lastId;
    private boolean closed;

    /**
     * A queue with Stash's update throttle.
     *
     * @param clock source of the jobs' timestamps
     * @param zone  zone whose offset the timestamps carry
     * @param log   where a failed job's error is logged, as Stash logs it
     */
    public JobQueue(Clock clock, ZoneId zone, LogSink log) {
        this(clock, zone, log, STASH_UPDATE_THROTTLE);
    }

    /**
     * @param clock          source of the jobs' timestamps
     * @param zone           zone whose offset the timestamps carry
     * @param log            where a failed job's error is logged
     * @param updateThrottle minimum time between progress UPDATEs of one job, zero or more (zero publishes each)
     */
    public JobQueue(Clock clock, ZoneId zone, LogSink log, Duration updateThrottle) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.log = Objects.requireNonNull(log, "log");
        if (updateThrottle.isNegative()) {
            throw new IllegalArgumentException("updateThrottle must not be negative: " + updateThrottle);
        }
        this.throttleNanos = updateThrottle.toNanos();
        this.worker = Thread.ofPlatform().daemon().name("job-queue-worker").start(this::dispatchLoop);
    }

    /**
     * Queues one of Stash's built-in tasks under its Stash description.
     *
     * @param kind what it is
     * @param work the work
     * @return the job's id
     * @throws IllegalStateException if the queue is closed
     */
    public int add(JobKind kind, JobWork work) {
        return add(Objects.requireNonNull(kind, "kind"), kind.description(), work);
    }

    /**
     * Queues a job that is none of {@link JobKind} (a plugin task, say); it never signals {@link #scanComplete()}.
     *
     * @param description what it does, as shown in {@code jobQueue}
     * @param work        the work
     * @return the job's id
     * @throws IllegalStateException if the queue is closed
     */
    public int add(String description, JobWork work) {
        return add(null, description, work);
    }

    /** @return snapshots of the queued jobs (READY, RUNNING, STOPPING) in queue order: the {@code jobQueue} query */
    public List<Job> queue() {
        lock.lock();
        try {
            return queue.stream().map(this::snapshot).toList();
        } finally {
            lock.unlock();
        }
    }

    /**
     * @param id a job id
     * @return the job if queued or among the last {@value #GRAVEYARD_SIZE} removed, else null ({@code findJob})
     */
    public Job find(int id) {
        lock.lock();
        try {
            for (Entry e : queue) {
                if (e.id == id) {
                    return snapshot(e);
                }
            }
            for (Entry e : graveyard) {
                if (e.id == id) {
                    return snapshot(e);
                }
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** Stops a queued job ({@code stopJob}); no effect if it is not queued or already stopping. */
    public void stop(int id) {
        lock.lock();
        try {
            for (Entry e : List.copyOf(queue)) {
                if (e.id == id) {
                    cancel(e);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Stops every queued job ({@code stopAllJobs}). */
    public void stopAll() {
        lock.lock();
        try {
            for (Entry e : List.copyOf(queue)) {
                cancel(e);
            }
        } finally {
            lock.unlock();
        }
    }

    /** @return the {@code jobsSubscribe} stream; each subscription sees the updates after it subscribed */
    public Publisher<JobStatusUpdate> subscribe() {
        return updates;
    }

    /** @return the {@code scanCompleteSubscribe} stream: {@code true} per finished scan or clean */
    public Publisher<Boolean> scanComplete() {
        return scanCompletes;
    }

    /**
     * Stops all jobs and the worker (a running job's work still returns in its own time), then completes the
     * streams once their subscribers have what was published. Idempotent.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            for (Entry e : List.copyOf(queue)) {
                cancel(e);
            }
            closed = true;
            readyOrClosed.signalAll();
        } finally {
            lock.unlock();
        }
        throttleTimer.shutdownNow();
        updates.close();
        scanCompletes.close();
    }

    private int add(JobKind kind, String description, JobWork work) {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(work, "work");
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("job queue is closed");
            }
            Entry e = new Entry(++lastId, kind, description, work, clock.instant());
            queue.add(e);
            readyOrClosed.signalAll();
            updates.publish(new JobStatusUpdate(JobStatusUpdateType.ADD, snapshot(e)));
            return e.id;
        } finally {
            lock.unlock();
        }
    }

    private void dispatchLoop() {
        while (true) {
            Entry e;
            lock.lock();
            try {
                while ((e = firstReady()) == null && !closed) {
                    readyOrClosed.awaitUninterruptibly();
                }
                if (closed) {
                    return;
                }
                e.status = JobStatus.RUNNING;
                e.startTime = clock.instant();
                publishUpdate(e);
            } finally {
                lock.unlock();
            }
            execute(e);
        }
    }

    private Entry firstReady() {
        for (Entry e : queue) {
            if (e.status == JobStatus.READY) {
                return e;
            }
        }
        return null;
    }

    private void execute(Entry e) {
        Exception failure = null;
        try {
            e.work.run(new Progress(e));
        } catch (Exception ex) {
            failure = ex;
        }
        lock.lock();
        try {
            if (failure != null) {
                e.error = failure.getMessage() != null ? failure.getMessage() : failure.toString();
                e.status = JobStatus.FAILED;
                log.log(LogLevel.Error, "task failed due to error: " + e.error);
            } else if (e.kind != null && e.kind.signalsScanComplete() && e.status == JobStatus.RUNNING) {
                scanCompletes.publish(Boolean.TRUE);
            }
            if (e.status == JobStatus.STOPPING) {
                e.status = JobStatus.CANCELLED;
            } else if (e.status != JobStatus.FAILED) {
                e.status = JobStatus.FINISHED;
            }
            e.endTime = clock.instant();
            remove(e);
        } finally {
            lock.unlock();
        }
    }

    /** Lock held. */
    private void cancel(Entry e) {
        if (e.status == JobStatus.READY) {
            e.status = JobStatus.CANCELLED;
            remove(e);
        } else if (e.status == JobStatus.RUNNING) {
            e.status = JobStatus.STOPPING;
        }
    }

    /** Lock held. */
    private void remove(Entry e) {
        if (!queue.remove(e)) {
            return;
        }
        e.subTasks.clear();
        graveyard.addLast(e);
        if (graveyard.size() > GRAVEYARD_SIZE) {
            graveyard.removeFirst();
        }
        updates.publish(new JobStatusUpdate(JobStatusUpdateType.REMOVE, snapshot(e)));
    }

    /** Lock held. Finished and cancelled jobs are announced by REMOVE only, as in Stash. */
    private void publishUpdate(Entry e) {
        if (e.status != JobStatus.CANCELLED && e.status != JobStatus.FINISHED) {
            updates.publish(new JobStatusUpdate(JobStatusUpdateType.UPDATE, snapshot(e)));
        }
    }

    /** Lock held. Publishes now, or schedules one trailing update if the last went out under a throttle ago. */
    private void progressChanged(Entry e) {
        long sinceLast = System.nanoTime() - e.lastUpdateNanos;
        if (e.updatedBefore && sinceLast < throttleNanos) {
            if (!e.trailingUpdateScheduled && !closed) {
                e.trailingUpdateScheduled = true;
                throttleTimer.schedule(() -> {
                    lock.lock();
                    try {
                        e.trailingUpdateScheduled = false;
                        publishThrottled(e);
                    } finally {
                        lock.unlock();
                    }
                }, throttleNanos - sinceLast, TimeUnit.NANOSECONDS);
            }
        } else {
            publishThrottled(e);
        }
    }

    private void publishThrottled(Entry e) {
        publishUpdate(e);
        e.lastUpdateNanos = System.nanoTime();
        e.updatedBefore = true;
    }

    private Job snapshot(Entry e) {
        return new Job(e.id, e.status, e.subTasks.stream().map(t -> t.description).toList(), e.description,
                e.progress == INDEFINITE ? null : e.progress, format(e.startTime), format(e.endTime),
                format(e.addTime), e.error);
    }

    private String format(Instant instant) {
        return instant == null ? null : Rfc3339Nano.format(instant, zone);
    }

    /** A job's mutable state; guarded by the queue's lock. */
    private static final class Entry {
        final int id;
        final JobKind kind;
        final String description;
        final JobWork work;
        final Instant addTime;
        final List<Progress.Task> subTasks = new ArrayList<>();
        JobStatus status = JobStatus.READY;
        double progress;
        Instant startTime;
        Instant endTime;
        String error;
        boolean updatedBefore;
        long lastUpdateNanos;
        boolean trailingUpdateScheduled;

        Entry(int id, JobKind kind, String description, JobWork work, Instant addTime) {
            this.id = id;
            this.kind = kind;
            this.description = description;
            this.work = work;
            this.addTime = addTime;
        }
    }

    private final class Progress implements JobProgress {
        private final Entry entry;

        Progress(Entry entry) {
            this.entry = entry;
        }

        @Override
        public void setProgress(double fraction) {
            if (Double.isNaN(fraction)) {
                throw new IllegalArgumentException("progress must be a number");
            }
            update(Math.clamp(fraction, 0.0, 1.0));
        }

        @Override
        public void setIndefinite() {
            update(INDEFINITE);
        }

        private void update(double value) {
            lock.lock();
            try {
                entry.progress = value;
                progressChanged(entry);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public SubTask addSubTask(String description) {
            Task task = new Task(Objects.requireNonNull(description, "description"));
            lock.lock();
            try {
                entry.subTasks.add(task);
                progressChanged(entry);
            } finally {
                lock.unlock();
            }
            return task;
        }

        @Override
        public boolean isStopping() {
            lock.lock();
            try {
                return entry.status == JobStatus.STOPPING;
            } finally {
                lock.unlock();
            }
        }

        /** Identity matters: two sub-tasks with the same description are distinct. */
        private final class Task implements SubTask {
            final String description;

            Task(String description) {
                this.description = description;
            }

            @Override
            public void close() {
                lock.lock();
                try {
                    if (entry.subTasks.remove(this)) {
                        progressChanged(entry);
                    }
                } finally {
                    lock.unlock();
                }
            }
        }
    }
}
