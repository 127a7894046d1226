package dev.larder.emulator.packages;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of a package source's index ({@code pkg/pkg/pkg.go} {@code RemotePackage}).
 *
 * @param id       the package id; also the name of the folder it is installed into
 * @param name     display name, empty when absent
 * @param version  version text as written, empty when absent
 * @param date     publication time (UTC), or null when absent
 * @param path     where the zip is: relative to the index URL, an absolute path on its host, or a full URL
 * @param sha256   the zip's SHA-256 as lowercase hex, compared exactly as Stash does
 * @param requires ids of packages from the same source this one needs; never null
 * @param metadata free-form metadata; never null
 */
public record RemotePackage(String id, String name, String version, Instant date, String path, String sha256,
                            List<String> requires, Map<String, Object> metadata) {

    /** Copies the lists so the record is immutable. */
    public RemotePackage {
        requires = List.copyOf(requires);
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
}
