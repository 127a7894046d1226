package dev.larder.stash;

import dev.larder.model.EntityType;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PageRequestTest {

    @Test
    void keysetContinuesAfterTheLastIdWhileCountSaysMore() {
        PageRequest first = PageRequest.first(EntityType.SCENE, 1000);
        assertThat(first.paging(), is(PageRequest.Paging.KEYSET));
        PageResult clamped = new PageResult(2500, 100, 140);
        assertThat(first.hasMore(clamped), is(true));
        assertThat(first.next(clamped).afterId(), is(140));
        assertThat(first.hasMore(new PageResult(100, 100, 140)), is(false));
    }

    @Test
    void offsetFollowsTheSizeStashServesWhenItClampsPages() {
        PageRequest first = PageRequest.first(EntityType.TAG, 1000);
        assertThat(first.paging(), is(PageRequest.Paging.OFFSET));
        PageResult clamped = new PageResult(450, 100, 100);
        assertThat(first.hasMore(clamped), is(true));
        PageRequest second = first.next(clamped);
        assertThat(second.size(), is(100));
        assertThat(second.page(), is(2));
        assertThat(second.hasMore(new PageResult(450, 100, 200)), is(true));
        PageRequest fifth = second.next(new PageResult(450, 100, 200)).next(new PageResult(450, 100, 300))
                .next(new PageResult(450, 100, 400));
        assertThat(fifth.page(), is(5));
        assertThat(fifth.hasMore(new PageResult(450, 50, 450)), is(false));
    }

    @Test
    void anEmptyPageEndsTheWalkWhateverTheCount() {
        PageRequest first = PageRequest.first(EntityType.PERFORMER, 10);
        assertThat(first.hasMore(new PageResult(30, 0, 0)), is(false));
    }

    @Test
    void neverAsksForEverythingOrForNothing() {
        assertThrows(IllegalArgumentException.class, () -> PageRequest.first(EntityType.SCENE, -1));
        assertThrows(IllegalArgumentException.class, () -> PageRequest.first(EntityType.SCENE, 0));
        assertThrows(IllegalArgumentException.class, () -> PageRequest.first(EntityType.GALLERY_CHAPTER, 10));
    }

    @Test
    void theOSweepComparesInstantsNotTexts() throws Exception {
        var times = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree("[\"2026-01-05T09:00:00Z\",\"2026-01-05T20:30:00+11:00\"]");
        // 20:30+11:00 is 09:30Z
        assertThat(StashClient.latestAfter(times, java.time.OffsetDateTime.parse("2026-01-05T09:15:00Z")), is(true));
        assertThat(StashClient.latestAfter(times, java.time.OffsetDateTime.parse("2026-01-05T09:30:00Z")), is(false));
        assertThat(StashClient.latestAfter(new com.fasterxml.jackson.databind.ObjectMapper().readTree("[]"),
                java.time.OffsetDateTime.parse("2026-01-05T09:30:00Z")), is(false));
    }

    @Test
    void documentsCarryOnlyTheFragmentsTheySpread() {
        SyncDocuments documents = new SyncDocuments(Fragments.load());
        String scenes = documents.page(EntityType.SCENE, PageRequest.first(EntityType.SCENE, 10)).query();
        assertThat(scenes, containsString("fragment SceneFields"));
        assertThat(scenes, containsString("fragment StashIdFields"));
        assertThat(scenes, containsString("fragment FingerprintFields"));
        assertThat(scenes, not(containsString("fragment TagFields")));
        String tags = documents.page(EntityType.TAG, PageRequest.first(EntityType.TAG, 10)).query();
        assertThat(tags, not(containsString("fragment FingerprintFields")));
        String ids = documents.page(EntityType.TAG, PageRequest.first(EntityType.TAG, 10).fields(FieldSet.IDS))
                .query();
        assertThat(ids, not(containsString("fragment")));
        assertThat(ids, not(containsString("per_page:-1")));
    }
}
