package dev.larder.emulator;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import dev.larder.emulator.logs.LogEntry;
import dev.larder.emulator.logs.LogLevel;
import dev.larder.emulator.logs.Poll;
import dev.larder.emulator.packages.PackageDownloader;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Installing plugins from a package source over real HTTP (STASH.md d.4), observed as Larder will observe it:
 * GraphQL over HTTP, the job queue, the plugin list and the log stream.
 */
class PackageContractTest {

    private static final String INSTALL = "mutation($p:[PackageSpecInput!]!){installPackages(type:Plugin,packages:$p)}";
    private static final String PLUGIN_YML = """
            name: Package test
            description: Installed from a package source
            version: %s
            interface: js
            exec:
              - pkgtest.js
            hooks:
              - name: announce
                description: Logs the updated scene
                triggeredBy:
                  - Scene.Update.Post
            """;
    private static final String PLUGIN_JS = "log.Info(\"PKGTEST scene \" + input.Args.hookContext.id);\n";

    private final PackageSourceServer source = new PackageSourceServer();
    private final List<LogEntry> logLines = new CopyOnWriteArrayList<>();
    private StashEmulator emulator;
    private GraphqlHttp http;

    @BeforeEach
    void start() {
        start(StashEmulator.builder().scenes(1, 50));
    }

    private void start(StashEmulator.Builder builder) {
        if (emulator != null) {
            emulator.close();
        }
        logLines.clear();
        emulator = builder.logBatchInterval(Duration.ofMillis(20)).start();
        http = new GraphqlHttp(emulator);
        emulator.logs().subscribe().subscribe(new Subscriber<>() {
            @Override
            public void onSubscribe(Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(List<LogEntry> batch) {
                logLines.addAll(batch);
            }

            @Override
            public void onError(Throwable t) {
            }

            @Override
            public void onComplete() {
            }
        });
    }

    @AfterEach
    void stop() {
        if (emulator != null) {
            emulator.close();
        }
        source.close();
    }

    @Test
    void anInstalledPluginIsListedEnabledAndRunsItsHookOnceTheJobEnds() {
        String index = publish("1.0.0", Map.of());
        int job = install(List.of(spec("pkgtest", index)));
        JsonNode done = awaitJobEnd(job);
        assertThat(done.get("status").asText(), is("FINISHED"));
        assertThat(done.get("description").asText(), is("Installing packages..."));

        JsonNode plugins = http.data("{plugins{id name version enabled hooks{name hooks}}}").get("plugins");
        JsonNode plugin = byField(plugins, "id", "pkgtest");
        assertThat(plugin.get("version").asText(), is("1.0.0"));
        assertThat(plugin.get("enabled").asBoolean(), is(true));
        http.data("mutation{setPluginsEnabled(enabledMap:{pkgtest:true})}");

        http.data("mutation{sceneUpdate(input:{id:\"5\",title:\"Hooked\"}){id}}");
        awaitLog(LogLevel.Info, "PKGTEST scene 5");
        awaitLog(LogLevel.Info, "Installing package pkgtest");
        awaitLog(LogLevel.Info, "Finished installing packages");
        Path dir = emulator.pluginsDir().resolve("pkgtest");
        assertThat(Files.isRegularFile(dir.resolve("pkgtest.yml")), is(true));
        assertThat(Files.isRegularFile(dir.resolve("manifest")), is(true));
    }

    @Test
    void aGivenPluginsFolderIsInstalledIntoAndKeptWhileATemporaryOneIsDeletedOnClose(@TempDir Path given) {
        Path temporary = emulator.pluginsDir();
        String index = publish("1.0.0", Map.of());
        awaitJobEnd(install(List.of(spec("pkgtest", index))));
        assertThat(Files.isRegularFile(temporary.resolve("pkgtest/pkgtest.js")), is(true));

        start(StashEmulator.builder().scenes(1, 50).pluginsDir(given));
        assertThat(Files.exists(temporary), is(false));
        awaitJobEnd(install(List.of(spec("pkgtest", index))));
        assertThat(emulator.pluginsDir(), is(given));
        assertThat(Files.isRegularFile(given.resolve("pkgtest/pkgtest.js")), is(true));
        emulator.close();
        emulator = null;
        assertThat(Files.isRegularFile(given.resolve("pkgtest/pkgtest.js")), is(true));
    }

    @Test
    void aZipWhoseShaDoesNotMatchIsNotInstalledAndTheErrorIsLogged() {
        byte[] zip = PackageSourceServer.zip(pluginFiles("1.0.0", Map.of()));
        source.put("/stash-plugin/pkgtest.zip", zip);
        source.put("/stash-plugin/index.yml", PackageSourceServer.indexEntry("pkgtest", "1.0.0", "pkgtest.zip",
                "0".repeat(64)));
        String index = source.url("/stash-plugin/index.yml");
        assertThat(awaitJobEnd(install(List.of(spec("pkgtest", index)))).get("status").asText(), is("FINISHED"));
        awaitLog(LogLevel.Error, "Error installing package pkgtest from " + index
                + ": installing package: package data (" + PackageDownloader.sha256(zip)
                + ") does not match expected SHA256 (" + "0".repeat(64) + ")");
        assertNotInstalled("pkgtest");
    }

    @Test
    void anUnknownIdIsLoggedAndTheJobGoesOnWithTheNextPackage() {
        String index = publish("1.0.0", Map.of());
        awaitJobEnd(install(List.of(spec("nope", index), spec("pkgtest", index))));
        awaitLog(LogLevel.Error, "Error installing package nope from " + index
                + ": installing package: package \"nope\" not found in repository");
        assertThat(pluginIds(), hasItem("pkgtest"));
    }

    @Test
    void anUnreachableSourceIsLogged() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String index = "http://127.0.0.1:" + closedPort + "/stash-plugin/index.yml";
        assertThat(awaitJobEnd(install(List.of(spec("pkgtest", index)))).get("status").asText(), is("FINISHED"));
        awaitLog(LogLevel.Error, "Error installing package pkgtest from " + index + ": installing package: "
                + "getting remote package: listing remote packages: failed to get package list: "
                + "failed to get remote file: Get \"" + index + "\"");
        assertNotInstalled("pkgtest");
    }

