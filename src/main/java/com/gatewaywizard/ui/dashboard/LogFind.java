package com.gatewaywizard.ui.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What the find bar looks for: plain text (case-insensitive) or a regular expression. Finds the match ranges in one
 * line (for highlighting) and says whether a line matches (for next/previous). No JavaFX: unit-tested alone.
 */
public final class LogFind {
    public static final LogFind NONE = new LogFind("", false, null, null);

    private final String query;
    private final boolean regex;
    private final Pattern pattern;
    private final String error;

    private LogFind(String query, boolean regex, Pattern pattern, String error) {
        this.query = query;
        this.regex = regex;
        this.pattern = pattern;
        this.error = error;
    }

    /** A find for {@code query}; a bad regex gives a find that matches nothing and carries the error. */
    public static LogFind of(String query, boolean regex) {
        if (query == null || query.isEmpty()) {
            return NONE;
        }
        if (!regex) {
            return new LogFind(query, false, Pattern.compile(Pattern.quote(query), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), null);
        }
        try {
            return new LogFind(query, true, Pattern.compile(query), null);
        } catch (PatternSyntaxException e) {
            return new LogFind(query, true, null, e.getDescription());
        }
    }

    public boolean active() {
        return pattern != null;
    }

    public String query() {
        return query;
    }

    public boolean regex() {
        return regex;
    }

    /** The regex's problem in words, or null. */
    public String error() {
        return error;
    }

    public boolean matches(String line) {
        return pattern != null && pattern.matcher(line).find();
    }

    /** Start/end pairs of every non-empty match in {@code line}. */
    public List<int[]> ranges(String line) {
        if (pattern == null) {
            return List.of();
        }
        List<int[]> out = new ArrayList<>();
        Matcher m = pattern.matcher(line);
        while (m.find()) {
            if (m.end() > m.start()) {
                out.add(new int[] {m.start(), m.end()});
            } else if (m.end() >= line.length()) {
                break;
            }
        }
        return out;
    }

    /** The filter's test: every line containing {@code filter}, ignoring case; an empty filter keeps all. */
    public static boolean keeps(String filter, String line) {
        return filter == null || filter.isEmpty()
                || line.toLowerCase(Locale.ROOT).contains(filter.toLowerCase(Locale.ROOT));
    }
}
