package dev.larder.stash;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Has Stash install a plugin from a package source and enable it: {@code installPackages}, then
 * {@code findJob} until the install job ends (bounded), then, once {@code plugins} lists the plugin,
 * {@code setPluginsEnabled}, then {@code plugins} again to see it enabled, and {@code availablePackages} for the
 * version the source offers.
 *
 * <p>Stash's install job carries on past a package that fails (an unreachable source, a sha256 that does not match)
 * and can end {@code FINISHED} all the same, so success is judged by what {@code plugins} lists afterwards, not by
 * the job alone. A plugin that was installed before and stays listed after a failed update counts as installed.
 * Thread-safe; each call blocks its thread while Stash works.
 */
public final class PluginInstaller {

    private final StashClient stash;
    private final Duration jobTimeout;
    private final Duration pollInterval;

    /**
     * @param stash        the client for Stash
     * @param jobTimeout   how long to wait for the install job to end, more than 0
     * @param pollInterval the wait between two looks at the job, more than 0
     */
    public PluginInstaller(StashClient stash, Duration jobTimeout, Duration pollInterval) {
        this.stash = Objects.requireNonNull(stash, "stash");
        if (jobTimeout.isNegative() || jobTimeout.isZero() || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("the job timeout and the poll interval must be more than 0");
        }
        this.jobTimeout = jobTimeout;
        this.pollInterval = pollInterval;
    }

    /**
     * Installs (or updates) a plugin package and enables the plugin.
     *
     * @param pluginId  the package id in the source's index, which is also the plugin's id once installed
     * @param sourceUrl the source's index URL, as Stash must reach it
     * @return the installed plugin
     * @throws StashException when Stash cannot be reached, refuses a request, the job fails, is cancelled or does
     *                        not end within the job timeout ({@link StashException.Reason#UNAVAILABLE}), or the
     *                        plugin is not listed (or not enabled) afterwards; the message says which
     */
    public Installed install(String pluginId, URI sourceUrl) {
        int jobId = stash.installPluginPackage(pluginId, sourceUrl);
        Optional<StashJob> job = awaitEnd(jobId);
        if (job.isPresent() && !"FINISHED".equals(job.get().status())) {
            throw rejected("Stash's install job " + jobId + " ended " + job.get().status()
                    + (job.get().error() == null ? "" : ": " + job.get().error()));
        }
        if (find(pluginId).isEmpty()) {
            throw rejected("Stash's install job " + jobId + " ended, but Stash lists no plugin \"" + pluginId
                    + "\": Stash could not fetch or unpack the package from " + sourceUrl
                    + " (Stash's log says why; the URL must be reachable from Stash itself)");
        }
        stash.setPluginsEnabled(Map.of(pluginId, true));
        StashPlugin plugin = find(pluginId).filter(StashPlugin::enabled).orElseThrow(
                () -> rejected("Stash lists the plugin \"" + pluginId + "\" but did not enable it"));
        // Stash lists a package it installed (installedPackages) only when its URL is a configured source, so the
        // version is read from the source, which Stash has just installed from
        String version = stash.availablePluginPackages(sourceUrl).stream().filter(p -> p.id().equals(pluginId))
                .map(StashPackage::version).filter(Objects::nonNull).findFirst().orElse(plugin.version());
        return new Installed(plugin.id(), version);
    }

    /** The job once it ended, or empty when Stash no longer knows it. */
    private Optional<StashJob> awaitEnd(int jobId) {
        long deadline = System.nanoTime() + jobTimeout.toNanos();
        while (true) {
            Optional<StashJob> job = stash.findJob(jobId);
            if (job.isEmpty() || job.get().ended()) {
                return job;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new StashException(StashException.Reason.UNAVAILABLE, 200, List.of(),
                        "Stash's install job " + jobId + " is still " + job.get().status() + " after "
                                + jobTimeout.toSeconds() + " s", null);
            }
            try {
                Thread.sleep(pollInterval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StashException(StashException.Reason.INTERRUPTED, 0, List.of(),
                        "interrupted while waiting for Stash's install job " + jobId, null);
            }
        }
    }

    private Optional<StashPlugin> find(String pluginId) {
        return stash.plugins().stream().filter(p -> p.id().equals(pluginId)).findFirst();
    }

    private static StashException rejected(String message) {
        return new StashException(StashException.Reason.REJECTED, 200, List.of(), message, null);
    }

    /**
     * A plugin Stash has installed and enabled.
     *
     * @param id      the plugin id
     * @param version the package's version in the source's index, else the plugin's own, or null when neither says
     */
    public record Installed(String id, String version) {
    }
}
