package com.gatewaywizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.gatewaywizard.manifest.ArmBody;
import com.gatewaywizard.keeper.TestConfigs;
import com.gatewaywizard.manifest.ImportedDocument;
import com.gatewaywizard.manifest.ManifestReader;
import com.gatewaywizard.manifest.ManifestYaml;
import com.gatewaywizard.manifest.SecretMode;
import com.gatewaywizard.spec.GatewaySpec;
import com.gatewaywizard.spec.Secret;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {
    static final String SUB = "3f2b8c4e-1d2a-4b6c-9e8f-0a1b2c3d4e5f";
    static final String SUBNET = "/subscriptions/" + SUB + "/resourceGroups/rg-network/providers/Microsoft.Network/"
            + "virtualNetworks/vnet-keeper/subnets/snet-aci";
    static final String PAT = TestConfigs.fakePat("Render");

    /** A gateway config that decodes (JSON → base64, Commander's layout), made of test bytes. */
    static final String CONFIG = TestConfigs.valid();

    static List<String> base(String... more) {
        List<String> a = new ArrayList<>(List.of("render", "--name", "keeper-gateway", "--location", "westeurope",
                "--subnet-id", SUBNET, "--docker-user", "keeperdemo"));
        a.addAll(Arrays.asList(more));
        return a;
    }

    static CliRun run(Map<String, String> env, String stdin, List<String> args) {
        return CliRun.run(env, stdin, args.toArray(String[]::new));
    }

    @Test
    void withoutOutItPrintsTheShareableManifestWithTheSeedsPlaceholders() {
        CliRun r = run(Map.of(), "", base());
        assertEquals(0, r.code(), r.err());
        GatewaySpec spec = GatewaySpec.builder().subscriptionId(SUB).region("westeurope").name("keeper-gateway")
                .subnetId(SUBNET).dockerUser("keeperdemo").build();
        assertEquals(ManifestYaml.write(spec, 1, SecretMode.SHAREABLE), r.out());
        assertTrue(r.out().contains("password: " + SecretMode.PAT_PLACEHOLDER));
        assertTrue(r.out().contains("secureValue: " + SecretMode.CONFIG_PLACEHOLDER));
        assertFalse(r.err().contains("error "), r.err());
    }

    @Test
    void secretsGivenForAShareableRenderNeverReachTheOutput() {
        CliRun r = run(Map.of("PAT", PAT, "CFG", CONFIG), "", base("--docker-pat-env", "PAT", "--gateway-config-env", "CFG"));
        assertEquals(0, r.code(), r.err());
        assertFalse(r.all().contains(PAT) || r.all().contains(CONFIG));
    }

    @Test
    void outWritesTheFullManifestOwnerOnlyOneFilePerInstance(@TempDir Path dir) throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path patFile = dir.resolve("pat.txt");
        Files.writeString(patFile, PAT + "\n");
        Path out = dir.resolve("keeper-gateway.yml");
        CliRun r = run(Map.of("CFG", CONFIG), "", base("--docker-pat-file", patFile.toString(), "--gateway-config-env", "CFG",
                "--instances", "3", "--liveness", "exec", "--debug", "--tag", "env=prod", "--out", out.toString()));
        assertEquals(0, r.code(), r.err());
        assertFalse(r.all().contains(PAT) || r.all().contains(CONFIG), "secrets go to the files only");
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of("keeper-gateway-2.yml", "keeper-gateway-3.yml", "keeper-gateway.yml", "pat.txt"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        for (int k = 1; k <= 3; k++) {
            Path f = k == 1 ? out : dir.resolve("keeper-gateway-" + k + ".yml");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
            ImportedDocument d = ManifestReader.read(f).documents().get(0);
            assertEquals(k, d.instance());
            GatewaySpec spec = d.spec().orElseThrow();
            assertEquals(Secret.of(PAT), spec.dockerPat());
            assertEquals(Secret.of(CONFIG), spec.gatewayConfig());
            assertEquals(k == 1 ? "keeper-gateway" : "keeper-gateway-" + k, d.json().get("name").textValue());
            assertEquals("prod", d.json().at("/tags/env").textValue());
            assertFalse(d.hasErrors(), d.problems().toString());
            // the file is the FULL body of the same spec: what is written is what deploys
            assertEquals(ArmBody.of(spec, k, SecretMode.FULL), d.json());
        }
    }

    @Test
    void secretsCanComeFromStandardInputOnceAndFromFilesWithTheirNewlinesStripped(@TempDir Path dir) throws IOException {
        Path cfg = dir.resolve("cfg");
        Files.writeString(cfg, "\n" + CONFIG + "\n\n");
        Path out = dir.resolve("gw.yaml");
        CliRun r = run(Map.of(), PAT + "\n", base("--docker-pat-file", "-", "--gateway-config-file", cfg.toString(), "--out", out.toString()));
        assertEquals(0, r.code(), r.err());
        GatewaySpec spec = ManifestReader.read(out).documents().get(0).spec().orElseThrow();
        assertEquals(Secret.of(PAT), spec.dockerPat());
        assertEquals(Secret.of(CONFIG), spec.gatewayConfig());

        CliRun twice = run(Map.of(), PAT, base("--docker-pat-file", "-", "--gateway-config-file", "-"));
        assertEquals(2, twice.code());
    }

    @Test
    void secretsAsFlagValuesAreRefusedNamingTheSafeAlternative() {
        for (String flag : List.of("--docker-pat", "--gateway-config")) {
            CliRun r = run(Map.of(), "", base(flag, PAT));
            assertEquals(2, r.code());
            assertTrue(r.err().contains(flag + "-file") && r.err().contains(flag + "-env"), r.err());
            assertFalse(r.all().contains(PAT));
            CliRun inline = run(Map.of(), "", base(flag + "=" + PAT));
            assertEquals(2, inline.code());
            assertFalse(inline.all().contains(PAT));
        }
    }

    @Test
    void invalidInputPrintsEveryProblemOnStderrAndWritesNothing(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("keeper-gateway.yml");
        CliRun r = run(Map.of(), "", List.of("render", "--name", "Keeper_Gateway", "--location", "West Europe",
                "--subnet-id", "/subscriptions/" + SUB + "/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet",
                "--docker-user", "keeperdemo", "--cpu", "9", "--out", out.toString()));
        assertEquals(1, r.code());
        assertEquals("", r.out());
        for (String code : List.of("NAME_INVALID", "REGION_DISPLAY_NAME", "SUBNET_ID_IS_VNET", "CPU_OUT_OF_RANGE",
                "DOCKER_PAT_REQUIRED", "GATEWAY_CONFIG_REQUIRED")) {
            assertTrue(r.err().lines().anyMatch(l -> l.startsWith("error " + code + " ")), code + " in\n" + r.err());
        }
        assertFalse(r.err().contains("SUBSCRIPTION_ID_REQUIRED"), "the VNet's id names the subscription: " + r.err());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(0, s.count(), "nothing written");
        }
    }

    @Test
    void warningsArePrintedButTheManifestStillComesOut() {
        CliRun r = run(Map.of(), "", base("--liveness", "http"));
        assertEquals(0, r.code());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("warning PROBE_HTTP_UNVERIFIED ")), r.err());
        assertTrue(r.out().contains("httpGet:"));
    }

    @Test
    void multipleInstancesOnStdoutAreSeparatedAsYamlDocuments() {
        CliRun r = run(Map.of(), "", base("--instances", "2"));
        assertEquals(0, r.code(), r.err());
        var read = ManifestReader.read(r.out());
        assertEquals(2, read.documents().size());
        assertEquals("keeper-gateway-2", read.documents().get(1).json().get("name").textValue());
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, run(Map.of(), "", base("--liveness", "tcp")).code());
        assertEquals(2, run(Map.of(), "", base("--cpu", "lots")).code());
        assertEquals(2, run(Map.of(), "", base("--instances", "two")).code());
        assertEquals(2, run(Map.of(), "", base("--tag", "novalue")).code());
        assertEquals(2, run(Map.of(), "", base("--bogus")).code());
        assertEquals(2, run(Map.of(), "", base("--name")).code());
        assertEquals(2, run(Map.of(), "", base("--docker-pat-env", "NOT_SET")).code());
        assertEquals(2, run(Map.of(), "", base("--docker-pat-file", "/no/such/file")).code());
        assertEquals(2, run(Map.of("A", "x"), "", base("--docker-pat-file", "x", "--docker-pat-env", "A")).code());
        assertEquals(2, run(Map.of(), "", base("--out", "-")).code());
        assertEquals(2, run(Map.of(), "", base("stray")).code());
    }

    @Test
    void subscriptionDefaultsToTheSubnetsAndAMismatchIsAnError() {
        CliRun r = run(Map.of(), "", base("--subscription", "00000000-0000-0000-0000-000000000001"));
        assertEquals(1, r.code());
        assertTrue(r.err().contains("SUBNET_OTHER_SUBSCRIPTION"), r.err());
    }

    @Test
    void helpDescribesTheSafeSecretOptions() {
        CliRun r = CliRun.run("render", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("--docker-pat-file") && r.out().contains("--gateway-config-env"));
    }

    @Test
    void jsonFormatPrintsTheExactRequestBodyTheDeployerSends() throws IOException {
        CliRun r = run(Map.of(), "", base("--format", "json", "--instances", "2"));
        assertEquals(0, r.code(), r.err());
        GatewaySpec spec = GatewaySpec.builder().subscriptionId(SUB).region("westeurope").name("keeper-gateway")
                .subnetId(SUBNET).dockerUser("keeperdemo").instances(2).build();
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var docs = mapper.readerFor(com.fasterxml.jackson.databind.JsonNode.class).readValues(r.out()).readAll();
        assertEquals(2, docs.size());
        for (int k = 1; k <= 2; k++) {
            assertEquals(ArmBody.requestBody(ArmBody.of(spec, k, SecretMode.SHAREABLE)), docs.get(k - 1));
        }
        assertFalse(r.out().contains("apiVersion"), "the api-version goes in the URL, not the body");
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        CliRun r = run(Map.of(), "", base("--format", "xml"));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--format must be yaml or json"), r.err());
    }
}
