package com.gatewaywizard.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gatewaywizard.spec.GatewaySpec;
import com.gatewaywizard.spec.LivenessProbe;
import com.gatewaywizard.spec.Problem;
import com.gatewaywizard.spec.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * For many generated specs with hostile text in every field, the rendered YAML read back with YAML 1.1 rules is
 * exactly {@link ArmBody}'s JSON. Two oracles: SnakeYAML's own YAML 1.1 resolver (booleans yes/no/on/off, octal,
 * base 60, timestamps) and our PyYAML-rule reader, which is how az CLI reads the file.
 */
class ManifestYamlPropertyTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int RUNS = 600;
    private static final String[] HOSTILE = {"yes", "no", "on", "off", "Y", "N", "y", "n", "true", "False", "null", "~", "010",
            "0x1F", "0o7", "0b11", "12:30", "1_000", "1e3", "1.5", ".inf", "-.inf", ".nan", "2024-01-02", "2001-12-14 21:59:43.10 -5",
            "${HOME}", "pre-${X}-post", "$(id)", "a: b", "a:", "#x", "x #y", " lead", "trail ", "-", "- a", "? x", "[a]", "{a: b}",
            "&a", "*a", "!t", "!!str", "|", "> x", "%TAG", "@x", "`x", "'", "\"", "\\", "\\n", "\n", "\r\n", "\t", "\u0000",
            "\u0007", "\u0085", "\u00a0", "\u2028", "\u2029", "\u202e", "\ufeff", "\u200b", "\u00fc", "\u4e2d\u6587",
            "\ud83d\ude00", "<<", "=", "---", "...", "\u00e9", "", "keeper-gateway", "westeurope", "443", "2.0", "-1", "+1",
            "0", "00", "0.", "1:2:3", "Infinity", "NaN", "<DOCKER_HUB_PAT_TOKEN>", "https://x.y/z?a=b&c=d", "C:\\path",
            "\"quoted\"", "'single'", "tab\tinside", "multi\nline\ntext", "%", ",", "]", "}", "\u00ad", "\u0600", "\udb40\udc01"};
    private static final Set<String> YAML_SURPRISES = Set.of(ManifestReader.YAML_1_1_RETYPED, ManifestReader.YAML_ENV_EXPANSION,
            ManifestReader.YAML_UNQUOTED_DATE, ManifestReader.YAML_DUPLICATE_KEY, ManifestReader.YAML_UNSUPPORTED_TAG,
            ManifestReader.YAML_NON_FINITE_NUMBER, ManifestReader.YAML_PARSE_ERROR, ManifestReader.API_VERSION_UNQUOTED_DATE);

    private static String text(Random r) {
        int n = r.nextInt(4);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i <= n; i++) {
            switch (r.nextInt(4)) {
                case 0, 1 -> sb.append(HOSTILE[r.nextInt(HOSTILE.length)]);
                case 2 -> {
                    int len = 1 + r.nextInt(8);
                    for (int j = 0; j < len; j++) {
                        sb.append((char) (0x20 + r.nextInt(0x5F)));
                    }
                }
                default -> {
                    int cp;
                    do {
                        cp = r.nextInt(0x2FFFF);
                    } while (Character.getType(cp) == Character.SURROGATE || !Character.isDefined(cp));
                    sb.appendCodePoint(cp);
                }
            }
        }
        return sb.toString();
    }

    private static GatewaySpec spec(Random r) {
        GatewaySpec.Builder b = GatewaySpec.builder()
                .name(text(r)).region(text(r)).subnetId(r.nextInt(5) == 0 ? "" : text(r))
                .dockerUser(r.nextInt(5) == 0 ? "" : text(r))
                .dockerPat(Secret.of(text(r))).gatewayConfig(Secret.of(text(r)))
                .image(r.nextBoolean() ? GatewaySpec.DEFAULT_IMAGE : text(r))
                .cpu(r.nextInt(4) == 0 ? r.nextDouble() * 1e6 : 0.1 * (1 + r.nextInt(40)))
                .memoryGb(r.nextInt(4) == 0 ? r.nextDouble() / 1e6 : 0.1 * (1 + r.nextInt(160)))
                .debugLogging(r.nextBoolean())
                .liveness(LivenessProbe.values()[r.nextInt(3)])
                .instances(1 + r.nextInt(10));
        int tags = r.nextInt(4);
        for (int i = 0; i < tags; i++) {
            b.tag(text(r), text(r));
        }
        return b.build();
    }

    @Test
    void renderedYamlReadWithYaml11RulesIsExactlyTheArmBody() throws Exception {
        Yaml snake = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<String> failures = new ArrayList<>();
        for (long seed = 0; seed < RUNS && failures.size() < 5; seed++) {
            Random r = new Random(seed);
            GatewaySpec spec = spec(r);
            int k = 1 + r.nextInt(spec.instances());
            SecretMode mode = SecretMode.values()[r.nextInt(3)];
            ObjectNode body = ArmBody.of(spec, k, mode);
            String yaml = ManifestYaml.write(body);

            Object loaded = snake.load(yaml);
            JsonNode viaSnake = MAPPER.valueToTree(loaded);
            if (!body.equals(viaSnake)) {
                failures.add("seed " + seed + ": SnakeYAML (YAML 1.1) read a different tree");
                continue;
            }
            ImportResult imported = ManifestReader.read(yaml);
            if (imported.documents().size() != 1 || !body.equals(imported.documents().get(0).json())) {
                failures.add("seed " + seed + ": the PyYAML-rule reader read a different tree");
                continue;
            }
            List<String> surprises = imported.allProblems().stream().map(Problem::code).filter(YAML_SURPRISES::contains).toList();
            if (!surprises.isEmpty()) {
                failures.add("seed " + seed + ": the reader reports " + surprises);
            }
        }
        assertEquals(List.of(), failures);
    }
}
