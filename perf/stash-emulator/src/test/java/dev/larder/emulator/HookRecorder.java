package dev.larder.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.larder.emulator.logs.LogEntry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Reads the hooks that the test plugin {@code contract-plugin/recorder} writes to the emulator's log stream, so the
 * contract tests see hooks exactly as a log-stream subscriber (Larder) would.
 */
final class HookRecorder implements Subscriber<List<LogEntry>> {

    /** One recorded hook. */
    record Hook(String type, int id, JsonNode input, JsonNode inputFields) {
    }

    private static final String MARK = "[Plugin / Hook recorder] HOOK ";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<Hook> hooks = new CopyOnWriteArrayList<>();

    static HookRecorder attach(StashEmulator emulator) {
        HookRecorder recorder = new HookRecorder();
        emulator.logs().subscribe().subscribe(recorder);
        return recorder;
    }

    @Override
    public void onSubscribe(Subscription s) {
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<LogEntry> batch) {
        for (LogEntry entry : batch) {
            if (entry.message().startsWith(MARK)) {
                try {
                    JsonNode hook = JSON.readTree(entry.message().substring(MARK.length()));
                    hooks.add(new Hook(hook.get("type").asText(), hook.get("id").asInt(), hook.get("input"),
                            hook.get("inputFields")));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException("unreadable hook line " + entry.message(), e);
                }
            }
        }
    }

    @Override
    public void onError(Throwable t) {
    }

    @Override
    public void onComplete() {
    }

    /**
     * Waits until at least {@code count} hooks arrived (hooks run before the mutation returns, but the log stream
     * delivers them in batches), then returns them all and forgets them.
     */
    List<Hook> take(int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (hooks.size() < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List<Hook> out = new ArrayList<>(hooks);
        hooks.clear();
        return out;
    }
}
