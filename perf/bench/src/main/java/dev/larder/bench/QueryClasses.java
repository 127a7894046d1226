package dev.larder.bench;

import java.util.List;

/**
 * The query benchmark's classes (issue 9), each one declarative entry: its name, its request, where it continues
 * from, what it awaits, and Peek's figure for it. Requests use Stash's own vocabulary; every page is 40 scenes. The
 * picks come from {@link LibraryPicks}, so the classes mean the same at every library size.
 */
final class QueryClasses {

    private static final String SCENES = "/api/v1/scenes/query";
    private static final String NEWEST = "{\"per_page\":40,\"sort\":\"date\",\"direction\":\"DESC\"}";
    private static final String STATS_BRANCH = "wt-stats: ";

    private QueryClasses() {
    }

    /**
     * @param p the library's picks
     * @return every class, in the order
     */
    static List<QueryClass> all(LibraryPicks p) {
        return List.of(
                QueryClass.of("newest first, page 1", scenes("""
                        {"filter":%s}""".formatted(NEWEST)), "0.20–0.27 s / 5.9 s"),
                QueryClass.of("date, page 500 by page number", scenes("""
                        {"filter":{"page":500,"per_page":40,"sort":"date","direction":"DESC"}}"""), null),
                QueryClass.of("date, page 500 by cursor", scenes("""
                        {"filter":%s}""".formatted(NEWEST)), null)
                        .continuing(scenes("""
                                {"filter":{"page":499,"per_page":40,"sort":"date","direction":"DESC"}}""")),
                QueryClass.of("random_12345, page 500", scenes("""
                        {"filter":{"page":500,"per_page":40,"sort":"random_12345"}}"""), "0.39–0.49 s / 8.3 s"),
                QueryClass.of("two tags, INCLUDES_ALL", scenes("""
                        {"filter":%s,"scene_filter":{"tags":{"value":["%d","%d"],"modifier":"INCLUDES_ALL"}}}"""
                        .formatted(NEWEST, p.tag1().id(), p.tag2().id())), "0.22–0.27 s / 10.3 s"),
                // resolution GREATER_THAN STANDARD_HD is Stash's "the shorter side over 720p's band": 1080p and up
                QueryClass.of("tag tree + ≥ 1080p + over 10 min, by rating", scenes("""
                        {"filter":{"per_page":40,"sort":"rating","direction":"DESC"},"scene_filter":{
                        "tags":{"value":["%d"],"modifier":"INCLUDES","depth":-1},
                        "resolution":{"value":"STANDARD_HD","modifier":"GREATER_THAN"},
                        "duration":{"value":600,"modifier":"GREATER_THAN"}}}""".formatted(p.rootTag().id())), null)
                        .awaiting("wt-scenes: the resolution and duration criteria"),
                QueryClass.of("performer + studio tree", scenes("""
                        {"filter":%s,"scene_filter":{"performers":{"value":["%d"],"modifier":"INCLUDES"},
                        "studios":{"value":["%d"],"modifier":"INCLUDES","depth":-1}}}"""
                        .formatted(NEWEST, p.performer().id(), p.studio().id())), null),
                QueryClass.of("text search, two words", scenes("""
                        {"filter":{"q":"golden beach","per_page":40}}"""), "0.86–1.05 s / 25.4 s"),
                QueryClass.of("random carousel of 12", QueryRequest.get("/api/v1/scenes/random?count=12"), null)
                        .awaiting(STATS_BRANCH + "GET /api/v1/{type}/random"),
                QueryClass.of("count only, broad filter", scenes("""
                        {"filter":{"per_page":0},"scene_filter":{"play_count":{"value":0,"modifier":"EQUALS"},
                        "performer_count":{"value":0,"modifier":"GREATER_THAN"}}}"""), null),
                QueryClass.of("top 10 performers by play count", QueryRequest.post("/api/v1/scenes/top", """
                        {"scene_filter":{},"of":"performers","by":"play_count","limit":10}"""), null)
                        .awaiting(STATS_BRANCH + "POST /api/v1/scenes/top"),
                QueryClass.of("facets of a tag filter", QueryRequest.post("/api/v1/scenes/facets", """
                        {"scene_filter":{"tags":{"value":["%d"],"modifier":"INCLUDES"}}}""".formatted(p.tag1().id())),
                        null).awaiting(STATS_BRANCH + "POST /api/v1/{type}/facets"),
                QueryClass.of("date distribution", QueryRequest.post("/api/v1/scenes/dates", """
                        {"scene_filter":{}}"""), null).awaiting(STATS_BRANCH + "POST /api/v1/{type}/dates"));
    }

    private static QueryRequest scenes(String body) {
        return QueryRequest.post(SCENES, body);
    }
}
