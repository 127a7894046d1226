package dev.larder.emulator.graphql;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;

/**
 * What a GraphQL execution knows about the HTTP request it serves. Stash builds absolute media URLs from the
 * request's scheme and host, and adds the API key to stream URLs when one is configured.
 *
 * @param baseUrl  scheme, host and port the client used, without a trailing slash, e.g. {@code http://127.0.0.1:9999}
 * @param apiKey   the server's API key, added to stream URLs as Stash does; null when none is configured
 */
public record RequestContext(String baseUrl, String apiKey) {

    private static final String KEY = RequestContext.class.getName();

    /**
     * Stores this context in an execution's GraphQL context.
     *
     * @param context the execution's context builder target
     */
    public void putInto(GraphQLContext.Builder context) {
        context.put(KEY, this);
    }

    /**
     * This context as a GraphQL context entry, for transports that fill the context from a map.
     *
     * @return a one-entry map
     */
    public java.util.Map<Object, Object> asContextEntry() {
        return java.util.Map.of(KEY, this);
    }

    static RequestContext of(DataFetchingEnvironment env) {
        RequestContext ctx = env.getGraphQlContext().get(KEY);
        if (ctx == null) {
            throw new IllegalStateException("no request context in this execution");
        }
        return ctx;
    }
}
