package dev.larder.emulator.hooks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleConsumer;

import org.mozilla.javascript.Context;
import org.mozilla.javascript.ContextFactory;
import org.mozilla.javascript.EvaluatorException;
import org.mozilla.javascript.LambdaFunction;
import org.mozilla.javascript.RhinoException;
import org.mozilla.javascript.Script;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.SerializableCallable;
import org.mozilla.javascript.Undefined;

import dev.larder.emulator.logs.LogLevel;
import dev.larder.emulator.logs.LogSink;

/**
 * Runs a JS plugin's script the way Stash's goja runtime does ({@code pkg/plugin/js.go}, {@code pkg/javascript}),
 * on Rhino in interpreted mode at its newest language level, in ES5 strict mode (Stash compiles with
 * {@code strict = true}).
 *
 * <p>Each run gets a fresh global scope with the safe standard objects only (no {@code Packages}, {@code java},
 * {@code JavaImporter}; every Java class is shut out) plus exactly Stash's globals: {@code input},
 * {@code log.{Trace,Debug,Info,Warn,Error,Progress}}, {@code console.{log,info,warn,error,debug}},
 * {@code util.Sleep} and {@code gql.Do}. Compiled scripts are cached per file and modification time.
 *
 * <p>Stash has no time limit; a runaway script would hang a save forever. Here a run is stopped once it has used
 * its time limit (checked every 10,000 instructions and in {@code util.Sleep}), and the stop is reported as the
 * run's error. Thread-safe; a run may nest inside another on the same thread (a hook fired by {@code gql.Do}).
 */
final class JsPluginRunner {

    private static final int INSTRUCTIONS_PER_CHECK = 10_000;
    private static final int MAX_STACK_DEPTH = 10_000;
    private static final String DEADLINE_KEY = JsPluginRunner.class.getName() + ".deadline";
    /** Prepended on the script's first line, so that line numbers stay the file's. */
    private static final String STRICT_PROLOGUE = "'use strict';";

    private static final ContextFactory FACTORY = new ContextFactory() {
        @Override
        protected Context makeContext() {
            Context cx = super.makeContext();
            cx.setLanguageVersion(Context.VERSION_ECMASCRIPT);
            cx.setInterpretedMode(true);
            cx.setInstructionObserverThreshold(INSTRUCTIONS_PER_CHECK);
            cx.setMaximumInterpreterStackDepth(MAX_STACK_DEPTH);
            cx.setClassShutter(className -> false);
            return cx;
        }

        @Override
        protected void observeInstructionCount(Context cx, int instructionCount) {
            if (cx.getThreadLocal(DEADLINE_KEY) instanceof Long deadline && System.nanoTime() - deadline > 0) {
                throw new RunStopped("the emulator's time limit was reached");
            }
        }
    };

    private final LogSink log;
    private final GraphqlExecutor graphql;
    private final Duration timeLimit;
    private final Map<Path, CompiledScript> scripts = new ConcurrentHashMap<>();

