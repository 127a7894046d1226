package dev.larder.emulator.hooks;

import dev.larder.model.HookTrigger;

import java.util.List;

/** Where mutations report the plugin hooks Stash would fire; the emulator's hook dispatcher runs them. */
@FunctionalInterface
public interface HookFirer {

    /**
     * Fires one hook, synchronously, as Stash does before answering the mutation.
     *
     * @param trigger     the trigger
     * @param id          the entity's id
     * @param input       the mutation input Stash hands to the hook, or null (scans, {@code sceneCreate})
     * @param inputFields the input's keys for updates, else null
     */
    void fire(HookTrigger trigger, int id, Object input, List<String> inputFields);
}
