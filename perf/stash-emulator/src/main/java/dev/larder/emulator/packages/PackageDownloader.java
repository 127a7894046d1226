package dev.larder.emulator.packages;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Fetches package indexes and zips over HTTP, as Stash's {@code httpRepository} does ({@code pkg/pkg/
 * repository_http.go}), and checks a zip against its index entry's SHA-256 ({@code Manager.Install}).
 *
 * <p>Unlike Stash, indexes are not cached between installs and {@code file://} sources are not served (the
 * request fails with an error naming the scheme). Redirects are followed, as Go's client does. Thread-safe.
 */
public final class PackageDownloader {

    /** Time allowed to connect, and separately for each whole request. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final Duration timeout;

    /**
     * @param timeout time allowed to connect, and separately for each whole request; positive
     */
    public PackageDownloader(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * Reads a source's index.
     *
     * @param indexUrl the index URL
     * @return the parsed index
     * @throws PackageException {@code failed to get package list: ...} or {@code reading package list: ...}
     */
    public PackageIndex index(URI indexUrl) throws PackageException {
        byte[] body;
        try {
            body = get(indexUrl);
        } catch (PackageException e) {
            throw e.within("failed to get package list");
        }
        return PackageIndex.parse(new String(body, StandardCharsets.UTF_8));
    }

    /**
     * Downloads a package's zip and checks its SHA-256.
     *
     * @param indexUrl the URL of the index that listed the package
     * @param pkg      the package
     * @return the zip's bytes
     * @throws PackageException {@code getting remote package: failed to get package file: ...} when it cannot be
     *                          fetched, {@code package data (<sha>) does not match expected SHA256 (<sha>)} when the
     *                          bytes are not the ones the index describes
     */
    public byte[] packageZip(URI indexUrl, RemotePackage pkg) throws PackageException {
        byte[] zip;
        try {
            zip = get(resolve(indexUrl, pkg.path()));
        } catch (PackageException e) {
            throw e.within("failed to get package file").within("getting remote package");
        }
        String sha = sha256(zip);
        if (!sha.equals(pkg.sha256())) {
            throw new PackageException("package data (" + sha + ") does not match expected SHA256 ("
                    + pkg.sha256() + ")");
        }
        return zip;
    }

    /**
     * Where a package's zip is, given its index entry's {@code path} (Stash's {@code resolvePath}): a full URL is
     * taken as it is; an absolute path replaces the index URL's path; a relative one is joined to the index's
     * folder and cleaned. The index URL's query, if any, is kept in both latter cases, as in Stash.
     *
     * @param indexUrl the index URL
     * @param path     the entry's {@code path}
     * @return the zip's URL
     * @throws PackageException when the result is not a valid URL
     */
    public static URI resolve(URI indexUrl, String path) throws PackageException {
        Objects.requireNonNull(path, "path");
        URI given = parseOrNull(path);
        if (given != null && given.getScheme() != null
                && ("file".equals(given.getScheme()) || given.getHost() != null)) {
            return given;
        }
        String base = indexUrl.getPath() == null ? "" : indexUrl.getPath();
        String joined = path.startsWith("/") ? path : base.substring(0, base.lastIndexOf('/') + 1) + path;
        try {
            return new URI(indexUrl.getScheme(), indexUrl.getAuthority(), clean(joined), indexUrl.getQuery(),
                    indexUrl.getFragment());
        } catch (URISyntaxException e) {
            throw new PackageException("parsing path: " + e.getMessage(), e);
        }
    }

    /** Go's {@code path.Clean} for an absolute path: no empty or "." segments, ".." resolved, never above "/". */
    private static String clean(String path) {
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                segments.pollLast();
            } else {
                segments.addLast(segment);
            }
        }
        return "/" + String.join("/", segments);
    }

    private static URI parseOrNull(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** @return the body of a successful GET */
    private byte[] get(URI url) throws PackageException {
        String failure = "failed to get remote file";
        HttpResponse<byte[]> response;
        try {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IllegalArgumentException e) {
            throw new PackageException(failure + ": Get \"" + url + "\": unsupported URL: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new PackageException(failure + ": Get \"" + url + "\": "
                    + Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PackageException(failure + ": Get \"" + url + "\": interrupted", e);
        }
        if (response.statusCode() >= 400) {
            throw new PackageException(failure + ": HTTP status " + response.statusCode());
        }
        return response.body();
    }

    /**
     * @param bytes any bytes
     * @return their SHA-256 as lowercase hex, as Go's {@code %x} prints it
     */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
