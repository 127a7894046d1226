package dev.larder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this Larder build, as Maven stamped it into {@code larder-version.properties} at build time.
 */
public final class LarderVersion {
    private static final String RESOURCE = "/larder-version.properties";

    private LarderVersion() {
    }

    /**
     * Returns the project version this build was made from, e.g. {@code 0.1.0-SNAPSHOT}.
     *
     * @return the version, never null or blank
     * @throws IllegalStateException if the resource is missing or was not filtered (a broken build)
     */
    public static String current() {
        try (InputStream in = LarderVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "");
            if (version.isBlank() || version.contains("${")) {
                throw new IllegalStateException(RESOURCE + " holds no build version: '" + version + "'");
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
