package dev.larder.sync;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SyncTriggersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"Scanning..., INCREMENTAL", "Auto-tagging..., INCREMENTAL", "Identifying..., INCREMENTAL",
            "Cleaning..., SWEEP", "Importing..., FULL"})
    void finishedStashJobsAskForTheMatchingSync(String description, SyncMode mode) {
        assertThat(SyncTriggers.modeAfter(description), is(mode));
    }

    @ParameterizedTest
    @CsvSource({"Generating...", "Exporting...", "Installing packages...", "''"})
    void otherJobsAskForNothing(String description) {
        assertThat(SyncTriggers.modeAfter(description), is(nullValue()));
    }
}
