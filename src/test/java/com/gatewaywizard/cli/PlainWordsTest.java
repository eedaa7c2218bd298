package com.gatewaywizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What validate and --help say, in plain words. */
class PlainWordsTest {
    @Test
    void aRegistryPasswordWithATrailingSpaceIsAWarning(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("gw.yml");
        CliRun r = RenderCommandTest.run(Map.of("PAT", RenderCommandTest.PAT, "CFG", RenderCommandTest.CONFIG), "",
                RenderCommandTest.base("--docker-pat-env", "PAT", "--gateway-config-env", "CFG", "--out", out.toString()));
        assertEquals(0, r.code(), r.all());
        String yaml = Files.readString(out).replaceAll("(?m)^(\\s*password:).*$", "$1 '" + RenderCommandTest.PAT + " '");
        Path spaced = Files.writeString(dir.resolve("spaced.yml"), yaml);
        CliRun v = CliRun.run("validate", spaced.toString());
        assertTrue(v.all().contains("SECRET_SURROUNDING_SPACE"), v.all());
        assertFalse(v.all().contains(RenderCommandTest.PAT), "the password is never echoed");
    }

    @Test
    void aYamlBombIsRefusedInPlainWords(@TempDir Path dir) throws Exception {
        StringBuilder y = new StringBuilder("a0: &a0 [x, x]\n");
        for (int i = 1; i < 60; i++) {
            y.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a").append(i - 1).append("]\n");
        }
        Path bomb = Files.writeString(dir.resolve("bomb.yml"), y.toString());
        CliRun v = CliRun.run("validate", bomb.toString());
        assertTrue(v.all().contains("YAML_TOO_COMPLEX"), v.all());
        assertFalse(v.all().contains("max=") || v.all().contains("non-scalar"), v.all());
        assertTrue(v.all().contains("anchors and aliases"), v.all());
    }

    @Test
    void everyHelpHasItsOptionsAtTheSameIndent() {
        for (Command c : Commands.all()) {
            for (String line : c.usage().lines().toList()) {
                if (line.matches("\\s*--[a-z][a-z-]*( \\S+)?\\s{2,}\\S.*")) { // an option and its description
                    assertTrue(line.startsWith("  --") && !line.startsWith("   "), c.name() + ": stray indent: [" + line + "]");
                }
            }
        }
    }
}