    @Test
    void aMissingZipIsLogged() {
        source.put("/stash-plugin/index.yml", PackageSourceServer.indexEntry("pkgtest", "1.0.0", "gone.zip",
                "0".repeat(64)));
        String index = source.url("/stash-plugin/index.yml");
        awaitJobEnd(install(List.of(spec("pkgtest", index))));
        awaitLog(LogLevel.Error, "getting remote package: failed to get package file: failed to get remote file: "
                + "HTTP status 404");
        assertNotInstalled("pkgtest");
    }

    @Test
    void aZipWithAnEntryOutsideThePackageFolderIsRefusedWhole() {
        String index = publish("1.0.0", Map.of("../escaped.js", "bad"));
        awaitJobEnd(install(List.of(spec("pkgtest", index))));
        awaitLog(LogLevel.Error, "installing package: reading zip data: zip: insecure file path \"../escaped.js\"");
        assertNotInstalled("pkgtest");
        assertThat(Files.exists(emulator.pluginsDir().resolve("escaped.js")), is(false));
        assertThat(Files.exists(emulator.pluginsDir().getParent().resolve("escaped.js")), is(false));
    }

    @Test
    void notAZipIsLogged() {
        byte[] junk = "not a zip".getBytes();
        source.put("/stash-plugin/pkgtest.zip", junk);
        source.put("/stash-plugin/index.yml", PackageSourceServer.indexEntry("pkgtest", "1.0.0", "pkgtest.zip", junk));
        awaitJobEnd(install(List.of(spec("pkgtest", source.url("/stash-plugin/index.yml")))));
        awaitLog(LogLevel.Error, "installing package: reading zip data: zip: not a valid zip file");
        assertNotInstalled("pkgtest");
    }

    @Test
    void reinstallingReplacesTheFilesOfTheEarlierInstall() throws IOException {
        String index = publish("1.0.0", Map.of("notes/old.txt", "old"));
        awaitJobEnd(install(List.of(spec("pkgtest", index))));
        Path dir = emulator.pluginsDir().resolve("pkgtest");
        assertThat(Files.isRegularFile(dir.resolve("notes/old.txt")), is(true));

        publish("2.0.0", Map.of());
        awaitJobEnd(install(List.of(spec("pkgtest", index))));
        assertThat(Files.exists(dir.resolve("notes/old.txt")), is(false));
        assertThat(Files.readString(dir.resolve("pkgtest.yml")), containsString("version: 2.0.0"));
        assertThat(Files.readString(dir.resolve("manifest")), containsString("version: 2.0.0"));
        assertThat(byField(http.data("{plugins{id version}}").get("plugins"), "id", "pkgtest")
                .get("version").asText(), is("2.0.0"));
    }

