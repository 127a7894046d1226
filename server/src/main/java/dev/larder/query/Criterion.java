package dev.larder.query;

/**
 * Compiles one criterion of a filter type (a field of {@code SceneFilterType}, say) to SQL over a scope, with
 * Stash's semantics for the value's modifiers.
 */
@FunctionalInterface
interface Criterion {

    /**
     * @param value the field's validated value: an {@code InputObject} of the field's input type, or a Boolean,
     *              String, Integer or list for scalar fields
     * @param scope the table the predicate is about
     * @param path  where the value is in the request ({@code scene_filter.tags}), for error messages
     * @return the predicate, {@link Where#TRUE} when the value restricts nothing (as Stash ignores it)
     * @throws dev.larder.model.query.InvalidInputException when the value is valid for the contract but not for
     *                                                      Stash's semantics (a modifier the criterion does not take)
     */
    Where compile(Object value, Scope scope, String path);
}
