package com.gatewaywizard.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gatewaywizard.spec.GatewaySpec;
import com.gatewaywizard.spec.LivenessProbe;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class ManifestYamlTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The YAML without the tags block (the seed has none; everything else must match it line for line). */
    private static String withoutTags(String yaml) {
        StringBuilder sb = new StringBuilder();
        boolean inTags = false;
        for (String line : yaml.split("\n", -1)) {
            if (line.equals("tags:")) {
                inTags = true;
                continue;
            }
            if (inTags && line.startsWith("  ")) {
                continue;
            }
            inTags = false;
            sb.append(line).append('\n');
        }
        return sb.substring(0, sb.length() - 1);
    }

    @Test
    void seedInputsReproduceTheSeedManifestLineForLineApartFromTheDocumentedQuotingAndTags() {
        String seed = Fixtures.seedManifest();
        // The three deliberate differences, and nothing else:
        String expected = seed
                .replace("apiVersion: 2024-05-01-preview\n", "apiVersion: '2024-05-01-preview'\n") // case 01
                .replace("location: <AZURE_REGION> # Example: westeurope\n", "location: <AZURE_REGION>\n") // no comments
                .replace("        value: Y\n", "        value: \"Y\"\n"); // YAML 1.1 loaders other than PyYAML read Y as true
        assertEquals(3, countDifferentLines(seed, expected), "exactly three seed lines are adjusted");

        String ours = ManifestYaml.write(Fixtures.seedSpec(), 1, SecretMode.SHAREABLE);
        assertEquals(expected, withoutTags(ours));
    }

    private static int countDifferentLines(String a, String b) {
        String[] x = a.split("\n");
        String[] y = b.split("\n");
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (!x[i].equals(y[i])) {
                n++;
            }
        }
        return n;
    }

    @Test
    void seedManifestAndOurBodyHoldTheSameKeysInTheSameOrderWithTheSameValues() throws Exception {
        ImportedDocument seed = ManifestReader.read(Fixtures.seedManifest()).documents().get(0);
        ObjectNode ours = ArmBody.of(Fixtures.seedSpec(), 1, SecretMode.SHAREABLE);
        ours.remove("tags");
        // writeValueAsString keeps insertion order, so equal strings mean equal keys, order and values
        assertEquals(MAPPER.writeValueAsString(seed.json()), MAPPER.writeValueAsString(ours));
    }

    @Test
    void exampleInputsMatchTheGoldenFile() {
        assertEquals(Fixtures.resource("golden/keeper-gateway.yml"),
                ManifestYaml.write(Fixtures.exampleSpec(), 1, SecretMode.SHAREABLE));
    }

    @Test
    void everyOptionOnInstanceTwoMatchesTheGoldenFile() {
        assertEquals(Fixtures.resource("golden/all-options-2.yml"),
                ManifestYaml.write(Fixtures.allOptionsSpec(), 2, SecretMode.SHAREABLE));
    }

    @Test
    void httpProbeInMaskedPreviewMatchesTheGoldenFile() {
        GatewaySpec spec = Fixtures.exampleSpec().toBuilder().liveness(LivenessProbe.HTTP).build();
        String yaml = ManifestYaml.write(spec, 1, SecretMode.MASKED);
        assertEquals(Fixtures.resource("golden/http-probe-masked.yml"), yaml);
        assertFalse(yaml.contains(Fixtures.PAT) || yaml.contains(Fixtures.CONFIG), "the preview shows no secret");
    }

    @Test
    void httpProbeIsTheSeedsHealthCheckSnippet() throws Exception {
        // The seed's "Health Checks" snippet, as a tree.
        JsonNode seedProbe = MAPPER.readTree("{\"httpGet\":{\"path\":\"/health\",\"port\":443},"
                + "\"initialDelaySeconds\":30,\"periodSeconds\":10}");
        GatewaySpec spec = Fixtures.exampleSpec().toBuilder().liveness(LivenessProbe.HTTP).build();
        JsonNode probe = ArmBody.of(spec, 1).at("/properties/containers/0/properties/livenessProbe");
        assertEquals(MAPPER.writeValueAsString(seedProbe), MAPPER.writeValueAsString(probe));
    }

    @Test
    void multiInstanceRenderGivesOneManifestPerInstanceDifferingOnlyInNameAndInstanceTag() {
        List<String> all = ManifestYaml.writeAll(Fixtures.allOptionsSpec(), SecretMode.SHAREABLE);
        assertEquals(3, all.size());
        for (int k = 1; k <= 3; k++) {
            String yaml = all.get(k - 1);
            assertTrue(yaml.contains("\nname: " + (k == 1 ? "keeper-gateway" : "keeper-gateway-" + k) + "\n"), yaml);
            assertTrue(yaml.contains("  gateway-wizard-instance: \"" + k + "\"\n"));
            assertTrue(yaml.contains("  gateway-wizard-pool: keeper-gateway\n"));
            String normalised = yaml.replace("keeper-gateway-" + k + "\n", "keeper-gateway\n")
                    .replace("gateway-wizard-instance: \"" + k + "\"", "gateway-wizard-instance: \"1\"");
            assertEquals(all.get(0), normalised, "instance " + k + " differs only in name and instance tag");
        }
        assertEquals(Path.of("out/keeper-gateway.yml"), ManifestFiles.instanceFile(Path.of("out/keeper-gateway.yml"), 1));
        assertEquals(Path.of("out/keeper-gateway-2.yml"), ManifestFiles.instanceFile(Path.of("out/keeper-gateway.yml"), 2));
        assertEquals(Path.of("keeper-gateway-3.yaml"), ManifestFiles.instanceFile(Path.of("keeper-gateway.yaml"), 3));
        assertEquals(Path.of("manifest-2"), ManifestFiles.instanceFile(Path.of("manifest"), 2));
        assertEquals(Path.of(".hidden-2"), ManifestFiles.instanceFile(Path.of(".hidden"), 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Y", "N", "y", "n", "yes", "No", "ON", "off", "true", "False", "null", "Null", "~", "", "010", "0x1F",
            "0o7", "0b101", "12:30", "1_000", "1e3", "1.5", ".5", "-1", "+1", "443", ".inf", "-.inf", ".nan", "2024-01-02",
            "2001-12-14t21:59:43.10-05:00", "=", "<<", "${HOME}", "pre-${X}-post", "#x", "a #b", "a: b", "a:", "- a", "? a",
            "[a]", "{a}", "a,b", "*alias", "&anchor", "!tag", "%x", "@x", "`x", "|", ">", "'q'", "\"q\"", " lead", "trail ",
            "two\nlines", "tab\there", "cr\r", "nul\0", "bell\u0007", "nel\u0085", "ls\u2028", "ps\u2029", "rlo\u202E",
            "zw\u200B", "bom\uFEFF", "back\\slash", "emoji\uD83D\uDE00", "Zürich", "-", "--", "...", "---", "."})
    void stringsThatAReaderCouldRetypeOrMisreadAreQuoted(String s) {
        assertTrue(Yaml11.needsQuotes(s), "must quote: " + s);
        JsonNode back = loadSnake("k: " + ManifestYaml.scalar(JsonNodeFactory.instance.textNode(s)) + "\n").get("k");
        assertEquals(s, back.textValue(), "YAML 1.1 reads the quoted form back as the same text");
    }

    @ParameterizedTest
    @ValueSource(strings = {"westeurope", "keeper-gateway", "Microsoft.ContainerInstance/containerGroups", "Linux", "Always",
            "Standard", "index.docker.io", "keeper/gateway:latest", "keeper/gateway@sha256:abc", "TCP", "ACCEPT_EULA",
            "/dev/shm", "devshm", "Private", "debug", "<DOCKER_HUB_PAT_TOKEN>", "dckr_pat_abc-DEF_123", "eyJhYmMiOiAxfQ==",
            "https://example.com/x"})
    void plainSafeStringsStayPlain(String s) {
        assertFalse(Yaml11.needsQuotes(s), "plain: " + s);
        assertEquals(s, loadSnake("k: " + s + "\n").get("k").textValue());
    }

    @Test
    void doubleQuotedFormEscapesControlsLineBreaksAndInvisibleCharacters() {
        assertEquals("\"a\\\"b\\\\c\\n\\t\\r\\0\\x07\\x85\\u2028\\u202E\\uFEFF\"",
                Yaml11.doubleQuoted("a\"b\\c\n\t\r\0\u0007\u0085\u2028\u202E\uFEFF"));
        assertEquals("\"Zürich \uD83D\uDE00\"", Yaml11.doubleQuoted("Zürich \uD83D\uDE00"), "printable unicode stays readable");
        assertEquals("\"\\U000E0001\"", Yaml11.doubleQuoted(new String(Character.toChars(0xE0001))), "a supplementary format character");
    }

    @Test
    void numbersKeepTheirTypeForYaml11Readers() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        assertEquals("2.0", ManifestYaml.scalar(f.numberNode(2.0)));
        assertEquals("8.0", ManifestYaml.scalar(f.numberNode(8.0)));
        assertEquals("1.5", ManifestYaml.scalar(f.numberNode(1.5)));
        assertEquals("443", ManifestYaml.scalar(f.numberNode(443)));
        assertEquals("1.0e+20", ManifestYaml.scalar(f.numberNode(1e20)));
        assertEquals("1.0e-5", ManifestYaml.scalar(f.numberNode(1e-5)));
        assertEquals("3.0", ManifestYaml.scalar(f.numberNode(new BigDecimal("3"))));
        for (double d : new double[] {2.0, 0.1, 1e20, 1e-5, -3.25, 123456789.125}) {
            String y = ManifestYaml.scalar(f.numberNode(d));
            assertTrue(Yaml11.PY_FLOAT.matcher(y).matches(), "PyYAML reads " + y + " as a float");
            assertEquals(d, ((Number) new Yaml().load(y)).doubleValue());
        }
        assertThrows(IllegalArgumentException.class, () -> ManifestYaml.scalar(f.numberNode(Double.NaN)));
    }

    @Test
    void emptyObjectsAndListsAreWrittenInFlowStyle() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.putObject("emptyDir");
        n.putArray("ports");
        n.putNull("nothing");
        n.put("flag", true);
        assertEquals("emptyDir: {}\nports: []\nnothing: null\nflag: true\n", ManifestYaml.write(n));
    }

    @Test
    void nestedListsAndMapsInListsFollowTheSeedsIndentation() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        var outer = n.putArray("matrix");
        outer.addArray().add("a").add("b");
        outer.addObject().put("k", "v").putObject("m").put("x", 1);
        String yaml = ManifestYaml.write(n);
        assertEquals("matrix:\n- - a\n  - b\n- k: v\n  m:\n    x: 1\n", yaml);
        assertEquals(n, MAPPER.valueToTree(new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml)));
    }

    private static JsonNode loadSnake(String yaml) {
        Map<String, Object> m = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        return MAPPER.valueToTree(m);
    }

    @Test
    void goldenFilesAreReadBackByPyYamlRulesAsTheBodyTheyCameFrom() {
        List<String> failures = new ArrayList<>();
        for (GatewaySpec spec : List.of(Fixtures.exampleSpec(), Fixtures.allOptionsSpec())) {
            for (SecretMode mode : SecretMode.values()) {
                ObjectNode body = ArmBody.of(spec, 2, mode);
                JsonNode back = ManifestReader.read(ManifestYaml.write(body)).documents().get(0).json();
                if (!body.equals(back)) {
                    failures.add(mode + " " + spec.name());
                }
            }
        }
        assertEquals(List.of(), failures);
    }
}