    /**
     * @param log       where {@code log.*} and {@code console.*} lines go
     * @param graphql   what {@code gql.Do} calls
     * @param timeLimit how long one run may take, positive
     */
    JsPluginRunner(LogSink log, GraphqlExecutor graphql, Duration timeLimit) {
        this.log = Objects.requireNonNull(log, "log");
        this.graphql = Objects.requireNonNull(graphql, "graphql");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit must be positive: " + timeLimit);
        }
        this.timeLimit = timeLimit;
    }

    /**
     * Runs a plugin's script once.
     *
     * @param plugin   a JS plugin
     * @param input    the value of the {@code input} global (plain Java data)
     * @param progress receives {@code log.Progress} values, clamped to 0..1
     * @return what the script left as its result, or the error it ended with
     * @throws ScriptStartException when the script cannot be started (none named, unreadable, syntax error)
     */
    JsOutcome run(PluginConfig plugin, Map<String, Object> input, DoubleConsumer progress) {
        Script script = compile(plugin);
        try (Context cx = FACTORY.enterContext()) {
            Object outerDeadline = cx.getThreadLocal(DEADLINE_KEY);
            cx.putThreadLocal(DEADLINE_KEY, System.nanoTime() + timeLimit.toNanos());
            try {
                ScriptableObject scope = cx.initSafeStandardObjects();
                defineGlobals(cx, scope, plugin, input, progress);
                return outcome(cx, scope, script.exec(cx, scope, scope));
            } catch (RhinoException e) {
                return JsOutcome.failed(errorText(e));
            } catch (RunStopped e) {
                return JsOutcome.failed("script stopped: " + e.getMessage() + " (" + timeLimit.toMillis()
                        + " ms; Stash itself has no limit)");
            } catch (StackOverflowError e) {
                return JsOutcome.failed("RangeError: stack overflow");
            } finally {
                if (outerDeadline == null) {
                    cx.removeThreadLocal(DEADLINE_KEY);
                } else {
                    cx.putThreadLocal(DEADLINE_KEY, outerDeadline);
                }
            }
        }
    }

    private Script compile(PluginConfig plugin) {
        if (plugin.exec().isEmpty()) {
            throw new ScriptStartException("no script specified in exec");
        }
        Path file = plugin.pluginDir().resolve(plugin.exec().getFirst());
        FileTime modified;
        String source;
        try {
            modified = Files.getLastModifiedTime(file);
            CompiledScript cached = scripts.get(file);
            if (cached != null && cached.modified().equals(modified)) {
                return cached.script();
            }
            source = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScriptStartException("failed to read file: " + e.getMessage());
        }
        try (Context cx = FACTORY.enterContext()) {
            Script script = cx.compileString(STRICT_PROLOGUE + source, file.toString(), 1, null);
            scripts.put(file, new CompiledScript(modified, script));
            return script;
        } catch (EvaluatorException e) {
            throw new ScriptStartException("SyntaxError: " + e.details() + " at " + file + ":" + e.lineNumber());
        }
    }

    private void defineGlobals(Context cx, ScriptableObject scope, PluginConfig plugin, Map<String, Object> input,
                               DoubleConsumer progress) {
        ScriptableObject.putProperty(scope, "input", JsValues.toJs(cx, scope, input));

        String prefix = "[Plugin / " + plugin.name() + "] ";
        Scriptable logObject = cx.newObject(scope);
        define(scope, logObject, "Trace", 1, logFunction(LogLevel.Trace, prefix));
        define(scope, logObject, "Debug", 1, logFunction(LogLevel.Debug, prefix));
        define(scope, logObject, "Info", 1, logFunction(LogLevel.Info, prefix));
        define(scope, logObject, "Warn", 1, logFunction(LogLevel.Warning, prefix));
        define(scope, logObject, "Error", 1, logFunction(LogLevel.Error, prefix));
        define(scope, logObject, "Progress", 1, (c, s, t, args) -> {
            progress.accept(Math.min(Math.max(0, Context.toNumber(argument(args, 0))), 1));
            return Undefined.instance;
        });
        ScriptableObject.putProperty(scope, "log", logObject);

        // Stash's console logs through a Log without a prefix
        Scriptable console = cx.newObject(scope);
        define(scope, console, "log", 1, logFunction(LogLevel.Info, ""));
        define(scope, console, "info", 1, logFunction(LogLevel.Info, ""));
        define(scope, console, "warn", 1, logFunction(LogLevel.Warning, ""));
        define(scope, console, "error", 1, logFunction(LogLevel.Error, ""));
        define(scope, console, "debug", 1, logFunction(LogLevel.Debug, ""));
        ScriptableObject.putProperty(scope, "console", console);

        Scriptable util = cx.newObject(scope);
        define(scope, util, "Sleep", 1, (c, s, t, args) -> {
            sleep((long) Context.toNumber(argument(args, 0)), c);
            return Undefined.instance;
        });
        ScriptableObject.putProperty(scope, "util", util);

        Scriptable gql = cx.newObject(scope);
        define(scope, gql, "Do", 2, (c, s, t, args) -> graphqlDo(c, scope, args));
        ScriptableObject.putProperty(scope, "gql", gql);
    }

    private static void define(Scriptable scope, Scriptable owner, String name, int arity, SerializableCallable body) {
        ScriptableObject.putProperty(owner, name, new LambdaFunction(scope, name, arity, body));
    }

    private static Object argument(Object[] args, int index) {
        return index < args.length ? args[index] : Undefined.instance;
    }

    private SerializableCallable logFunction(LogLevel level, String prefix) {
        return (cx, scope, thisObj, args) -> {
            log.log(level, prefix + argumentText(argument(args, 0)));
            return Undefined.instance;
        };
    }

    /** Stash's {@code argToString}: a plain object as Go JSON, anything else as JavaScript's String(x). */
    private String argumentText(Object argument) {
        if (JsValues.isPlainObject(argument)) {
            try {
                return GoText.json(JsValues.toJava(argument));
            } catch (IllegalArgumentException e) {
                log.log(LogLevel.Warning, "Couldn't json encode object");
                return "";
            }
        }
        return Context.toString(argument);
    }

    private void sleep(long millis, Context cx) {
        if (millis <= 0) {
            return;
        }
        long deadline = (Long) cx.getThreadLocal(DEADLINE_KEY);
        long wanted = TimeUnit.MILLISECONDS.toNanos(millis);
        long allowed = Math.max(0, deadline - System.nanoTime());
        try {
            TimeUnit.NANOSECONDS.sleep(Math.min(wanted, allowed));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunStopped("the thread was interrupted");
        }
        if (wanted > allowed) {
            throw new RunStopped("the emulator's time limit was reached");
        }
    }

    /** Stash's {@code gql.Do}: the response's {@code data}, or a thrown Error when the response has errors. */
    private Object graphqlDo(Context cx, Scriptable scope, Object[] args) {
        String query = Context.toString(argument(args, 0));
        Object rawVariables = argument(args, 1);
        Map<String, Object> variables;
        try {
            Object converted = JsValues.toJava(rawVariables);
            if (converted != null && !(converted instanceof Map)) {
                throw ScriptRuntime.typeError("gql.Do: variables must be an object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = converted == null ? Map.of() : (Map<String, Object>) converted;
            variables = map;
        } catch (IllegalArgumentException e) {
            throw ScriptRuntime.typeError("gql.Do: variables: " + e.getMessage());
        }
        Map<String, Object> response = graphql.execute(query, variables);
        if (response.containsKey("errors")) {
            if (!response.containsKey("data")) {
                // gqlgen answers a request that does not parse or validate with HTTP 422, which gql.Do reports so
                throw ScriptRuntime.constructError("Error", "graphQL query failed: 422 - "
                        + GoText.json(Map.of("errors", response.get("errors"))) + ". Query: " + query
                        + ". Variables: " + GoText.verbV(variables));
            }
            throw ScriptRuntime.constructError("Error", "graphql error: " + GoText.json(response.get("errors")));
        }
        return JsValues.toJs(cx, scope, response.get("data"));
    }

    /** Stash's {@code makeOutput}: the result's {@code Output} and {@code Error} properties. */
    private static JsOutcome outcome(Context cx, Scriptable scope, Object result) {
        if (result == null || result instanceof Undefined) {
            return JsOutcome.NONE;
        }
        Scriptable object = ScriptRuntime.toObject(cx, scope, result);
        Object error = ScriptableObject.getProperty(object, "Error");
        if (error != Scriptable.NOT_FOUND && error != null && !(error instanceof Undefined)) {
            return JsOutcome.failed(Context.toString(error));
        }
        Object output = ScriptableObject.getProperty(object, "Output");
        if (output == Scriptable.NOT_FOUND || output instanceof Undefined) {
            return JsOutcome.NONE;
        }
        Object data;
        try {
            data = JsValues.toJava(output);
        } catch (IllegalArgumentException e) {
            data = null;
        }
        return new JsOutcome(data, Context.toString(output), null);
    }

    private static String errorText(RhinoException e) {
        String where = e.sourceName() == null ? "" : " at " + e.sourceName() + ":" + e.lineNumber();
        return e.details() + where;
    }

    /**
     * How a run ended.
     *
     * @param output     the result's {@code Output} as Java data, or null
     * @param outputText the result's {@code Output} as text, or null when the script left no output
     * @param error      the error text, or null when the run succeeded
     */
    record JsOutcome(Object output, String outputText, String error) {
        static final JsOutcome NONE = new JsOutcome(null, null, null);

        static JsOutcome failed(String error) {
            return new JsOutcome(null, null, error);
        }
    }

    /** A script that cannot start; Stash's {@code Start} error. */
    static final class ScriptStartException extends RuntimeException {
        ScriptStartException(String message) {
            super(message);
        }
    }

    /** Ends a run from inside; an {@link Error} so that script {@code catch} blocks cannot swallow it. */
    private static final class RunStopped extends Error {
        RunStopped(String reason) {
            super(reason, null, false, false);
        }
    }

    private record CompiledScript(FileTime modified, Script script) {
    }
}
