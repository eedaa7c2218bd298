package com.gatewaywizard.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

class LogBufferTest {
    private static List<LogLine> lines(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> new LogLine("", "line " + i, false)).toList();
    }

    @Test
    void keepsTheNewestLinesUpToItsCapacity() {
        LogBuffer b = new LogBuffer(5);
        b.append(lines(0, 3));
        b.append(lines(3, 8));
        assertEquals(5, b.size());
        assertEquals("line 3", b.get(0).text());
        assertEquals("line 7", b.get(4).text());
        assertEquals(3, b.dropped());
    }

    @Test
    void aBatchLargerThanTheCapacityKeepsItsTail() {
        LogBuffer b = new LogBuffer(4);
        b.append(lines(0, 2));
        b.append(lines(2, 12));
        assertEquals(List.of("line 8", "line 9", "line 10", "line 11"), b.stream().map(LogLine::text).toList());
    }

    @Test
    void anOverflowingAppendIsOneChangeRemovingAtTheFrontAndAddingAtTheEnd() {
        LogBuffer b = new LogBuffer(3);
        b.append(lines(0, 3));
        List<String> seen = new ArrayList<>();
        b.addListener((ListChangeListener<LogLine>) c -> {
            while (c.next()) {
                if (c.wasRemoved()) {
                    seen.add("removed " + c.getFrom() + " " + c.getRemovedSize() + " " + c.getRemoved().get(0).text());
                }
                if (c.wasAdded()) {
                    seen.add("added " + c.getFrom() + ".." + c.getTo());
                }
            }
        });
        b.append(lines(3, 5));
        assertEquals(List.of("removed 0 2 line 0", "added 1..3"), seen);
        assertEquals(List.of("line 2", "line 3", "line 4"), b.stream().map(LogLine::text).toList());
    }

    @Test
    void clearEmptiesAndTheRingWrapsAroundAfterwards() {
        LogBuffer b = new LogBuffer(3);
        b.append(lines(0, 5));
        b.clear();
        assertTrue(b.isEmpty());
        b.append(lines(10, 14));
        assertEquals(List.of("line 11", "line 12", "line 13"), b.stream().map(LogLine::text).toList());
    }

    @Test
    void theDefaultHoldsFiftyThousandLines() {
        LogBuffer b = new LogBuffer();
        assertEquals(50_000, b.capacity());
        b.append(lines(0, 60_000));
        assertEquals(50_000, b.size());
        assertEquals("line 10000", b.get(0).text());
        assertEquals("line 59999", b.get(49_999).text());
    }

    @Test
    void shrinkingTheCapacityKeepsTheNewest() {
        LogBuffer b = new LogBuffer(10);
        b.append(lines(0, 10));
        b.setCapacity(2);
        assertEquals(List.of("line 8", "line 9"), b.stream().map(LogLine::text).toList());
    }

    @Test
    void aciTimestampsAreSplitOffAndFormattingIsKept() {
        LogLine l = LogLine.parse("2026-12-03T21:48:00.123456789Z INFO    gateway:\tindented  text ");
        assertEquals("2026-12-03T21:48:00.123456789Z", l.timestamp());
        assertEquals("INFO    gateway:\tindented  text ", l.text());
        assertEquals("2026-12-03T21:48:00.123456789Z INFO    gateway:\tindented  text ", l.display(true));
        LogLine plain = LogLine.parse("  no stamp here");
        assertEquals("", plain.timestamp());
        assertEquals("  no stamp here", plain.display(true));
        assertFalse(plain.marker());
    }

    @Test
    void findMatchesPlainTextIgnoringCaseOrARegexAndReportsBadOnes() {
        LogFind plain = LogFind.of("error", false);
        assertTrue(plain.matches("ERROR gateway.config: bad"));
        assertEquals(1, plain.ranges("an Error and a.b").size());
        LogFind dot = LogFind.of("a.b", false);
        assertFalse(dot.matches("axb"));
        LogFind re = LogFind.of("latency \\d+ ms", true);
        assertTrue(re.matches("Heartbeat: connected, latency 23 ms"));
        assertEquals(List.of(11, 24), List.of(re.ranges("Heartbeat: latency 23 ms!").get(0)[0] + 0, 24));
        LogFind bad = LogFind.of("([", true);
        assertFalse(bad.active());
        assertTrue(bad.error() != null && !bad.error().isBlank());
        assertTrue(LogFind.keeps("", "x"));
        assertTrue(LogFind.keeps("ROUTER", "gateway.router: ok"));
        assertFalse(LogFind.keeps("relay", "gateway.router: ok"));
    }
}
