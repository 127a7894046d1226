package dev.larder.stash;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.larder.model.EntityType;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Larder's client for Stash's GraphQL API over HTTP (the L3 tier): pages of entities in the shape of
 * {@code sync-fields.graphql}, counts, existence probes, look-ups by id, counter sweeps and server facts.
 *
 * <p>Every call is one or more POSTs to {@code /graphql} with the {@code ApiKey} header and gzip. IO errors,
 * timeouts and 5xx answers are retried with exponential back-off and jitter up to {@link Builder#maxAttempts};
 * GraphQL errors and other 4xx answers are not, and fail at once. Every failure is a {@link StashException}. Answers
 * are parsed as a stream and each entity reaches the caller as one {@link ObjectNode} while the rest is still
 * arriving, so memory does not grow with the page size. When a retry repeats a page, entities handed over by the
 * failed attempt come again: consumers must be idempotent.
 *
 * <p>The API key appears in no log, exception or {@link #toString()}. Thread-safe; close it to release connections.
 */
public final class StashClient implements AutoCloseable {

    /** Ids per request for probes and look-ups: about 100 entities keeps a request well under a megabyte. */
    static final int ID_BATCH = 100;
    private static final Pattern MARKER_NOT_FOUND = Pattern.compile("scene marker with id (\\d+) not found");

    private final URI url;
    private final GraphqlTransport transport;
    private final SyncDocuments documents;

    private StashClient(Builder b) {
        this.url = b.url;
        this.transport = new GraphqlTransport(b.url, new ApiKey(b.apiKey), b.connectTimeout, b.requestTimeout,
                b.maxAttempts, b.backoff, new ObjectMapper());
        this.documents = new SyncDocuments(Fragments.load());
    }

    /**
     * Starts configuring a client.
     *
     * @param graphqlUrl Stash's GraphQL endpoint, e.g. {@code http://stash:9999/graphql}
     * @return a builder with the defaults: no API key, 10 s to connect, 120 s per request, 5 attempts,
     *         {@link Backoff#REQUESTS}
     */
    public static Builder builder(URI graphqlUrl) {
        return new Builder(graphqlUrl);
    }

    /**
     * Fetches one page in ascending id order and hands each entity to {@code each} as it arrives.
     *
     * @param type    a type with a list query (every type but {@link EntityType#GALLERY_CHAPTER})
     * @param request which page; made by {@link PageRequest#first(EntityType, int)} for this type
     * @param each    receives each entity in the shape of the type's fragment (or the request's {@link FieldSet})
     * @return the count, rows and highest id of the page
     * @throws IllegalArgumentException when the request does not fit the type
     * @throws StashException           when Stash fails
     */
    public PageResult page(EntityType type, PageRequest request, Consumer<ObjectNode> each) {
        return list(type, documents.page(type, request), request.afterId(), each);
    }

    /**
     * Walks every page from {@code first} on, driven by Stash's count (so a Stash that clamps pages is walked to the
     * end too), and hands each entity to {@code each}.
     *
     * @param type  the type
     * @param first the first request, e.g. {@code PageRequest.first(type, 1000)}
     * @param each  receives each entity
     * @return the number of entities handed over
     * @throws StashException when Stash fails; the entities handed over so far stay handed over
     */
    public int walk(EntityType type, PageRequest first, Consumer<ObjectNode> each) {
        int rows = 0;
        PageRequest request = first;
        while (true) {
            PageResult result = page(type, request, each);
            rows += result.rows();
            if (!request.hasMore(result)) {
                return rows;
            }
            request = request.next(result);
        }
    }

    /**
     * Walks scenes by their latest o, newest first, and hands over those whose latest o is after {@code watermark}:
     * o-counters change without bumping {@code updated_at}. Each scene carries {@link FieldSet#COUNTERS} and
     * {@code o_history}. Stops at the first scene whose latest o is not after the watermark.
     *
     * @param watermark an RFC3339 time (any offset; compared as instants)
     * @param pageSize  rows per page, 1 or more
     * @param each      receives each scene with an o after the watermark
     * @return the number of scenes handed over
     * @throws StashException when Stash fails
     */
    public int scenesWithOsAfter(String watermark, int pageSize, Consumer<ObjectNode> each) {
        OffsetDateTime after = OffsetDateTime.parse(watermark);
        int handed = 0;
        for (int page = 1; ; page++) {
            List<ObjectNode> scenes = new ArrayList<>(pageSize);
            PageResult result = list(EntityType.SCENE, documents.scenesByLastO(page, pageSize), 0, scenes::add);
            for (ObjectNode scene : scenes) {
                if (!latestAfter(scene.path("o_history"), after)) {
                    return handed;
                }
                each.accept(scene);
                handed++;
            }
            if (result.rows() < pageSize || (long) page * pageSize >= result.count()) {
                return handed;
            }
        }
    }

    /** True when a list of RFC3339 times holds one after {@code after}. */
    static boolean latestAfter(JsonNode times, OffsetDateTime after) {
        for (JsonNode time : times) {
            if (OffsetDateTime.parse(time.asText()).isAfter(after)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The number of entities of a type, as Stash counts them ({@code per_page: 0}).
     *
     * @param type a type with a list query
     * @return 0 or more
     * @throws StashException when Stash fails
     */
    public int count(EntityType type) {
        return list(type, documents.count(type), 0, e -> { }).count();
    }

    /**
     * The number of entities whose id lies in a range, for finding deletions by comparing ranges with local counts.
     *
     * @param type {@link EntityType#SCENE}, {@link EntityType#GALLERY} or {@link EntityType#IMAGE}
     * @param from the lowest id, included
     * @param to   the highest id, included
     * @return 0 or more
     * @throws IllegalArgumentException for another type
     * @throws StashException           when Stash fails
     */
    public int countIdRange(EntityType type, int from, int to) {
        return list(type, documents.countIdRange(type, from, to), 0, e -> { }).count();
    }

    /**
     * Which of the given ids Stash no longer has, each confirmed by a direct look-up: aliased single look-ups
     * ({@code findScene(id:)} answers null for a missing id); for scene markers, which have no single look-up,
     * {@code findSceneMarkers(ids:)}, which fails naming the first missing id, so that id is set aside and the
     * rest asked again. A failing call throws; it never reports an id as missing because something else went wrong.
     *
     * @param type a type with a list query
     * @param ids  the ids to probe; duplicates are ignored
     * @return the ids that do not exist, in ascending order
     * @throws StashException when Stash fails
     */
    public Set<Integer> missing(EntityType type, Collection<Integer> ids) {
        return lookUp(type, ids, FieldSet.IDS, e -> { });
    }

    /**
     * Fetches entities by id, in batches, in the shape of the type's fragment; ids that do not exist are skipped
     * (a missing id does not fail the others, unlike Stash's {@code ids:} argument) and returned.
     *
     * @param type a type with a list query
     * @param ids  the ids to fetch; duplicates are ignored
     * @param each receives each entity found
     * @return the ids that do not exist, in ascending order
     * @throws StashException when Stash fails
     */
    public Set<Integer> fetchByIds(EntityType type, Collection<Integer> ids, Consumer<ObjectNode> each) {
        return lookUp(type, ids, FieldSet.FULL, each);
    }

    /**
     * Stash's totals from {@code stats}: every listed type but scene markers, which {@code stats} does not count (use
     * {@link #count(EntityType)}).
     *
     * @return the count of each type
     * @throws StashException when Stash fails
     */
    public Map<EntityType, Integer> stats() {
        JsonNode stats = single(documents.stats(), "stats");
        Map<EntityType, Integer> counts = new EnumMap<>(EntityType.class);
        SyncDocuments.STATS_FIELDS.forEach((type, field) -> counts.put(type, stats.path(field).asInt()));
        return Collections.unmodifiableMap(counts);
    }

    /**
     * @return Stash's version, e.g. {@code "v0.30.1"}, or its build hash when it has no version
     * @throws StashException when Stash fails
     */
    public String version() {
        JsonNode version = single(documents.version(), "version");
        return version.hasNonNull("version") ? version.get("version").asText() : version.path("hash").asText();
    }

    /**
     * @return {@code {status, databaseSchema, appSchema}}; {@code status} is {@code OK}, {@code SETUP},
     *         {@code NEEDS_MIGRATION} or {@code MIGRATING}
     * @throws StashException when Stash fails
     */
    public ObjectNode systemStatus() {
        return (ObjectNode) single(documents.systemStatus(), "systemStatus");
    }

    /**
     * The jobs queued and running now: read it before following {@code jobsSubscribe}, which sends only changes.
     *
     * @return the jobs, possibly empty
     * @throws StashException when Stash fails
     */
    public List<StashJob> jobQueue() {
        List<StashJob> jobs = new ArrayList<>();
        // Stash answers null rather than [] for an empty queue
        field(documents.jobQueue(), "jobQueue").forEach(job -> jobs.add(StashJob.of(job)));
        return List.copyOf(jobs);
    }

    /**
     * Asks Stash to install (or update) a plugin package from a package source ({@code installPackages}), which
     * Stash does in a job: it downloads the source's index and the package's zip, checks its sha256 and unpacks it
     * into its plugins folder. A failure inside the job does not fail this call; follow the job with
     * {@link #findJob(int)} and look for the plugin in {@link #plugins()}. Like every call, it is retried when Stash
     * is unreachable or answers 5xx, so a lost answer can start a second install job of the same package.
     *
     * @param packageId the package's id in the source's index, e.g. {@code larder}
     * @param sourceUrl the source's index URL, which Stash itself must be able to reach
     * @return the install job's id
     * @throws StashException when Stash refuses the request or cannot be reached
     */
    public int installPluginPackage(String packageId, URI sourceUrl) {
        String id = single(documents.installPluginPackage(packageId, sourceUrl), "installPackages").asText();
        try {
            return Integer.parseInt(id);
        } catch (NumberFormatException e) {
            throw new StashException(StashException.Reason.REJECTED, 200, List.of(),
                    "Stash answered installPackages with a job id that is not a number: " + id, null);
        }
    }

    /**
     * One job by id, queued, running or recently ended ({@code findJob}); Stash forgets ended jobs after a while.
     *
     * @param id the job id
     * @return the job with its {@code error}, or empty when Stash does not know (or no longer knows) it
     * @throws StashException when Stash fails
     */
    public Optional<StashJob> findJob(int id) {
        JsonNode job = field(documents.findJob(id), "findJob");
        return job.isNull() ? Optional.empty() : Optional.of(StashJob.of(job));
    }

    /**
     * Enables or disables plugins ({@code setPluginsEnabled}); Stash keeps the choice in its configuration.
     *
     * @param enabled plugin id to whether it is enabled; plugins not in the map keep their state
     * @throws StashException when Stash fails
     */
    public void setPluginsEnabled(Map<String, Boolean> enabled) {
        single(documents.setPluginsEnabled(enabled), "setPluginsEnabled");
    }

    /**
     * The plugins Stash has loaded ({@code plugins}), enabled or not.
     *
     * @return the plugins, possibly empty
     * @throws StashException when Stash fails
     */
    public List<StashPlugin> plugins() {
        List<StashPlugin> plugins = new ArrayList<>();
        // the field is nullable in the schema: null is read as no plugins
        field(documents.plugins(), "plugins").forEach(plugin -> plugins.add(StashPlugin.of(plugin)));
        return List.copyOf(plugins);
    }

    /**
     * The plugin packages a package source offers, as Stash reads its index ({@code availablePackages}); Stash
     * fetches the index for this call.
     *
     * @param sourceUrl the source's index URL, as Stash reaches it
     * @return the packages, possibly empty
     * @throws StashException when Stash fails, or cannot read the source
     */
    public List<StashPackage> availablePluginPackages(URI sourceUrl) {
        List<StashPackage> packages = new ArrayList<>();
        field(documents.availablePluginPackages(sourceUrl), "availablePackages")
                .forEach(p -> packages.add(StashPackage.of(p)));
        return List.copyOf(packages);
    }

    private PageResult list(EntityType type, SyncDocuments.Document document, int afterId, Consumer<ObjectNode> each) {
        SyncDocuments.StashType t = SyncDocuments.stashType(type);
        PageCollector page = new PageCollector(afterId, each);
        transport.execute(document, (key, p) -> {
            if (key.equals(t.listQuery())) {
                transport.reader().readList(p, t.resultField(), page);
            } else {
                p.skipChildren();
            }
        }, page::reset);
        return page.result();
    }

    private JsonNode single(SyncDocuments.Document document, String field) {
        JsonNode value = field(document, field);
        if (value.isNull()) {
            throw new StashException(StashException.Reason.REJECTED, 200, List.of(), "Stash sent no " + field, null);
        }
        return value;
    }

    /** The value of one field of {@code data}; {@code NullNode} when Stash sent null or nothing. */
    private JsonNode field(SyncDocuments.Document document, String field) {
        JsonNode[] value = new JsonNode[1];
        transport.execute(document, (key, p) -> {
            if (key.equals(field)) {
                value[0] = p.readValueAsTree();
            } else {
                p.skipChildren();
            }
        }, () -> value[0] = null);
        return value[0] == null ? NullNode.getInstance() : value[0];
    }

    private Set<Integer> lookUp(EntityType type, Collection<Integer> ids, FieldSet fields, Consumer<ObjectNode> each) {
        SyncDocuments.StashType t = SyncDocuments.stashType(type);
        List<Integer> distinct = List.copyOf(new LinkedHashSet<>(ids));
        Set<Integer> missing = new TreeSet<>();
        for (int from = 0; from < distinct.size(); from += ID_BATCH) {
            List<Integer> batch = distinct.subList(from, Math.min(distinct.size(), from + ID_BATCH));
            if (t.singleQuery() == null) {
                markersByIds(batch, fields, each, missing);
            } else {
                singles(type, batch, fields, each, missing);
            }
        }
        return Collections.unmodifiableSet(missing);
    }

    private void singles(EntityType type, List<Integer> batch, FieldSet fields, Consumer<ObjectNode> each,
                         Set<Integer> missing) {
        Set<Integer> absent = new TreeSet<>();
        transport.execute(documents.singles(type, batch, fields), (key, p) -> {
            int index = aliasIndex(key, batch.size());
            if (p.currentToken() == JsonToken.VALUE_NULL) {
                absent.add(batch.get(index));
            } else {
                ObjectNode entity = p.readValueAsTree();
                each.accept(entity);
            }
        }, absent::clear);
        missing.addAll(absent);
    }

    private static int aliasIndex(String key, int size) throws IOException {
        try {
            int index = Integer.parseInt(key.substring(1));
            if (key.charAt(0) == 'a' && index >= 0 && index < size) {
                return index;
            }
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            // falls through to the error below
        }
        throw new IOException("unexpected field in Stash's answer: " + key);
    }

    /**
     * Asks for markers by id; each failure that names a missing id of the batch sets that id aside and asks again,
     * so a batch with k missing ids costs k + 1 requests.
     */
    private void markersByIds(List<Integer> batch, FieldSet fields, Consumer<ObjectNode> each, Set<Integer> missing) {
        List<Integer> remaining = new ArrayList<>(batch);
        while (!remaining.isEmpty()) {
            try {
                list(EntityType.SCENE_MARKER, documents.markersByIds(remaining, fields), 0, each);
                return;
            } catch (StashException e) {
                Integer gone = missingMarker(e, remaining);
                if (gone == null) {
                    throw e;
                }
                remaining.remove(gone);
                missing.add(gone);
            }
        }
    }

    /** The id named by Stash's "not found" error when that is the only error and the id was asked for, else null. */
    private static Integer missingMarker(StashException e, List<Integer> asked) {
        if (e.reason() != StashException.Reason.REJECTED || e.errors().size() != 1) {
            return null;
        }
        Matcher m = MARKER_NOT_FOUND.matcher(e.errors().get(0));
        if (!m.find()) {
            return null;
        }
        Integer id = Integer.valueOf(m.group(1));
        return asked.contains(id) ? id : null;
    }

    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return "StashClient[" + url + "]";
    }

    /** Collects what one attempt of a list query saw. */
    private static final class PageCollector implements ResponseReader.PageSink {
        private final int afterId;
        private final Consumer<ObjectNode> each;
        private int count;
        private int rows;
        private int lastId;

        PageCollector(int afterId, Consumer<ObjectNode> each) {
            this.afterId = afterId;
            this.each = each;
        }

        void reset() {
            count = 0;
            rows = 0;
            lastId = afterId;
        }

        @Override
        public void count(int count) {
            this.count = count;
        }

        @Override
        public void entity(ObjectNode entity) {
            rows++;
            JsonNode id = entity.get("id");
            if (id != null) {
                lastId = Math.max(lastId, id.asInt());
            }
            each.accept(entity);
        }

        PageResult result() {
            return new PageResult(count, rows, lastId);
        }
    }

    /** Configures a {@link StashClient}. Not thread-safe. */
    public static final class Builder {
        private final URI url;
        private String apiKey;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(120);
        private int maxAttempts = 5;
        private Backoff backoff = Backoff.REQUESTS;

        private Builder(URI url) {
            this.url = Objects.requireNonNull(url, "url");
        }

        /**
         * @param apiKey Stash's API key; null or empty for a Stash without credentials
         * @return this
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /**
         * @param timeout how long to wait for a connection, more than 0
         * @return this
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connect timeout");
            return this;
        }

        /**
         * @param timeout how long to wait for an answer to start (its headers), more than 0; a slow body is not cut
         * @return this
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "request timeout");
            return this;
        }

        /**
         * @param attempts tries per request for failures that may pass (IO errors, timeouts, 5xx, 429), 1 or more
         * @return this
         */
        public Builder maxAttempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts must be 1 or more, got " + attempts);
            }
            this.maxAttempts = attempts;
            return this;
        }

        /**
         * @param backoff the waits between attempts
         * @return this
         */
        public Builder backoff(Backoff backoff) {
            this.backoff = Objects.requireNonNull(backoff, "backoff");
            return this;
        }

        /** @return the client */
        public StashClient build() {
            return new StashClient(this);
        }

        private static Duration positive(Duration d, String what) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be more than 0, got " + d);
            }
            return d;
        }
    }
}
