package dev.larder.emulator.graphql;

import dev.larder.emulator.library.Library;
import dev.larder.emulator.library.Rfc3339;
import dev.larder.model.EntityType;
import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Play, o-counter and activity mutations. Stash keeps plays and o's in their own tables (UTC times) and writes
 * resume time and play duration with a plain UPDATE, so none of these bumps the entity's {@code updated_at} and
 * none fires a hook (STASH.md b.1, d.2): exactly what a sync that trusts {@code updated_at} misses.
 */
final class HistoryMutations {

    /** Stash keeps play and o dates in UTC. */
    private static final Rfc3339 UTC = new Rfc3339(ZoneOffset.UTC);

    private final Library library;

    HistoryMutations(Library library) {
        this.library = library;
    }

    void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Mutation", t -> t
                .dataFetcher("sceneAddPlay", addHistory("play_history", "play_count", "last_played_at"))
                .dataFetcher("sceneDeletePlay", deleteHistory("play_history", "play_count", "last_played_at"))
                .dataFetcher("sceneResetPlayCount", resetHistory("play_history", "play_count", "last_played_at"))
                .dataFetcher("sceneIncrementPlayCount", env -> countOf(
                        addHistory("play_history", "play_count", "last_played_at").get(env)))
                .dataFetcher("sceneAddO", addHistory("o_history", "o_counter", null))
                .dataFetcher("sceneDeleteO", deleteHistory("o_history", "o_counter", null))
                .dataFetcher("sceneResetO", resetHistory("o_history", "o_counter", null))
                .dataFetcher("sceneIncrementO", env -> countOf(addHistory("o_history", "o_counter", null).get(env)))
                .dataFetcher("sceneDecrementO", env -> countOf(deleteHistory("o_history", "o_counter", null).get(env)))
                .dataFetcher("sceneSaveActivity", env -> {
                    Double resume = env.getArgument("resume_time");
                    Double played = env.getArgument("playDuration");
                    quietly(EntityType.SCENE, env.getArgument("id"), f -> {
                        if (resume != null) {
                            f.put("resume_time", resume);
                        }
                        if (played != null) {
                            f.put("play_duration", number(f.get("play_duration")) + played);
                        }
                    });
                    return true;
                })
                .dataFetcher("sceneResetActivity", env -> {
                    boolean resume = Boolean.TRUE.equals(env.getArgument("reset_resume"));
                    boolean duration = Boolean.TRUE.equals(env.getArgument("reset_duration"));
                    quietly(EntityType.SCENE, env.getArgument("id"), f -> {
                        if (resume) {
                            f.put("resume_time", 0.0);
                        }
                        if (duration) {
                            f.put("play_duration", 0.0);
                        }
                    });
                    return true;
                })
                .dataFetcher("imageIncrementO", imageO(1))
                .dataFetcher("imageDecrementO", imageO(-1))
                .dataFetcher("imageResetO", imageO(0)));
    }

    private DataFetcher<Map<String, Object>> addHistory(String history, String count, String last) {
        return env -> {
            List<String> times = times(env.getArgument("times"));
            Map<String, Object> scene = quietly(EntityType.SCENE, env.getArgument("id"), f -> {
                List<String> all = historyOf(f, history);
                all.addAll(times);
                store(f, history, count, last, all);
            });
            return result(scene, history);
        };
    }

    private DataFetcher<Map<String, Object>> deleteHistory(String history, String count, String last) {
        return env -> {
            List<String> given = env.getArgument("times");
            Map<String, Object> scene = quietly(EntityType.SCENE, env.getArgument("id"), f -> {
                List<String> all = historyOf(f, history);
                if (given == null || given.isEmpty()) {
                    if (!all.isEmpty()) {
                        all.remove(all.size() - 1);
                    }
                } else {
                    all.removeAll(times(given));
                }
                store(f, history, count, last, all);
            });
            return result(scene, history);
        };
    }

    private DataFetcher<Integer> resetHistory(String history, String count, String last) {
        return env -> {
            Map<String, Object> scene = quietly(EntityType.SCENE, env.getArgument("id"),
                    f -> store(f, history, count, last, new ArrayList<>()));
            return (Integer) scene.get(count);
        };
    }

    private DataFetcher<Integer> imageO(int delta) {
        return env -> {
            Map<String, Object> image = quietly(EntityType.IMAGE, env.getArgument("id"), f -> {
                int current = f.get("o_counter") == null ? 0 : (Integer) f.get("o_counter");
                f.put("o_counter", delta == 0 ? 0 : Math.max(0, current + delta));
            });
            return (Integer) image.get("o_counter");
        };
    }

    /**
     * Writes a play or o history with the fields Stash derives from it: the count and, for plays, the last time.
     *
     * @param f       the scene's writable fields
     * @param history {@code play_history} or {@code o_history}
     * @param count   {@code play_count} or {@code o_counter}
     * @param last    {@code last_played_at}, or null for o's
     * @param all     the whole history, sorted here
     */
    static void store(Map<String, Object> f, String history, String count, String last, List<String> all) {
        Collections.sort(all);
        f.put(history, all);
        f.put(count, all.size());
        if (last != null) {
            f.put(last, all.isEmpty() ? null : all.getLast());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> historyOf(Map<String, Object> fields, String history) {
        Object value = fields.get(history);
        return value == null ? new ArrayList<>() : new ArrayList<>((List<String>) value);
    }

    private Map<String, Object> quietly(EntityType type, Object id, Consumer<Map<String, Object>> change) {
        return library.updateQuietly(type, FindArguments.parseId(id), change);
    }

    private static Map<String, Object> result(Map<String, Object> scene, String history) {
        return Map.of("count", scene.get(history) == null ? 0 : ((List<?>) scene.get(history)).size(),
                "history", scene.get(history) == null ? List.of() : scene.get(history));
    }

    private static Integer countOf(Map<String, Object> result) {
        return (Integer) result.get("count");
    }

    private static double number(Object value) {
        return value == null ? 0 : ((Number) value).doubleValue();
    }

    /** Stash stores these times in UTC; given times may be RFC3339 or relative ({@code "<4h"}). */
    private List<String> times(List<String> given) {
        OffsetDateTime now = OffsetDateTime.parse(library.now());
        if (given == null || given.isEmpty()) {
            return new ArrayList<>(List.of(UTC.format(now.toEpochSecond())));
        }
        List<String> out = new ArrayList<>();
        for (String t : given) {
            OffsetDateTime time = t.startsWith("<") || t.startsWith(">")
                    ? now.plus(relative(t.substring(1)).multipliedBy(t.startsWith("<") ? -1 : 1))
                    : OffsetDateTime.parse(t);
            out.add(UTC.format(time.toEpochSecond()));
        }
        return out;
    }

    private static Duration relative(String amount) {
        char unit = amount.charAt(amount.length() - 1);
        long n = Long.parseLong(amount.substring(0, amount.length() - 1));
        return switch (unit) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            case 'd' -> Duration.ofDays(n);
            default -> throw new IllegalArgumentException("invalid relative time " + amount);
        };
    }
}
