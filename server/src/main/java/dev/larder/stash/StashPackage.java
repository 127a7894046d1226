package dev.larder.stash;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A package a package source offers, as Stash's {@code availablePackages} lists it.
 *
 * @param id      the package id ({@code package_id}), the id in its source's index
 * @param name    the package name from the index
 * @param version the package version from the index, or null
 */
public record StashPackage(String id, String name, String version) {

    static StashPackage of(JsonNode pkg) {
        return new StashPackage(pkg.path("package_id").asText(), pkg.path("name").asText(null),
                pkg.path("version").asText(null));
    }
}
