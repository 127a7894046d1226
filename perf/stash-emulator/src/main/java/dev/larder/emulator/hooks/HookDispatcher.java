package dev.larder.emulator.hooks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import dev.larder.emulator.logs.LogLevel;
import dev.larder.emulator.logs.LogSink;
import dev.larder.model.HookTrigger;

/**
 * The one place the emulator runs plugin hooks and tasks, as Stash's plugin cache does
 * ({@code pkg/plugin/plugins.go} {@code ExecutePostHooks}, {@code CreateTask}).
 *
 * <p>{@link #fire} runs, synchronously and in order, every hook of every enabled plugin whose {@code triggeredBy}
 * lists the trigger's text exactly. The plugin sees Stash's input: {@code input.ServerConnection} and
 * {@code input.Args} = the hook's {@code defaultArgs} plus {@code hookContext: {id, type, input, inputFields}}.
 * Only {@code interface: js} plugins run; raw and rpc plugins are skipped (the emulator spawns no processes),
 * which is written once per plugin to the emulator's own log, not to Stash's log stream.
 *
 * <p>What the hook's script leaves as its result is logged as Stash does: an error at Error level as
 * {@code "<trigger> [<plugin name>]: returned error: <error>"}, other output at Debug level. Nothing is thrown to
 * the caller. A script that cannot start (no file, syntax error) is logged as
 * {@code "error executing post hooks: <reason>"} and ends the dispatch: later plugins do not run, as in Stash.
 * Stash's loop guard is kept: a plugin's hook for a trigger is skipped once it is running 10 times nested on the
 * calling thread (which is how a hook's {@code gql.Do} mutation reaches {@code fire} again in-process).
 * {@code log.Progress} in a hook is ignored: Stash gives hooks no progress channel, so there it blocks forever.
 *
 * <p>Thread-safe: concurrent calls run their hooks concurrently, as concurrent saves do in Stash.
 */
public final class HookDispatcher {

    /** How long one script run may take unless told otherwise. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(60);

    private static final int MAX_CYCLIC_LOOP_DEPTH = 10;
    private static final System.Logger EMULATOR_LOG = System.getLogger(HookDispatcher.class.getName());

    private final PluginRegistry registry;
    private final LogSink log;
    private final ServerConnection server;
    private final JsPluginRunner runner;
    private final ThreadLocal<Map<String, Integer>> runningHooks = ThreadLocal.withInitial(HashMap::new);
    private final Set<String> reportedNotRun = ConcurrentHashMap.newKeySet();
    private final LongAdder hookRuns = new LongAdder();
    private final LongAdder hookNanos = new LongAdder();

    /**
     * Creates a dispatcher with {@link #DEFAULT_TIME_LIMIT}.
     *
     * @param registry the plugins
     * @param log      Stash's log stream (script output and hook results)
     * @param graphql  what a script's {@code gql.Do} calls, in-process
     * @param server   what {@code input.ServerConnection} tells the script
     */
    public HookDispatcher(PluginRegistry registry, LogSink log, GraphqlExecutor graphql, ServerConnection server) {
        this(registry, log, graphql, server, DEFAULT_TIME_LIMIT);
    }

