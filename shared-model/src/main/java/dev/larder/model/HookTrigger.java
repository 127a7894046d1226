package dev.larder.model;

import java.util.Objects;

/**
 * One Stash plugin hook trigger, such as {@code Scene.Update.Post}.
 *
 * <p>{@code typeName} is kept as Stash spells it rather than as an {@link EntityType}, because Stash fires
 * {@code Movie.*} triggers beside {@code Group.*} ones and a plugin must be able to tell them apart.
 *
 * @param typeName  the GraphQL type name, for example {@code "Scene"} or {@code "Movie"}
 * @param operation what happened
 */
public record HookTrigger(String typeName, HookOperation operation) {

    private static final String SUFFIX = ".Post";

    /**
     * Creates a trigger.
     *
     * @throws NullPointerException when an argument is null
     */
    public HookTrigger {
        Objects.requireNonNull(typeName, "typeName");
        Objects.requireNonNull(operation, "operation");
    }

    /**
     * The trigger for an entity type.
     *
     * @param type      the entity type
     * @param operation what happened
     * @return for example {@code Scene.Update.Post}
     */
    public static HookTrigger of(EntityType type, HookOperation operation) {
        return new HookTrigger(type.graphqlName(), operation);
    }

    /**
     * Parses a trigger string as it appears in a plugin's {@code triggeredBy} list or a hook context.
     *
     * @param trigger for example {@code "Tag.Merge.Post"}
     * @return the trigger
     * @throws IllegalArgumentException when the text is not of the form {@code Type.Operation.Post}
     */
    public static HookTrigger parse(String trigger) {
        String[] parts = trigger.split("\\.");
        if (parts.length != 3 || !"Post".equals(parts[2])) {
            throw new IllegalArgumentException("not a hook trigger (Type.Operation.Post): " + trigger);
        }
        for (HookOperation op : HookOperation.values()) {
            if (op.triggerName().equals(parts[1])) {
                return new HookTrigger(parts[0], op);
            }
        }
        throw new IllegalArgumentException("unknown hook operation '" + parts[1] + "' in " + trigger);
    }

    /**
     * The entity type this trigger is about.
     *
     * @return the type; {@code Movie} triggers map to {@link EntityType#GROUP}
     * @throws IllegalStateException when Larder keeps no entities of this trigger's type
     */
    public EntityType entityType() {
        return EntityType.fromGraphqlName(typeName)
                .orElseThrow(() -> new IllegalStateException("no entity type for trigger " + this));
    }

    @Override
    public String toString() {
        return typeName + "." + operation.triggerName() + SUFFIX;
    }
}