    @Test
    void installedPackagesListsOnlyPackagesFromConfiguredSourcesAsStashDoes() {
        String index = publish("1.0.0", Map.of());
        awaitJobEnd(install(List.of(spec("pkgtest", index))));
        String query = "{installedPackages(type:Plugin){package_id name version date sourceURL metadata "
                + "requires{package_id} source_package{version}}}";
        // Stash's default sources list only <plugins>/community: a package from another URL works but is not listed
        assertThat(ids(http.data(query).get("installedPackages")), is(empty()));
        assertThat(pluginIds(), hasItem("pkgtest"));

        JsonNode general = http.data("mutation($s:[PackageSourceInput!]){configureGeneral(input:"
                        + "{pluginPackageSources:$s}){pluginPackageSources{name url local_path}}}",
                Map.of("s", List.of(Map.of("name", "Larder", "url", index, "local_path", "larder"))))
                .get("configureGeneral");
        assertThat(general.get("pluginPackageSources").get(0).get("local_path").asText(), is("larder"));
        awaitJobEnd(install(List.of(spec("pkgtest", index))));
        assertThat(Files.isRegularFile(emulator.pluginsDir().resolve("larder/pkgtest/manifest")), is(true));

        JsonNode installed = http.data(query).get("installedPackages");
        assertThat(installed.size(), is(1));
        JsonNode pkg = installed.get(0);
        assertThat(pkg.get("package_id").asText(), is("pkgtest"));
        assertThat(pkg.get("name").asText(), is("Package test"));
        assertThat(pkg.get("version").asText(), is("1.0.0"));
        assertThat(pkg.get("date").asText(), is("2026-01-11T07:00:00Z"));
        assertThat(pkg.get("sourceURL").asText(), is(index));
        assertThat(pkg.get("metadata").get("description").asText(), is("Installed by the contract tests"));
        assertThat(pkg.get("requires").size(), is(0));
        assertThat(pkg.get("source_package").get("version").asText(), is("1.0.0"));
        assertThat(http.data("{configuration{general{pluginsPath pluginPackageSources{url}}}}")
                .get("configuration").get("general").get("pluginsPath").asText(), is(emulator.pluginsDir().toString()));
    }

    @Test
    void uninstallingRemovesThePackageFolderAndThePlugin() {
        String index = publish("1.0.0", Map.of());
        awaitJobEnd(install(List.of(spec("pkgtest", index))));
        assertThat(pluginIds(), hasItem("pkgtest"));
        int job = Integer.parseInt(http.data("mutation($p:[PackageSpecInput!]!){uninstallPackages(type:Plugin,"
                + "packages:$p)}", Map.of("p", List.of(spec("pkgtest", index)))).get("uninstallPackages").asText());
        JsonNode done = awaitJobEnd(job);
        assertThat(done.get("description").asText(), is("Updating packages..."));
        assertThat(done.get("status").asText(), is("FINISHED"));
        assertNotInstalled("pkgtest");
        awaitLog(LogLevel.Info, "Finished uninstalling packages");
    }

    @Test
    void scraperPackagesAreNotEmulated() {
        GraphqlHttp.Response r = http.post("mutation{installPackages(type:Scraper,packages:[{id:\"x\","
                + "sourceURL:\"http://127.0.0.1:1/index.yml\"}])}");
        assertThat(r.firstError(), is("emulator: scraper packages is not emulated"));
    }

    /** Serves the test plugin (plus extra files) as {@code /stash-plugin/pkgtest.zip} with its index. */
    private String publish(String version, Map<String, String> extraFiles) {
        byte[] zip = PackageSourceServer.zip(pluginFiles(version, extraFiles));
        source.put("/stash-plugin/pkgtest.zip", zip);
        source.put("/stash-plugin/index.yml", PackageSourceServer.indexEntry("pkgtest", version, "pkgtest.zip", zip));
        return source.url("/stash-plugin/index.yml");
    }

    private static Map<String, String> pluginFiles(String version, Map<String, String> extraFiles) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("pkgtest.yml", PLUGIN_YML.formatted(version));
        files.put("pkgtest.js", PLUGIN_JS);
        files.putAll(extraFiles);
        return files;
    }

    private static Map<String, Object> spec(String id, String sourceURL) {
        return Map.of("id", id, "sourceURL", sourceURL);
    }

    private int install(List<Map<String, Object>> packages) {
        return Integer.parseInt(http.data(INSTALL, Map.of("p", packages)).get("installPackages").asText());
    }

    /** Waits until the job has left the queue, then returns it as findJob reports it. */
    private JsonNode awaitJobEnd(int id) {
        String query = "{findJob(input:{id:\"" + id + "\"}){id status description}}";
        JsonNode[] job = new JsonNode[1];
        Poll.until(() -> {
            job[0] = http.data(query).get("findJob");
            String status = job[0].get("status").asText();
            return status.equals("FINISHED") || status.equals("FAILED") || status.equals("CANCELLED");
        }, "job " + id + " ended");
        return job[0];
    }

    private void awaitLog(LogLevel level, String fragment) {
        Poll.until(() -> logLines.stream().anyMatch(e -> e.level() == level && e.message().contains(fragment)),
                level + " log line containing: " + fragment + "; got " + logLines);
    }

    private void assertNotInstalled(String id) {
        assertThat(Files.exists(emulator.pluginsDir().resolve(id)), is(false));
        assertThat(pluginIds(), not(hasItem(id)));
    }

    private List<String> pluginIds() {
        return ids(http.data("{plugins{id}}").get("plugins"), "id");
    }

    private static List<String> ids(JsonNode packages) {
        return ids(packages, "package_id");
    }

    private static List<String> ids(JsonNode list, String field) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    private static JsonNode byField(JsonNode list, String field, String value) {
        for (JsonNode n : list) {
            if (n.get(field).asText().equals(value)) {
                return n;
            }
        }
        throw new AssertionError("no " + field + " " + value + " in " + list);
    }
}
