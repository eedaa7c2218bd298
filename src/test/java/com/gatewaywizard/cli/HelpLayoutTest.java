package com.gatewaywizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** {@code gateway-wizard --help}: in each list, every description starts at the same column. */
class HelpLayoutTest {

    /** The column where the description of each row starts, per section ("Usage:", "Commands:", "Options:"). */
    private static List<TreeSet<Integer>> descriptionColumns(String help) {
        List<TreeSet<Integer>> sections = new ArrayList<>();
        TreeSet<Integer> current = null;
        String[] lines = help.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.endsWith(":") && !line.startsWith(" ")) {
                current = new TreeSet<>();
                sections.add(current);
                continue;
            }
            if (current == null || !line.startsWith("  ")) {
                current = line.isBlank() ? current : null;
                continue;
            }
            // a description is the text after the first run of two or more spaces past the indent
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\s{2}\\S.*?\\s{2,}|\\s{3,})\\S").matcher(line);
            boolean continued = i + 1 < lines.length && lines[i + 1].startsWith("   ");
            if (m.find()) {
                current.add(m.end() - 1);
            } else if (!continued) {
                current.add(-1); // no two spaces between the name and its description
            }
        }
        return sections;
    }

    @Test
    void everyListInTheHelpHasItsDescriptionsInOneColumn() {
        String help = CliRun.run("--help").out();
        List<TreeSet<Integer>> sections = descriptionColumns(help);
        assertEquals(3, sections.size(), help);
        for (TreeSet<Integer> columns : sections) {
            assertEquals(1, columns.size(), "descriptions start at columns " + columns + ":\n" + help);
        }
        // the longest command name (training-config) fits the column and still has two spaces after it
        assertTrue(help.contains("  training-config  print"), help);
    }

    @Test
    void aLeftPartTooWideForTheColumnPutsItsDescriptionOnTheNextLineAtTheColumn() {
        String text = Commands.columns(List.of(new String[] {"short", "one"},
                new String[] {"x".repeat(Commands.MAX_LEFT + 1), "two"}));
        String[] lines = text.split("\n");
        assertEquals(3, lines.length, text);
        assertEquals(lines[0].indexOf("one"), lines[2].indexOf("two"), text);
        assertEquals("  short  one", lines[0]);
    }
}
