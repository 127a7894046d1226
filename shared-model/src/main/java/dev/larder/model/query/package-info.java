/**
 * Larder's query contract: what a query body may say, in Stash's own vocabulary.
 *
 * <p>A front-end sends Larder the JSON it would send Stash, {@code {"filter": <FindFilterType>, "scene_filter":
 * <SceneFilterType>}}, so the contract is Stash's GraphQL input types: {@code filters.graphql} beside these classes
 * holds every filter type Larder serves with every field Stash gives it, every criterion and enum they use, in
 * Larder's own text. A test holds it to Stash's schema, name for name and type for type.
 *
 * <p>{@link dev.larder.model.query.FilterContract} parses a body against it into
 * {@link dev.larder.model.query.InputObject}s, following GraphQL's input coercion; anything that does not fit is an
 * {@link dev.larder.model.query.InvalidInputException} whose path ({@code scene_filter.tags.value[2]}) says where.
 * The records ({@link dev.larder.model.query.IntCriterion}, {@link dev.larder.model.query.FindFilter}, …) are typed
 * views of the criterion types for the query compiler and for Java callers, and convert both ways. Whether Larder
 * evaluates a field is not the contract's concern: every field Stash has parses.
 */
package dev.larder.model.query;