    /**
     * Creates a dispatcher.
     *
     * @param registry  the plugins
     * @param log       Stash's log stream (script output and hook results)
     * @param graphql   what a script's {@code gql.Do} calls, in-process
     * @param server    what {@code input.ServerConnection} tells the script
     * @param timeLimit how long one script run may take before the emulator stops it (Stash has no limit)
     */
    public HookDispatcher(PluginRegistry registry, LogSink log, GraphqlExecutor graphql, ServerConnection server,
                          Duration timeLimit) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.log = Objects.requireNonNull(log, "log");
        this.server = Objects.requireNonNull(server, "server");
        this.runner = new JsPluginRunner(log, graphql, timeLimit);
    }

    /**
     * Runs the post hooks for one changed entity (Stash's {@code ExecutePostHooks}), returning when all are done.
     *
     * @param trigger     what happened
     * @param id          the entity's id (0 when there is none, as for some destroy inputs)
     * @param input       the GraphQL input of the mutation as plain data (maps, lists, scalars, or records that
     *                    Jackson can write), or null for scan- and clean-made changes; passed to the script as is
     * @param inputFields the input keys the client sent (update mutations), or null
     */
    public void fire(HookTrigger trigger, int id, Object input, List<String> inputFields) {
        String type = trigger.toString();
        Map<String, Object> hookContext = new LinkedHashMap<>();
        hookContext.put("id", id);
        hookContext.put("type", type);
        hookContext.put("input", input);
        hookContext.put("inputFields", inputFields == null ? null : List.copyOf(inputFields));

        Map<String, Integer> running = runningHooks.get();
        for (PluginConfig plugin : registry.enabledPlugins()) {
            List<PluginConfig.Hook> hooks = plugin.hooksFor(type);
            if (hooks.isEmpty()) {
                continue;
            }
            String runningKey = plugin.id() + "\n" + type;
            if (running.getOrDefault(runningKey, 0) >= MAX_CYCLIC_LOOP_DEPTH) {
                log.log(LogLevel.Debug, "cyclic loop detected: plugin ID '" + plugin.id() + "' hook " + type
                        + ", not re-triggering");
                continue;
            }
            if (plugin.pluginInterface() != PluginConfig.Interface.JS) {
                reportNotRun(plugin);
                continue;
            }
            for (PluginConfig.Hook hook : hooks) {
                Map<String, Object> args = arguments(hook.defaultArgs(), Map.of());
                args.put("hookContext", hookContext);
                running.merge(runningKey, 1, Integer::sum);
                long start = System.nanoTime();
                JsPluginRunner.JsOutcome outcome;
                try {
                    outcome = runner.run(plugin, pluginInput(plugin, args), progress -> { });
                } catch (JsPluginRunner.ScriptStartException e) {
                    log.log(LogLevel.Error, "error executing post hooks: " + e.getMessage());
                    return;
                } finally {
                    hookNanos.add(System.nanoTime() - start);
                    hookRuns.increment();
                    running.merge(runningKey, -1, (a, b) -> a + b == 0 ? null : a + b);
                }
                if (outcome.error() != null) {
                    log.log(LogLevel.Error, type + " [" + plugin.name() + "]: returned error: " + outcome.error());
                } else if (outcome.outputText() != null) {
                    log.log(LogLevel.Debug, type + " [" + plugin.name() + "]: returned: " + outcome.outputText());
                }
            }
        }
    }

    /**
     * Runs one of a plugin's tasks to its end (what Stash's {@code runPluginTask} job does), on the calling
     * thread. The script sees {@code input.Args} = the given arguments plus the task's {@code defaultArgs} for
     * keys not given.
     *
     * @param pluginId the plugin's id
     * @param taskName the task's {@code name}
     * @param args     the arguments (plain data), or null for none
     * @return what the script returned
     * @throws IllegalArgumentException      when no such plugin or task is loaded (Stash's messages)
     * @throws IllegalStateException         when the plugin is disabled
     * @throws UnsupportedOperationException when the plugin is not a JS plugin
     */
    public TaskResult runTask(String pluginId, String taskName, Map<String, Object> args) {
        if (!registry.isEnabled(pluginId)) {
            throw new IllegalStateException("plugin " + pluginId + " is disabled");
        }
        PluginConfig plugin = registry.plugin(pluginId)
                .orElseThrow(() -> new IllegalArgumentException("no plugin with ID " + pluginId));
        PluginConfig.Task task = plugin.tasks().stream().filter(t -> t.name().equals(taskName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "no task with name " + taskName + " in plugin " + plugin.displayName()));
        if (plugin.pluginInterface() != PluginConfig.Interface.JS) {
            throw new UnsupportedOperationException("the emulator runs only js plugins; " + pluginId + " is "
                    + plugin.pluginInterface().yamlName());
        }
        List<Double> progress = new ArrayList<>();
        Map<String, Object> input = pluginInput(plugin, arguments(task.defaultArgs(), args == null ? Map.of() : args));
        try {
            JsPluginRunner.JsOutcome outcome = runner.run(plugin, input, progress::add);
            return new TaskResult(outcome.output(), outcome.error(), progress);
        } catch (JsPluginRunner.ScriptStartException e) {
            return new TaskResult(null, e.getMessage(), progress);
        }
    }

    /**
     * How many hook runs have happened and how long they took, since this dispatcher was made.
     *
     * @return a snapshot
     */
    public HookStats stats() {
        return new HookStats(hookRuns.sum(), hookNanos.sum());
    }

    private static Map<String, Object> arguments(Map<String, String> defaults, Map<String, Object> given) {
        Map<String, Object> args = new LinkedHashMap<>(given);
        defaults.forEach(args::putIfAbsent);
        return args;
    }

    private Map<String, Object> pluginInput(PluginConfig plugin, Map<String, Object> args) {
        Map<String, Object> cookie = new LinkedHashMap<>();
        cookie.put("Name", "session");
        cookie.put("Value", server.sessionCookie());
        Map<String, Object> connection = new LinkedHashMap<>();
        connection.put("Scheme", server.scheme());
        connection.put("Host", server.host());
        connection.put("Port", server.port());
        connection.put("SessionCookie", cookie);
        connection.put("Dir", server.configDir());
        connection.put("PluginDir", plugin.pluginDir().toString());
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("ServerConnection", connection);
        input.put("Args", args);
        return input;
    }

    private void reportNotRun(PluginConfig plugin) {
        if (reportedNotRun.add(plugin.id())) {
            EMULATOR_LOG.log(System.Logger.Level.WARNING, "plugin {0} has hooks but interface {1}: the emulator "
                    + "runs only js plugins, so its hooks are skipped", plugin.id(), plugin.pluginInterface().yamlName());
        }
    }

    /**
     * Counters of hook runs.
     *
     * @param executions hook script runs, whatever their outcome
     * @param totalNanos wall time spent in them, including script compilation and set-up, in nanoseconds
     */
    public record HookStats(long executions, long totalNanos) {
    }

    /**
     * How a plugin task ended.
     *
     * @param output   the script result's {@code Output} as plain data (maps, lists, strings, numbers, booleans),
     *                 or null
     * @param error    the error text (the result's {@code Error}, a thrown exception, a start failure), or null
     * @param progress the {@code log.Progress} values reported, each in 0..1, in order
     */
    public record TaskResult(Object output, String error, List<Double> progress) {
        /** Freezes the progress list. */
        public TaskResult {
            progress = List.copyOf(progress);
        }
    }
}
