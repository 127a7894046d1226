package dev.larder.emulator.packages;

import java.util.List;
import java.util.Objects;

/**
 * The configured plugin package sources, which decide where a package is installed and which installed packages
 * {@code installedPackages} lists (Stash's {@code packagePathGetter}):
 * <ul>
 *   <li>a package installed from a URL equal to a source's URL goes under that source's local path; from any other
 *       URL, directly under the plugins folder;</li>
 *   <li>only the local paths of configured sources are searched for installed packages. With Stash's default
 *       sources (the community source, local path {@code community}) a package installed from another URL works
 *       as a plugin but is not listed, unless a source with that URL (or an empty local path) is configured.</li>
 * </ul>
 * Starts with Stash's default. Thread-safe.
 */
public final class PackageSources {

    /** Stash's default plugin package sources ({@code internal/manager/config/config.go}). */
    public static final List<PackageSource> STASH_DEFAULT = List.of(new PackageSource("Community (stable)",
            "https://stashapp.github.io/CommunityScripts/stable/index.yml", "community"));

    private volatile List<PackageSource> sources = STASH_DEFAULT;

    /** @return the sources, in configured order */
    public List<PackageSource> list() {
        return sources;
    }

    /**
     * Replaces the sources, as {@code configureGeneral(input: {pluginPackageSources})} does.
     *
     * @param sources the new sources
     */
    public void set(List<PackageSource> sources) {
        this.sources = List.copyOf(sources);
    }

    /**
     * @param sourceURL an index URL
     * @return the local path of the first source with exactly that URL, else empty
     */
    public String localPathFor(String sourceURL) {
        Objects.requireNonNull(sourceURL, "sourceURL");
        return sources.stream().filter(s -> s.url().equals(sourceURL)).map(PackageSource::localPath)
                .findFirst().orElse("");
    }

    /** @return the distinct local paths of all sources, in configured order */
    public List<String> localPaths() {
        return sources.stream().map(PackageSource::localPath).distinct().toList();
    }
}
