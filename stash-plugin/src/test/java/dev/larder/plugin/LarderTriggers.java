package dev.larder.plugin;

import java.util.ArrayList;
import java.util.List;

import dev.larder.model.EntityType;
import dev.larder.model.HookOperation;
import dev.larder.model.HookTrigger;

/** Every hook trigger Stash fires for the entities Larder keeps, derived from the shared model. */
final class LarderTriggers {

    private LarderTriggers() {
    }

    /**
     * Create/Update/Destroy for every kept type and for the deprecated {@code Movie}, plus {@code Tag.Merge.Post}.
     *
     * @return 31 triggers
     */
    static List<HookTrigger> all() {
        List<String> types = new ArrayList<>();
        for (EntityType type : EntityType.values()) {
            types.add(type.graphqlName());
        }
        types.add("Movie");
        List<HookTrigger> triggers = new ArrayList<>();
        for (String type : types) {
            for (HookOperation op : List.of(HookOperation.CREATE, HookOperation.UPDATE, HookOperation.DESTROY)) {
                triggers.add(new HookTrigger(type, op));
            }
        }
        triggers.add(new HookTrigger("Tag", HookOperation.MERGE));
        return triggers;
    }
}
