package com.gatewaywizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.manifest.ManifestYaml;
import com.gatewaywizard.keeper.TestConfigs;
import com.gatewaywizard.manifest.SecretMode;
import com.gatewaywizard.spec.GatewaySpec;
import com.gatewaywizard.spec.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    private static final String CONFIG = TestConfigs.valid();
    private static final Path CASES = Path.of(System.getProperty("shared.dir", "../shared"), "cases", "inputs");

    private static GatewaySpec spec() {
        return GatewaySpec.builder().subscriptionId(RenderCommandTest.SUB).region("westeurope").name("keeper-gateway")
                .subnetId(RenderCommandTest.SUBNET).dockerUser("keeperdemo").dockerPat(Secret.of(RenderCommandTest.PAT))
                .gatewayConfig(Secret.of(CONFIG)).cpu(4).memoryGb(16).image("keeper/gateway:1.8.4").build();
    }

    @Test
    void aManifestWeWroteIsOkAndExitsZero(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("keeper-gateway.yml");
        Files.writeString(f, ManifestYaml.write(spec(), 1, SecretMode.FULL));
        CliRun r = CliRun.run("validate", f.toString());
        assertEquals(0, r.code(), r.all());
        assertEquals(f + ": ok\n", r.out());
    }

    @Test
    void warningsArePrintedWithTheFileAndExitZero(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("shareable.yml");
        Files.writeString(f, ManifestYaml.write(spec(), 1, SecretMode.SHAREABLE));
        CliRun r = CliRun.run("validate", f.toString());
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().lines().allMatch(l -> l.startsWith(f + ": warning PLACEHOLDER_VALUE ")), r.out());
    }

    @Test
    void errorsExitOneAndSeveralDocumentsAreNumbered() {
        CliRun r = CliRun.run("validate", CASES.resolve("case-11.yml").toString(), CASES.resolve("baseline.yml").toString());
        assertEquals(1, r.code(), r.all());
        String f = CASES.resolve("case-11.yml").toString();
        assertTrue(r.out().contains(f + "#1: error PRIVATE_IP_WITHOUT_SUBNET properties.ipAddress: "), r.out());
        assertTrue(r.out().contains(f + "#2: error NETWORK_PROFILE_RETIRED properties.networkProfile: "), r.out());
        assertTrue(r.out().contains(f + ": warning MULTIPLE_DOCUMENTS"), r.out());
        assertFalse(r.out().contains(CASES.resolve("baseline.yml") + "#"), "one document, no number");
    }

    @Test
    void unreadableOrUnparsableFilesExitTwoWithLineAndColumn(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.yml");
        Files.writeString(bad, "name: x\nproperties:\n  containers: [\n");
        CliRun r = CliRun.run("validate", bad.toString(), CASES.resolve("case-03.yml").toString());
        assertEquals(2, r.code(), "a parse error wins over other files' errors");
        assertTrue(r.out().lines().anyMatch(l -> l.matches(java.util.regex.Pattern.quote(bad.toString())
                + ": error YAML_PARSE_ERROR line \\d+, column \\d+: .*")), r.out());
        CliRun missing = CliRun.run("validate", dir.resolve("nope.yml").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no such file"));
        assertEquals(2, CliRun.run("validate", dir.toString()).code(), "a folder");
        assertEquals(2, CliRun.run("validate").code(), "no file given");
    }

    @Test
    void standardInputCanBeValidated() {
        CliRun r = CliRun.run(Map.of(), ManifestYaml.write(spec(), 1, SecretMode.FULL), "validate", "-");
        assertEquals(0, r.code(), r.all());
        assertEquals("-: ok\n", r.out());
    }

    @Test
    void outputNeverContainsTheSecretsOfTheFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("k.yml");
        Files.writeString(f, ManifestYaml.write(spec(), 1, SecretMode.FULL)
                .replace("  osType: Linux\n", "  osType: Linux\n  bogus: [\n"));
        CliRun broken = CliRun.run("validate", f.toString());
        assertEquals(2, broken.code());
        Files.writeString(f, ManifestYaml.write(spec(), 1, SecretMode.FULL)
                .replace("secureValue: ", "value: x\n        secureValue: "));
        CliRun both = CliRun.run("validate", f.toString());
        assertEquals(1, both.code());
        for (CliRun r : new CliRun[] {broken, both}) {
            assertFalse(r.all().contains(RenderCommandTest.PAT) || r.all().contains(CONFIG), r.all());
        }
    }
}
