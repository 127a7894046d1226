package dev.larder.emulator;

import com.sun.net.httpserver.HttpServer;
import dev.larder.emulator.packages.PackageDownloader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A plugin package source on loopback, as Larder will host one: files served by path (404 for others), and
 * helpers that build a plugin zip and an index entry for it.
 */
final class PackageSourceServer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    PackageSourceServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = files.get(exchange.getRequestURI().getPath());
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
    }

    /** @return the URL of a path on this server */
    String url(String path) {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + path;
    }

    void put(String path, byte[] body) {
        files.put(path, body);
    }

    void put(String path, String body) {
        put(path, body.getBytes(StandardCharsets.UTF_8));
    }

    /** A zip holding the given files (name to text), in the given order. */
    static byte[] zip(Map<String, String> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** One index entry, in the format of CommunityScripts' build_site.sh, with the zip's true SHA-256. */
    static String indexEntry(String id, String version, String path, byte[] zip) {
        return indexEntry(id, version, path, PackageDownloader.sha256(zip));
    }

    static String indexEntry(String id, String version, String path, String sha256) {
        return """
                - id: %s
                  name: Package test
                  metadata:
                    description: Installed by the contract tests
                  version: %s
                  date: "2026-01-11 07:00:00"
                  path: %s
                  sha256: %s
                """.formatted(id, version, path, sha256);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
