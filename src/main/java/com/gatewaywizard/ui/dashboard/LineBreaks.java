package com.gatewaywizard.ui.dashboard;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * A value in lines no wider than a given room, each line ending only where {@code breakAfter} allows (after a
 * hyphen, a slash, a space…), never inside a word — JavaFX's own wrapping breaks at spaces only and splits a word that
 * does not fit. Remembers the last answer: layout asks again and again for the same value, room and font. One per
 * control (it measures with its own {@link Text}); FX thread.
 */
final class LineBreaks {
    private final String breakAfter;
    private final Text probe = new Text();
    private String linesOf;
    private double linesRoom = -1;
    private Font linesFont;
    private String lines;

    /** @param breakAfter the characters a line may end after, as a regex character class body, e.g. {@code "- "} */
    LineBreaks(String breakAfter) {
        this.breakAfter = "(?<=[" + breakAfter + "])";
    }

    /** The pieces a line may end after. */
    String[] parts(String value) {
        return value.split(breakAfter);
    }

    /** The width of {@code text} on one line in {@code font}. */
    double width(String text, Font font) {
        probe.setWrappingWidth(0);
        probe.setFont(font);
        probe.setText(text);
        return probe.getLayoutBounds().getWidth();
    }

    /** The height of {@code text} (its lines, or wrapped at {@code wrap} when above 0) in {@code font}. */
    double height(String text, Font font, double wrap) {
        probe.setFont(font);
        probe.setText(text);
        probe.setWrappingWidth(Math.max(0, wrap));
        double h = probe.getLayoutBounds().getHeight();
        probe.setWrappingWidth(0);
        return h;
    }

    /** {@code value} in lines of at most {@code room} px, each ending at a break point. */
    String lines(String value, double room, Font font) {
        if (value.equals(linesOf) && room == linesRoom && font == linesFont) {
            return lines;
        }
        StringBuilder out = new StringBuilder();
        String line = "";
        for (String part : parts(value)) {
            if (!line.isEmpty() && width((line + part).stripTrailing(), font) > room) {
                out.append(line.stripTrailing()).append('\n');
                line = part;
            } else {
                line += part;
            }
        }
        lines = out.append(line).toString();
        linesOf = value;
        linesRoom = room;
        linesFont = font;
        return lines;
    }
}
