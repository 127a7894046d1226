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
        super(type.graphqlName().toLowerCase(java.util.Locale.ROOT) + " with id " + id + " not found");
    }
}
