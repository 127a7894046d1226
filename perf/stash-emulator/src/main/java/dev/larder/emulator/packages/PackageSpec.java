package dev.larder.emulator.packages;

import java.util.Objects;

/**
 * One package to install or uninstall: Stash's {@code PackageSpecInput}.
 *
 * @param id        the package id, as listed in the source's index
 * @param sourceURL the URL of the source's index ({@code index.yml}), exactly as given
 */
public record PackageSpec(String id, String sourceURL) {

    /**
     * @throws NullPointerException if either part is null
     */
    public PackageSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sourceURL, "sourceURL");
    }
}
