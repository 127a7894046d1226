package dev.larder.model;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HookTriggerTest {

    @ParameterizedTest
    @ValueSource(strings = {"Scene.Create.Post", "SceneMarker.Update.Post", "GalleryChapter.Destroy.Post",
            "Movie.Update.Post", "Tag.Merge.Post"})
    void parsesAndPrintsStashTriggers(String text) {
        assertThat(HookTrigger.parse(text).toString(), is(text));
    }

    @Test
    void movieTriggersAreAboutGroups() {
        assertThat(HookTrigger.parse("Movie.Destroy.Post").entityType(), is(EntityType.GROUP));
        assertThat(HookTrigger.of(EntityType.GROUP, HookOperation.DESTROY).toString(), is("Group.Destroy.Post"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Scene.Update", "Scene.Update.Pre", "Scene.Merge2.Post", "Scene..Post", ""})
    void rejectsWhatIsNotATrigger(String text) {
        assertThrows(IllegalArgumentException.class, () -> HookTrigger.parse(text));
    }

    @Test
    void typeNamesRoundTrip() {
        for (EntityType type : EntityType.values()) {
            assertThat(EntityType.fromGraphqlName(type.graphqlName()).orElseThrow(), is(type));
            assertThat(EntityType.fromPluralName(type.pluralName()).orElseThrow(), is(type));
        }
    }
}
