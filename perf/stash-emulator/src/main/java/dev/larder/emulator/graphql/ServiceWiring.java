package dev.larder.emulator.graphql;

import dev.larder.emulator.hooks.HookDispatcher;
import dev.larder.emulator.hooks.PluginConfig;
import dev.larder.emulator.hooks.PluginRegistry;
import dev.larder.emulator.jobs.JobKind;
import dev.larder.emulator.jobs.JobQueue;
import dev.larder.emulator.logs.LogBroadcaster;
import dev.larder.emulator.scan.ScanTasks;
import graphql.schema.idl.RuntimeWiring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The parts of the API served by the emulator's services rather than the library: the log stream, the job queue
 * (with the Scan and Clean tasks), plugins and their tasks, and the three subscriptions.
 */
public final class ServiceWiring implements Consumer<RuntimeWiring.Builder> {

    private final LogBroadcaster logs;
    private final JobQueue jobs;
    private final ScanTasks scans;
    private final PluginRegistry plugins;
    private final HookDispatcher hooks;
    private final PluginSettings settings;

    /**
     * @param logs     the log stream
     * @param jobs     the job queue
     * @param scans    the Scan and Clean tasks' work
     * @param plugins  the installed plugins
     * @param hooks    the dispatcher that runs plugin tasks
     * @param settings plugin settings
     */
    public ServiceWiring(LogBroadcaster logs, JobQueue jobs, ScanTasks scans, PluginRegistry plugins,
                         HookDispatcher hooks, PluginSettings settings) {
        this.logs = logs;
        this.jobs = jobs;
        this.scans = scans;
        this.plugins = plugins;
        this.hooks = hooks;
        this.settings = settings;
    }

    @Override
    public void accept(RuntimeWiring.Builder wiring) {
        ServerInfo.wire(wiring, settings);
        wiring.type("Query", t -> t
                .dataFetcher("logs", env -> logs.recent())
                .dataFetcher("jobQueue", env -> jobs.queue())
                .dataFetcher("findJob", env -> {
                    Map<String, Object> input = env.getArgument("input");
                    return jobs.find(FindArguments.parseId(input.get("id")));
                })
                .dataFetcher("plugins", env -> plugins.plugins().stream().map(this::plugin).toList())
                .dataFetcher("pluginTasks", env -> plugins.plugins().stream()
                        .flatMap(p -> tasks(p).stream()).toList()));
        wiring.type("Mutation", t -> t
                .dataFetcher("metadataScan", env -> String.valueOf(jobs.add(JobKind.SCAN, scans::scan)))
                .dataFetcher("metadataClean", env -> String.valueOf(jobs.add(JobKind.CLEAN, scans::clean)))
                .dataFetcher("stopJob", env -> {
                    jobs.stop(FindArguments.parseId(env.getArgument("job_id")));
                    return true;
                })
                .dataFetcher("stopAllJobs", env -> {
                    jobs.stopAll();
                    return true;
                })
                .dataFetcher("reloadPlugins", env -> {
                    plugins.reload();
                    return true;
                })
                .dataFetcher("setPluginsEnabled", env -> {
                    Map<String, Object> enabled = env.getArgument("enabledMap");
                    enabled.forEach((id, on) -> plugins.setEnabled(id, Boolean.TRUE.equals(on)));
                    return true;
                })
                .dataFetcher("runPluginTask", env -> {
                    String pluginId = env.getArgument("plugin_id");
                    String taskName = env.getArgument("task_name");
                    Map<String, Object> args = env.getArgumentOrDefault("args_map", Map.of());
                    String description = env.getArgumentOrDefault("description",
                            "Running plugin task: " + taskName);
                    return String.valueOf(jobs.add(description, progress -> {
                        HookDispatcher.TaskResult result = hooks.runTask(pluginId, taskName, args);
                        if (result.error() != null) {
                            throw new IllegalStateException(result.error());
                        }
                    }));
                }));
        wiring.type("Subscription", t -> t
                .dataFetcher("loggingSubscribe", env -> logs.subscribe())
                .dataFetcher("jobsSubscribe", env -> jobs.subscribe())
                .dataFetcher("scanCompleteSubscribe", env -> jobs.scanComplete()));
    }

    private Map<String, Object> plugin(PluginConfig config) {
        Map<String, Object> plugin = new LinkedHashMap<>();
        plugin.put("id", config.id());
        plugin.put("name", config.name());
        plugin.put("description", config.description());
        plugin.put("url", config.url());
        plugin.put("version", config.version());
        plugin.put("enabled", plugins.isEnabled(config.id()));
        plugin.put("tasks", tasks(config));
        plugin.put("hooks", config.hooks().stream().map(h -> {
            Map<String, Object> hook = new LinkedHashMap<>();
            hook.put("name", h.name());
            hook.put("description", h.description());
            hook.put("hooks", h.triggeredBy());
            hook.put("plugin", plugin);
            return hook;
        }).toList());
        plugin.put("requires", config.ui().requires());
        return plugin;
    }

    private List<Map<String, Object>> tasks(PluginConfig config) {
        return config.tasks().stream().map(task -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("name", task.name());
            out.put("description", task.description());
            out.put("plugin", Map.of("id", config.id(), "name", config.name(), "enabled",
                    plugins.isEnabled(config.id())));
            return out;
        }).toList();
    }
}
