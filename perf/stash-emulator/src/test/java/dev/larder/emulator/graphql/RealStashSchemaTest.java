package dev.larder.emulator.graphql;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** A clone with nothing beside it skips the comparisons with Stash's schema, and says why. */
class RealStashSchemaTest {

    /** Named so that the line it prints in the build's output says where it comes from. */
    private static final String CHECK = "RealStashSchemaTest's sample check";

    @Test
    void withNothingBesideTheCheckoutTheCheckIsSkippedSayingWhy(@TempDir Path parent) {
        TestAbortedException skipped = assertThrows(TestAbortedException.class,
                () -> RealStashSchema.assumePresent(CHECK, parent.resolve("larder").toString()));
        assertThat(skipped.getMessage(), is("Assumption failed: " + CHECK + " skipped: ../shared/stash-schema"
                + " (Stash's real schema) is not beside the checkout"));
    }

    @Test
    void withoutTheRootTheCheckIsSkippedSayingWhy() {
        TestAbortedException skipped = assertThrows(TestAbortedException.class,
                () -> RealStashSchema.assumePresent(CHECK, null));
        assertThat(skipped.getMessage(), is("Assumption failed: " + CHECK + " skipped: the system property larder.root"
                + " (the checkout's root, set by the build) is unset"));
    }
}
