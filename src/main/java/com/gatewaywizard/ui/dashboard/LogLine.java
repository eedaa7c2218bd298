package com.gatewaywizard.ui.dashboard;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a container log as the log view keeps it: ACI's timestamp (when the log was read with
 * {@code timestamps=true}, else empty) apart from the text, so the timestamps toggle needs no re-read. A marker line
 * ("— container restarted at … —") is ours, not the container's.
 */
public record LogLine(String timestamp, String text, boolean marker) {
    /** ACI's prefix: RFC 3339 with up to nanoseconds and a Z, then one space. */
    private static final Pattern STAMP = Pattern.compile("^(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d{1,9})?(?:Z|[+-]\\d\\d:\\d\\d)) ");

    public LogLine {
        timestamp = timestamp == null ? "" : timestamp;
        text = text == null ? "" : text;
    }

    /** A line as ACI returned it; the timestamp prefix, if any, is split off. Formatting is kept as it is. */
    public static LogLine parse(String raw) {
        if (raw == null) {
            return new LogLine("", "", false);
        }
        Matcher m = STAMP.matcher(raw);
        if (m.find()) {
            return new LogLine(m.group(1), raw.substring(m.end()), false);
        }
        return new LogLine("", raw, false);
    }

    public static LogLine marker(String text) {
        return new LogLine("", text, true);
    }

    /** What the view shows and copies: with the timestamp in front when asked and there is one. */
    public String display(boolean withTimestamp) {
        return withTimestamp && !timestamp.isEmpty() ? timestamp + " " + text : text;
    }
}
