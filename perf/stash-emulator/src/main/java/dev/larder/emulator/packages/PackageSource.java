package dev.larder.emulator.packages;

import java.util.Objects;

/**
 * One configured plugin package source (Stash's {@code PackageSource}, config {@code plugins.package_sources}).
 *
 * @param name      display name, or null
 * @param url       the index URL; installs from exactly this URL go under {@code localPath}
 * @param localPath folder under the plugins folder its packages are installed in; empty for the plugins folder
 */
public record PackageSource(String name, String url, String localPath) {

    /**
     * @throws NullPointerException if url or localPath is null
     */
    public PackageSource {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(localPath, "localPath");
    }
}
