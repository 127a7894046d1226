package dev.larder.emulator.graphql;

import dev.larder.emulator.faults.Faults;
import dev.larder.emulator.library.InvalidQueryException;
import dev.larder.emulator.hooks.HookFirer;
import dev.larder.emulator.library.Library;
import dev.larder.emulator.library.NotFoundException;
import dev.larder.emulator.packages.PackageException;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLSchema;
import graphql.schema.TypeResolver;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Stash's GraphQL API over the emulated library: the emulator's schema (the part of Stash's that it serves, see
 * {@link SchemaFiles}), wired to the library, its mutations and the emulator's services. Thread-safe; one instance
 * serves every request.
 */
public final class StashGraphql {

    private final GraphQL graphql;

    /**
     * Builds the API.
     *
     * @param library  the library
     * @param faults   the faults to inject into list queries
     * @param hooks    where mutations fire plugin hooks
     * @param services further wiring (jobs, logs, plugins, subscriptions) contributed by the emulator's services
     */
    public StashGraphql(Library library, Faults faults, HookFirer hooks,
                        List<Consumer<RuntimeWiring.Builder>> services) {
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring();
        StashScalars.all().forEach(wiring::scalar);
        wiring.codeRegistry(GraphQLCodeRegistry.newCodeRegistry()
                .defaultDataFetcher(env -> new EntityFieldFetcher(library)));
        wiring.type("BaseFile", t -> t.typeResolver(FILE_TYPES));
        wiring.type("VisualFile", t -> t.typeResolver(FILE_TYPES));
        new ListQueries(library, faults).wire(wiring);
        new LibraryStats(library).wire(wiring);
        new EntityMutations(library, hooks).wire(wiring);
        new HistoryMutations(library).wire(wiring);
        new MergeMutations(library, hooks).wire(wiring);
        MediaPaths.wire(wiring, library);
        EntityExtras.wire(wiring);
        services.forEach(s -> s.accept(wiring));
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(SchemaFiles.emulated(), wiring.build());
        this.graphql = GraphQL.newGraphQL(schema)
                .defaultDataFetcherExceptionHandler(new StashErrors())
                .preparsedDocumentProvider(new QueryDocumentCache())
                .build();
    }

    /**
     * The executable API, for transports (HTTP and websocket).
     *
     * @return the GraphQL engine
     */
    public GraphQL graphql() {
        return graphql;
    }

    /**
     * Runs one document.
     *
     * @param document      the document text
     * @param variables     its variables, possibly empty
     * @param operationName the operation to run, or null
     * @param request       what the request knows of its origin (for media URLs)
     * @return the result
     */
    public ExecutionResult execute(String document, Map<String, Object> variables, String operationName,
                                   RequestContext request) {
        ExecutionInput input = ExecutionInput.newExecutionInput()
                .query(document)
                .variables(variables == null ? Map.of() : variables)
                .operationName(operationName)
                .graphQLContext(request::putInto)
                .build();
        return graphql.execute(input);
    }

    /**
     * The HTTP status Stash answers a result with: 422 when the document did not parse or validate, the status an
     * emulated fault asked for, else 200.
     *
     * @param result a result of {@link #execute}
     * @return the status
     */
    public static int httpStatus(ExecutionResult result) {
        if (!result.isDataPresent() && !result.getErrors().isEmpty()) {
            return 422;
        }
        for (GraphQLError error : result.getErrors()) {
            Object status = error.getExtensions() == null ? null : error.getExtensions().get("httpStatus");
            if (status instanceof Integer s) {
                return s;
            }
        }
        return 200;
    }

    /** Files are told apart by their fields, as the library keeps no type tag. */
    private static final TypeResolver FILE_TYPES = env -> {
        Map<String, Object> file = env.getObject();
        String type = file.containsKey("duration") ? "VideoFile"
                : file.containsKey("width") ? "ImageFile" : "GalleryFile";
        return env.getSchema().getObjectType(type);
    };

    /**
     * Turns exceptions into GraphQL errors with Stash's messages (no Java class names), and carries an emulated
     * fault's HTTP status.
     */
    private static final class StashErrors implements DataFetcherExceptionHandler {

        @Override
        public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
                DataFetcherExceptionHandlerParameters params) {
            Throwable e = params.getException();
            String message = switch (e) {
                case InvalidQueryException q -> q.getMessage();
                case NotFoundException n -> n.getMessage();
                case NotEmulatedException n -> n.getMessage();
                case HttpStatusException h -> h.getMessage();
                case PackageException p -> p.getMessage();
                case IllegalArgumentException i -> i.getMessage();
                default -> "internal system error: " + Objects.toString(e.getMessage(), e.getClass().getSimpleName());
            };
            GraphqlErrorBuilder<?> error = GraphqlErrorBuilder.newError(params.getDataFetchingEnvironment())
                    .message(message);
            if (e instanceof HttpStatusException h) {
                error.extensions(Map.of("httpStatus", h.status()));
            }
            return CompletableFuture.completedFuture(
                    DataFetcherExceptionHandlerResult.newResult().error(error.build()).build());
        }
    }
}
