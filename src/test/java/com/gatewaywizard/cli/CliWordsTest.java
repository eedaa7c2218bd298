package com.gatewaywizard.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.azure.AzureProblems;
import com.gatewaywizard.azure.Explanation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Fixes are written once, for the wizard ("on the Network step", "the wizard lists"); the command line prints them
 * through CliWords. No Azure error the CLI can print, and no preflight finding, tells a terminal user to use a
 * wizard step or to refresh a list.
 */
class CliWordsTest {
    private static final Pattern WIZARD_ONLY = Pattern.compile(
            "(?i)\\b(on|in) the (first|Network|Registry|Options|Review|Subscription) step|\\bstep\\b|the wizard (lists|suggests|can|offers)"
                    + "|Gateway Wizard offers|Refresh the list|wizard's Review");

    @Test
    void noAzureErrorTheCliPrintsSendsTheUserToTheWizard() throws Exception {
        List<String> bad = new ArrayList<>();
        for (String code : codes(Path.of("src/main/java/com/gatewaywizard/azure/AzureProblems.java"), "code\\(\"([A-Za-z]+)\"")) {
            Explanation x = AzureProblems.arm(code, "", 400);
            String line = CliWords.of(x);
            if (WIZARD_ONLY.matcher(line).find()) {
                bad.add(code + ": " + line);
            }
        }
        assertTrue(bad.isEmpty(), String.join("\n", bad));
        for (int status : new int[] {400, 401, 403, 404, 409, 429, 500, 503}) {
            String line = CliWords.of(AzureProblems.arm("SomethingNew", "", status));
            assertTrue(!WIZARD_ONLY.matcher(line).find(), status + ": " + line);
        }
    }

    @Test
    void noPreflightFixTheCliPrintsSendsTheUserToTheWizard() throws Exception {
        String src = Files.readString(Path.of("src/main/java/com/gatewaywizard/azure/AzurePreflight.java"));
        Matcher m = Pattern.compile("\"([^\"]*(?:wizard|step)[^\"]*)\"").matcher(src);
        List<String> bad = new ArrayList<>();
        while (m.find()) {
            String line = CliWords.cli(m.group(1));
            if (WIZARD_ONLY.matcher(line).find()) {
                bad.add(line);
            }
        }
        assertTrue(bad.isEmpty(), String.join("\n", bad));
    }

    private static List<String> codes(Path source, String regex) throws Exception {
        Matcher m = Pattern.compile(regex).matcher(Files.readString(source));
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        assertTrue(out.size() > 30, "codes found: " + out);
        return out;
    }
}
