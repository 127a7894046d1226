package dev.larder.emulator.graphql;

import dev.larder.emulator.library.Rfc3339;
import dev.larder.emulator.packages.Manifest;
import dev.larder.emulator.packages.PackageDownloader;
import dev.larder.emulator.packages.PackageException;
import dev.larder.emulator.packages.PackageIndex;
import dev.larder.emulator.packages.PackageJobs;
import dev.larder.emulator.packages.PackageSource;
import dev.larder.emulator.packages.PackageSources;
import dev.larder.emulator.packages.PackageSpec;
import dev.larder.emulator.packages.PackageStore;
import dev.larder.emulator.packages.RemotePackage;
import dev.larder.emulator.logs.LogLevel;
import dev.larder.emulator.logs.LogSink;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Stash's plugin package API ({@code internal/api/resolver_*_package.go}): {@code installPackages} and
 * {@code uninstallPackages} (jobs, see {@link PackageJobs}), {@code installedPackages}, {@code availablePackages},
 * and the {@code pluginPackageSources} part of {@code configureGeneral} and {@code configuration.general} (the
 * emulator's schema has no other general setting). Scraper packages are refused; {@code updatePackages} is not
 * emulated.
 */
public final class PackageWiring implements Consumer<RuntimeWiring.Builder> {

    private static final Rfc3339 UTC = new Rfc3339(ZoneOffset.UTC);

    private final PackageJobs jobs;
    private final PackageStore store;
    private final PackageSources sources;
    private final PackageDownloader downloader;
    private final LogSink log;
    private final Path pluginsDir;

    /**
     * @param jobs       queues install and uninstall jobs
     * @param store      the installed packages
     * @param sources    the configured plugin package sources
     * @param downloader reads sources for {@code availablePackages} and {@code source_package}
     * @param log        Stash's log stream (a source that cannot be read for {@code source_package})
     * @param pluginsDir the plugins folder, reported as {@code pluginsPath}
     */
    public PackageWiring(PackageJobs jobs, PackageStore store, PackageSources sources, PackageDownloader downloader,
                         LogSink log, Path pluginsDir) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.store = Objects.requireNonNull(store, "store");
        this.sources = Objects.requireNonNull(sources, "sources");
        this.downloader = Objects.requireNonNull(downloader, "downloader");
        this.log = Objects.requireNonNull(log, "log");
        this.pluginsDir = Objects.requireNonNull(pluginsDir, "pluginsDir");
    }

    @Override
    public void accept(RuntimeWiring.Builder wiring) {
        wiring.type("Mutation", t -> t
                .dataFetcher("installPackages", env -> {
                    requirePlugin(env);
                    return String.valueOf(jobs.install(specs(env)));
                })
                .dataFetcher("uninstallPackages", env -> {
                    requirePlugin(env);
                    return String.valueOf(jobs.uninstall(specs(env)));
                })
                .dataFetcher("configureGeneral", env -> {
                    Map<String, Object> input = env.getArgument("input");
                    if (input.get("pluginPackageSources") instanceof List<?> given) {
                        sources.set(given.stream().map(s -> source((Map<?, ?>) s)).toList());
                    }
                    return general();
                }));
        wiring.type("Query", t -> t
                .dataFetcher("installedPackages", env -> {
                    requirePlugin(env);
                    return installed(env.getSelectionSet().contains("source_package"));
                })
                .dataFetcher("availablePackages", env -> {
                    requirePlugin(env);
                    String source = env.getArgument("source");
                    PackageIndex index = readSource(source);
                    return index.packages().stream().map(p -> remotePackage(p, source, index)).toList();
                }));
        wiring.type("ConfigResult", t -> t.dataFetcher("general", env -> general()));
    }

    private static void requirePlugin(DataFetchingEnvironment env) {
        if (!"Plugin".equals(env.getArgument("type"))) {
            throw new NotEmulatedException("scraper packages");
        }
    }

    private static List<PackageSpec> specs(DataFetchingEnvironment env) {
        List<Map<String, Object>> packages = env.getArgument("packages");
        return packages.stream()
                .map(p -> new PackageSpec((String) p.get("id"), (String) p.get("sourceURL")))
                .toList();
    }

    private static PackageSource source(Map<?, ?> input) {
        String localPath = (String) input.get("local_path");
        return new PackageSource((String) input.get("name"), (String) input.get("url"),
                localPath == null ? "" : localPath);
    }

    private Map<String, Object> general() {
        Map<String, Object> general = new HashMap<>();
        general.put("pluginsPath", pluginsDir.toString());
        general.put("pluginPackageSources", sources.list().stream().map(s -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("name", s.name());
            out.put("url", s.url());
            out.put("local_path", s.localPath());
            return out;
        }).toList());
        return general;
    }

    /** With {@code source_package} asked for, each package's source is read, as Stash does only then. */
    private List<Map<String, Object>> installed(boolean withSourcePackage) throws PackageException {
        List<Manifest> manifests = store.installed(sources.localPaths());
        Map<String, PackageIndex> indexes = new HashMap<>();
        if (withSourcePackage) {
            for (Manifest m : manifests) {
                String url = m.sourceRepository();
                if (!indexes.containsKey(url)) {
                    try {
                        indexes.put(url, readSource(url));
                    } catch (PackageException e) {
                        log.log(LogLevel.Warning, "error listing remote package " + url + ": " + e.getMessage());
                        indexes.put(url, null);
                    }
                }
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Manifest m : manifests) {
            Map<String, Object> pkg = basePackage(m.id(), m.name(), m.version(), m.date(), m.sourceRepository(),
                    m.metadata());
            pkg.put("requires", List.of());
            PackageIndex index = indexes.get(m.sourceRepository());
            pkg.put("source_package", index == null ? null
                    : index.find(m.id()).map(p -> remotePackage(p, m.sourceRepository(), index)).orElse(null));
            out.add(pkg);
        }
        return out;
    }

    /** Stash's {@code remotePackageToPackage}: requirements are looked up in the same source; unknown ones left out. */
    private static Map<String, Object> remotePackage(RemotePackage p, String sourceURL, PackageIndex index) {
        Map<String, Object> pkg = basePackage(p.id(), p.name(), p.version(), p.date(), sourceURL, p.metadata());
        pkg.put("requires", p.requires().stream()
                .flatMap(id -> index.find(id).stream())
                .map(r -> remotePackage(r, sourceURL, index))
                .toList());
        pkg.put("source_package", null);
        return pkg;
    }

    private static Map<String, Object> basePackage(String id, String name, String version, Instant date,
                                                   String sourceURL, Map<String, Object> metadata) {
        Map<String, Object> pkg = new LinkedHashMap<>();
        pkg.put("package_id", id);
        pkg.put("name", name);
        pkg.put("version", version.isEmpty() ? null : version);
        pkg.put("date", date == null ? null : UTC.format(date.getEpochSecond()));
        pkg.put("sourceURL", sourceURL);
        pkg.put("metadata", metadata);
        return pkg;
    }

    /** Stash's {@code ListRemote}, with its error texts. */
    private PackageIndex readSource(String url) throws PackageException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new PackageException("creating remote repository: parsing path: " + e.getMessage(), e);
        }
        try {
            return downloader.index(uri);
        } catch (PackageException e) {
            throw new PackageException("listing remote packages: " + e.getMessage(), e);
        }
    }
}
