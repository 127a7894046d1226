package dev.larder.emulator.library;

import dev.larder.model.EntityType;

/** A write that names an entity that does not exist. */
public class NotFoundException extends RuntimeException {

    /**
     * Creates the exception with Stash's wording.
     *
     * @param type the type
     * @param id   the missing id
     */
    public NotFoundException(EntityType type, int id) {
        super(notFound(type, id));
    }

    /**
     * Stash's message for a missing entity: the type in lower-case words, as in {@code "scene marker with id 9 not
     * found"}.
     *
     * @param type the type
     * @param id   the missing id
     * @return the message
     */
    static String notFound(EntityType type, int id) {
        String words = type.graphqlName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        return words + " with id " + id + " not found";
    }
}
