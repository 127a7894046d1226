package dev.larder.demo;

import dev.larder.sync.TypeProgress;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Renders a full sync's progress as one line: a bar over the rows of every type against the total Stash counted
 * before the first page, the type being fetched and its rate, and the time so far. The share shown never goes down,
 * not even when Stash's counts change during the sync. Not thread-safe: one instance per sync shown.
 */
final class ProgressBar {

    static final int WIDTH = 40;

    private double shown;

    /**
     * @param types   every type's progress in the sync under way, as {@code SyncEngine.status()} gives it
     * @param elapsed the time since the sync was asked for
     * @return one line, without line breaks or carriage returns
     */
    String render(List<TypeProgress> types, Duration elapsed) {
        long fetched = 0;
        long total = 0;
        boolean counted = true;
        boolean fetching = false;
        String current = "";
        String rate = "";
        for (TypeProgress t : types) {
            boolean ended = t.state() == TypeProgress.State.DONE || t.state() == TypeProgress.State.FAILED;
            fetched += t.fetched();
            total += Math.max(t.total(), t.fetched());
            counted &= ended || t.total() >= 0;
            fetching |= !ended;
            if (t.state() == TypeProgress.State.RUNNING) {
                current = t.type().pluralName();
                rate = String.format(Locale.ROOT, "%,.0f rows/s", t.rowsPerSecond());
            }
        }
        long seconds = elapsed.toSeconds();
        if (!counted) {
            return String.format(Locale.ROOT, "[%s]  counting what Stash has  %d s", ".".repeat(WIDTH), seconds);
        }
        shown = Math.max(shown, total == 0 ? 1 : Math.min(1, (double) fetched / total));
        // rounded down, so that a full bar and 100% mean every row is in
        int filled = (int) Math.floor(shown * WIDTH);
        String bar = "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "]";
        int percent = (int) Math.floor(shown * 100);
        if (!fetching) {
            return String.format(Locale.ROOT, "%s %3d%%  %,d / %,d rows  finishing (indexes, deletion check)  %d s",
                    bar, percent, fetched, total, seconds);
        }
        return String.format(Locale.ROOT, "%s %3d%%  %,d / %,d rows  %-13s  %13s  %d s", bar, percent, fetched,
                total, current, rate, seconds);
    }
}
