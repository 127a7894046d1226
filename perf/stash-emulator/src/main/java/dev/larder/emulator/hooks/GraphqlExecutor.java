package dev.larder.emulator.hooks;

import java.util.Map;

/**
 * Runs a GraphQL document inside the emulator, the way a plugin's {@code gql.Do} reaches Stash's handler
 * in-process without opening a socket. Implementations are thread-safe.
 */
@FunctionalInterface
public interface GraphqlExecutor {

    /**
     * Executes a document.
     *
     * @param document  the query or mutation text
     * @param variables the variables, possibly empty
     * @return the response as a map with {@code "data"} and, when something failed, {@code "errors"}
     */
    Map<String, Object> execute(String document, Map<String, Object> variables);
}
