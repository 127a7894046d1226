package dev.larder.emulator.packages;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Objects;

import dev.larder.emulator.jobs.JobProgress;
import dev.larder.emulator.jobs.JobQueue;
import dev.larder.emulator.logs.LogLevel;
import dev.larder.emulator.logs.LogSink;

/**
 * The plugin package jobs of {@code installPackages} and {@code uninstallPackages}, as Stash runs them
 * ({@code internal/api/resolver_mutation_package.go}, {@code internal/manager/task/packages.go}):
 * <ul>
 *   <li>the job is queued under {@value #INSTALL_DESCRIPTION} (uninstall: {@value #UNINSTALL_DESCRIPTION}, Stash's
 *       own text) and its id returned at once;</li>
 *   <li>each package in turn is a sub-task {@code "Installing <id>"} ({@code "Uninstalling <id>"}) and logs
 *       {@code "Installing package <id>"} at Info; a package that fails logs
 *       {@code "Error installing package <id> from <sourceURL>: installing package: <reason>"}
 *       ({@code "Error uninstalling package <id>: <reason>"}) at Error, and the job goes on with the next;</li>
 *   <li>then the plugins are reloaded and {@code "Finished installing packages"} is logged at Info; the job
 *       ends FINISHED even when every package failed;</li>
 *   <li>a job stopped between packages logs {@code "Cancelled installing packages"} (for uninstall too) and ends
 *       without reloading.</li>
 * </ul>
 * Thread-safe; the work runs on the job queue's worker.
 */
public final class PackageJobs {

    /** Stash's description of an install job. */
    public static final String INSTALL_DESCRIPTION = "Installing packages...";
    /** Stash's description of an uninstall job (Stash reuses its update text). */
    public static final String UNINSTALL_DESCRIPTION = "Updating packages...";

    private final JobQueue jobs;
    private final LogSink log;
    private final PackageDownloader downloader;
    private final PackageStore store;
    private final PackageSources sources;
    private final Runnable reloadPlugins;

    /**
     * @param jobs          the queue the jobs run on
     * @param log           Stash's log stream
     * @param downloader    fetches indexes and zips
     * @param store         the installed packages
     * @param sources       the configured sources (where each URL installs to)
     * @param reloadPlugins reloads the plugin registry; run at the end of each job that was not stopped
     */
    public PackageJobs(JobQueue jobs, LogSink log, PackageDownloader downloader, PackageStore store,
                       PackageSources sources, Runnable reloadPlugins) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.log = Objects.requireNonNull(log, "log");
        this.downloader = Objects.requireNonNull(downloader, "downloader");
        this.store = Objects.requireNonNull(store, "store");
        this.sources = Objects.requireNonNull(sources, "sources");
        this.reloadPlugins = Objects.requireNonNull(reloadPlugins, "reloadPlugins");
    }

    /**
     * Queues a job installing the packages in order.
     *
     * @param packages what to install
     * @return the job id
     */
    public int install(List<PackageSpec> packages) {
        List<PackageSpec> specs = List.copyOf(packages);
        return jobs.add(INSTALL_DESCRIPTION, progress -> {
            for (int i = 0; i < specs.size(); i++) {
                if (progress.isStopping()) {
                    log.log(LogLevel.Info, "Cancelled installing packages");
                    return;
                }
                PackageSpec spec = specs.get(i);
                log.log(LogLevel.Info, "Installing package " + spec.id());
                try (JobProgress.SubTask task = progress.addSubTask("Installing " + spec.id())) {
                    installOne(spec);
                } catch (PackageException e) {
                    log.log(LogLevel.Error, "Error installing package " + spec.id() + " from " + spec.sourceURL()
                            + ": installing package: " + e.getMessage());
                }
                progress.setProgress((i + 1.0) / specs.size());
            }
            reloadPlugins.run();
            log.log(LogLevel.Info, "Finished installing packages");
        });
    }

    /**
     * Queues a job uninstalling the packages in order.
     *
     * @param packages what to uninstall; each one's source URL picks the local path it is looked for under
     * @return the job id
     */
    public int uninstall(List<PackageSpec> packages) {
        List<PackageSpec> specs = List.copyOf(packages);
        return jobs.add(UNINSTALL_DESCRIPTION, progress -> {
            for (int i = 0; i < specs.size(); i++) {
                if (progress.isStopping()) {
                    log.log(LogLevel.Info, "Cancelled installing packages");
                    return;
                }
                PackageSpec spec = specs.get(i);
                log.log(LogLevel.Info, "Uninstalling package " + spec.id());
                try (JobProgress.SubTask task = progress.addSubTask("Uninstalling " + spec.id())) {
                    store.uninstall(sources.localPathFor(spec.sourceURL()), spec.id());
                } catch (PackageException e) {
                    log.log(LogLevel.Error, "Error uninstalling package " + spec.id() + ": " + e.getMessage());
                }
                progress.setProgress((i + 1.0) / specs.size());
            }
            reloadPlugins.run();
            log.log(LogLevel.Info, "Finished uninstalling packages");
        });
    }

    private void installOne(PackageSpec spec) throws PackageException {
        URI indexUrl;
        try {
            indexUrl = new URI(spec.sourceURL());
        } catch (URISyntaxException e) {
            throw new PackageException("creating remote repository: parsing path: " + e.getMessage(), e);
        }
        PackageIndex index;
        try {
            index = downloader.index(indexUrl);
        } catch (PackageException e) {
            throw e.within("listing remote packages").within("getting remote package");
        }
        RemotePackage pkg = index.find(spec.id()).orElseThrow(
                () -> new PackageException("package \"" + spec.id() + "\" not found in repository"));
        byte[] zip = downloader.packageZip(indexUrl, pkg);
        PackageArchive archive = PackageArchive.read(zip);
        store.install(sources.localPathFor(spec.sourceURL()), pkg, spec.sourceURL(), archive);
    }
}
