package com.gatewaywizard.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventsTableTest {
    @org.junit.jupiter.api.BeforeAll
    static void fx() throws Exception {
        // the toolkit as TestFX starts it, so robot test classes that run later in this JVM find the same set-up
        org.testfx.api.FxToolkit.registerPrimaryStage();
    }

    @Test
    void eventTimesAreTimeOfDayOnlySoTheMessageKeepsTheWidth() {
        String shown = EventsTable.TIME.format(Instant.parse("2026-12-03T23:39:57Z"));
        assertTrue(shown.matches("\\d\\d:\\d\\d:57"), shown);
    }
}
