package dev.larder.demo;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.larder.model.EntityType;
import dev.larder.sync.SyncMode;
import dev.larder.sync.TypeProgress;
import dev.larder.sync.TypeProgress.State;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private static final Pattern PERCENT = Pattern.compile("\\] +(\\d+)%");

    private final ProgressBar bar = new ProgressBar();

    @Test
    void aFullSyncIsShownAgainstEveryTypesTotalFromTheStart() {
        List<String> lines = new ArrayList<>();
        lines.add(render(queued(EntityType.TAG, -1), queued(EntityType.SCENE, -1)));
        lines.add(render(queued(EntityType.TAG, 800), queued(EntityType.SCENE, 3200)));
        lines.add(render(running(EntityType.TAG, 400, 800), queued(EntityType.SCENE, 3200)));
        lines.add(render(done(EntityType.TAG, 800), queued(EntityType.SCENE, 3200)));
        lines.add(render(done(EntityType.TAG, 800), running(EntityType.SCENE, 1200, 3200)));
        lines.add(render(done(EntityType.TAG, 800), running(EntityType.SCENE, 3200, 3200)));
        lines.add(render(done(EntityType.TAG, 800), done(EntityType.SCENE, 3200)));

        assertThat(lines.get(0), containsString("counting what Stash has"));
        assertThat(lines.get(1), containsString("  0%  0 / 4,000 rows"));
        assertThat(lines.get(2), containsString(" 10%  400 / 4,000 rows  tags "));
        // between two types: the next one's name is not shown with the last one's rows
        assertThat(lines.get(3), containsString(" 20%  800 / 4,000 rows "));
        assertThat(lines.get(3), not(containsString("scenes")));
        assertThat(lines.get(4), containsString(" 50%  2,000 / 4,000 rows  scenes "));
        assertThat(lines.get(5), startsWith("[" + "#".repeat(ProgressBar.WIDTH) + "] 100%"));
        assertThat(lines.get(6), containsString("100%  4,000 / 4,000 rows  finishing"));
        assertMonotonicOneLineEach(lines);
    }

    @Test
    void theShareNeverGoesDownWhenStashsCountsGrow() {
        List<String> lines = new ArrayList<>();
        lines.add(render(running(EntityType.SCENE, 900, 1000)));
        // rows created in Stash during the sync: its count grows past what was shown
        lines.add(render(running(EntityType.SCENE, 950, 2000)));
        lines.add(render(running(EntityType.SCENE, 1900, 2000)));
        assertThat(lines.get(1), containsString(" 90% "));
        assertThat(lines.get(2), containsString(" 95% "));
        assertMonotonicOneLineEach(lines);
    }

    @Test
    void anEmptyLibraryIsDoneAtOnce() {
        assertThat(render(done(EntityType.TAG, 0)), containsString("100%  0 / 0 rows  finishing"));
    }

    private String render(TypeProgress... types) {
        return bar.render(List.of(types), Duration.ofSeconds(2));
    }

    private static void assertMonotonicOneLineEach(List<String> lines) {
        int before = 0;
        for (String line : lines) {
            assertThat(line, not(containsString("\n")));
            assertThat(line, not(containsString("\r")));
            Matcher m = PERCENT.matcher(line);
            if (m.find()) {
                int percent = Integer.parseInt(m.group(1));
                assertThat(line, percent, greaterThanOrEqualTo(before));
                before = percent;
            }
        }
    }

    private static TypeProgress queued(EntityType type, long total) {
        return progress(type, State.QUEUED, 0, total);
    }

    private static TypeProgress running(EntityType type, long fetched, long total) {
        return progress(type, State.RUNNING, fetched, total);
    }

    private static TypeProgress done(EntityType type, long rows) {
        return progress(type, State.DONE, rows, rows);
    }

    private static TypeProgress progress(EntityType type, State state, long fetched, long total) {
        return new TypeProgress(type, state, SyncMode.FULL, fetched, total, 0, -1, null, null, null);
    }

}
