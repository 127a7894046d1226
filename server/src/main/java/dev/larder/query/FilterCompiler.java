package dev.larder.query;

import dev.larder.model.query.InputObject;
import dev.larder.model.query.InvalidInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compiles a validated filter object ({@code SceneFilterType} and the like) to one SQL predicate over a scope, as
 * Stash combines it: the criteria of one level all hold, and the level's one {@code AND}, {@code OR} or {@code NOT}
 * sub-filter joins them as "and", "or" and "and not". A criterion of the contract that Larder does not answer is
 * refused by name, never ignored.
 */
final class FilterCompiler {

    private FilterCompiler() {
    }

    /**
     * @param scope  the table the filter is about
     * @param filter the filter, or null for none
     * @param path   where the filter is in the request ({@code scene_filter}), for error messages
     * @return the predicate, {@link Where#TRUE} for an empty or absent filter
     * @throws InvalidInputException naming the path of an unsupported criterion, of two sub-filter operators on one
     *                               level, or of a value the criterion refuses
     */
    static Where compile(Scope scope, InputObject filter, String path) {
        if (filter == null) {
            return Where.TRUE;
        }
        List<Where> criteria = new ArrayList<>();
        String operator = null;
        InputObject subFilter = null;
        for (Map.Entry<String, Object> field : filter.fields().entrySet()) {
            String name = field.getKey();
            String at = path + "." + name;
            switch (name) {
                case "AND", "OR", "NOT" -> {
                    if (operator != null) {
                        // Stash's own wording (pkg/sqlite/filter.go)
                        throw new InvalidInputException(at, path + ": cannot have " + operator + " and " + name
                                + " in the same filter");
                    }
                    operator = name;
                    subFilter = (InputObject) field.getValue();
                }
                default -> {
                    Criterion criterion = scope.spec().criteria().get(name);
                    if (criterion == null) {
                        throw new InvalidInputException(at, at + " is a criterion of Stash's " + filter.type()
                                + " that Larder does not support yet");
                    }
                    criteria.add(criterion.compile(field.getValue(), scope, at));
                }
            }
        }
        Where level = Where.all(criteria);
        if (subFilter == null) {
            return level;
        }
        Where sub = compile(scope, subFilter, path + "." + operator);
        if (sub == Where.TRUE) {
            return level;
        }
        if (level == Where.TRUE) {
            return operator.equals("NOT") ? sub.not() : sub;
        }
        return switch (operator) {
            case "AND" -> level.and(sub);
            case "OR" -> level.or(sub);
            default -> level.and(sub.not());
        };
    }
}
