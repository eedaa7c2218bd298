package com.gatewaywizard.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gatewaywizard.spec.GatewaySpec;
import com.gatewaywizard.spec.LivenessProbe;
import com.gatewaywizard.spec.Problem;
import com.gatewaywizard.spec.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ManifestReaderTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static ImportedDocument one(String yaml) {
        ImportResult r = ManifestReader.read(yaml);
        assertEquals(List.of(), r.problems(), "file-level problems");
        assertEquals(1, r.documents().size());
        return r.documents().get(0);
    }

    private static List<String> codes(List<Problem> problems) {
        return problems.stream().map(Problem::code).toList();
    }

    private static Problem find(List<Problem> problems, String code, String field) {
        return problems.stream().filter(p -> p.code().equals(code) && p.field().equals(field)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " at " + field + " in " + codes(problems)));
    }

    @Test
    void scalarsAreTypedAsAzClisYaml11LoaderTypesThem() {
        ImportedDocument d = one("""
                a: Y
                b: yes
                c: "yes"
                d: off
                e: 010
                f: 0x1F
                g: 12:30
                h: 1_000
                i: ~
                j: 1e3
                k: 1.5
                l: 0b101
                m: 443
                n:
                o: 2.0
                p: '010'
                """);
        JsonNode j = d.json();
        assertEquals("Y", j.get("a").textValue(), "PyYAML keeps Y a string");
        assertTrue(j.get("b").booleanValue());
        assertEquals("yes", j.get("c").textValue());
        assertFalse(j.get("d").booleanValue());
        assertEquals(8, j.get("e").intValue());
        assertEquals(31, j.get("f").intValue());
        assertEquals(750, j.get("g").intValue());
        assertEquals(1000, j.get("h").intValue());
        assertTrue(j.get("i").isNull());
        assertEquals("1e3", j.get("j").textValue(), "PyYAML needs a dot for a float");
        assertEquals(1.5, j.get("k").doubleValue());
        assertEquals(5, j.get("l").intValue());
        assertTrue(j.get("m").isInt());
        assertTrue(j.get("n").isNull());
        assertTrue(j.get("o").isDouble());
        assertEquals("010", j.get("p").textValue());
        for (String f : List.of("b", "d", "e", "f", "g", "h", "l")) {
            find(d.problems(), ManifestReader.YAML_1_1_RETYPED, f);
        }
        for (String f : List.of("a", "c", "i", "j", "k", "m", "o", "p")) {
            assertTrue(d.problems().stream().noneMatch(p -> p.field().equals(f) && p.code().equals(ManifestReader.YAML_1_1_RETYPED)), f);
        }
    }

    /** Each YAML snippet with the JSON that PyYAML 6.0.3's {@code safe_load} + {@code json.dumps} gives (run once by hand). */
    static Stream<Arguments> pyYamlReadings() {
        return Stream.of(
                Arguments.of("a: Y\n", "{\"a\": \"Y\"}"),
                Arguments.of("a: yes\n", "{\"a\": true}"),
                Arguments.of("a: 010\n", "{\"a\": 8}"),
                Arguments.of("a: 0x1F\n", "{\"a\": 31}"),
                Arguments.of("a: 12:30\n", "{\"a\": 750}"),
                Arguments.of("a: 1_000\n", "{\"a\": 1000}"),
                Arguments.of("a: ~\n", "{\"a\": null}"),
                Arguments.of("a: 1e3\n", "{\"a\": \"1e3\"}"),
                Arguments.of("a: 1.5\n", "{\"a\": 1.5}"),
                Arguments.of("a: 0b101\n", "{\"a\": 5}"),
                Arguments.of("a: -0\n", "{\"a\": 0}"),
                Arguments.of("a: +12\n", "{\"a\": 12}"),
                Arguments.of("a: 1:20.5\n", "{\"a\": 80.5}"),
                Arguments.of("a: .5\n", "{\"a\": 0.5}"),
                Arguments.of("a: 1.\n", "{\"a\": 1.0}"),
                Arguments.of("a: 1.0e+3\n", "{\"a\": 1000.0}"),
                Arguments.of("a: 1.0e3\n", "{\"a\": \"1.0e3\"}"),
                Arguments.of("a: 0o17\n", "{\"a\": \"0o17\"}"),
                Arguments.of("a: 09\n", "{\"a\": \"09\"}"),
                Arguments.of("a: 08.5\n", "{\"a\": 8.5}"),
                Arguments.of("a: NULL\n", "{\"a\": null}"),
                Arguments.of("a: Off\n", "{\"a\": false}"),
                Arguments.of("a: TRUE\n", "{\"a\": true}"),
                Arguments.of("a: 'x''y'\n", "{\"a\": \"x'y\"}"),
                Arguments.of("a: \"\\x41\\u00e9\"\n", "{\"a\": \"A\\u00e9\"}"),
                Arguments.of("a: |\n  l1\n  l2\n\n", "{\"a\": \"l1\\nl2\\n\"}"),
                Arguments.of("a: >\n  f1\n  f2\n\n", "{\"a\": \"f1 f2\\n\"}"),
                Arguments.of("b: &x {c: 1}\na: {<<: *x, d: 2}\n", "{\"a\": {\"c\": 1, \"d\": 2}, \"b\": {\"c\": 1}}"),
                Arguments.of("a: [1, 'b', c]\n", "{\"a\": [1, \"b\", \"c\"]}"),
                Arguments.of("a: !!str 1\n", "{\"a\": \"1\"}"),
                Arguments.of("a: !!float 1\n", "{\"a\": 1.0}"),
                Arguments.of("a: -.inf_\n", "{\"a\": \"-.inf_\"}"),
                Arguments.of("a: 0x_1F\n", "{\"a\": 31}"),
                Arguments.of("a: 1__0\n", "{\"a\": 10}"),
                Arguments.of("a: 00:30\n", "{\"a\": \"00:30\"}"),
                Arguments.of("a: 190:20:30\n", "{\"a\": 685230}"),
                Arguments.of("on: 1\n", "{\"true\": 1}"),
                Arguments.of("1: x\n", "{\"1\": \"x\"}"),
                Arguments.of("a: 6.8523015e+5\n", "{\"a\": 685230.15}"),
                Arguments.of("a: 685.230_15e+03\n", "{\"a\": 685230.15}"),
                Arguments.of("a: 685_230.15\n", "{\"a\": 685230.15}"),
                Arguments.of("a: 190:20:30.15\n", "{\"a\": 685230.15}"),
                Arguments.of("a: -1:30\n", "{\"a\": -90}"),
                Arguments.of("a: 0b_101\n", "{\"a\": 5}"),
                Arguments.of("a: 0_7\n", "{\"a\": 7}"),
                Arguments.of("? a\n: b\n", "{\"a\": \"b\"}")
        );
    }

    @ParameterizedTest
    @MethodSource("pyYamlReadings")
    void readsEveryScalarFormAsPyYamlDoes(String yaml, String pyYamlJson) throws Exception {
        ImportResult r = ManifestReader.read(yaml);
        assertFalse(r.unreadable(), yaml);
        assertEquals(MAPPER.readTree(pyYamlJson), r.documents().get(0).json(), yaml);
    }

    @Test
    void unquotedDateApiVersionIsReadBackAsTextAndWarned() {
        ImportedDocument d = one("apiVersion: 2018-06-01\nname: x\n");
        assertEquals("2018-06-01", d.json().get("apiVersion").textValue());
        Problem p = find(d.problems(), ManifestReader.API_VERSION_UNQUOTED_DATE, "apiVersion");
        assertEquals(com.gatewaywizard.spec.Severity.WARNING, p.severity());
        assertTrue(p.message().startsWith("line 1: "), p.message());
    }

    @Test
    void anUnquotedDateElsewhereIsAnErrorBecauseAzCliCrashesOnIt() {
        ImportedDocument d = one("apiVersion: '2024-05-01-preview'\ntags:\n  created: 2024-01-02\n");
        assertEquals("2024-01-02", d.json().at("/tags/created").textValue());
        assertTrue(find(d.problems(), ManifestReader.YAML_UNQUOTED_DATE, "tags.created").isError());
    }

    @Test
    void emptyEmptyDirIsNullAndRejectedWhileBracesAreAnEmptyObject() {
        ImportedDocument d = one("properties:\n  volumes:\n  - name: a\n    emptyDir:\n  - name: b\n    emptyDir: {}\n");
        assertTrue(d.json().at("/properties/volumes/0/emptyDir").isNull());
        assertTrue(d.json().at("/properties/volumes/1/emptyDir").isObject());
        Problem p = find(d.problems(), ManifestRules.VOLUME_NO_TYPE, "properties.volumes[0]");
        assertTrue(p.message().contains("'a'") && p.message().contains("line 3"), p.message());
        assertTrue(d.problems().stream().noneMatch(x -> x.field().equals("properties.volumes[1]")));
    }

    @Test
    void quotedNumbersAreTakenAsNumbersWithAWarning() {
        ImportedDocument d = one("""
                properties:
                  containers:
                  - name: c
                    properties:
                      resources: {requests: {cpu: "2.0", memoryInGB: '8'}}
                      ports: [{port: "443"}]
                  ipAddress: {type: Public, ports: [{port: "443", protocol: TCP}]}
                """);
        assertEquals(2.0, d.json().at("/properties/containers/0/properties/resources/requests/cpu").doubleValue());
        assertEquals(443, d.json().at("/properties/ipAddress/ports/0/port").intValue());
        assertTrue(d.json().at("/properties/ipAddress/ports/0/port").isInt());
        find(d.problems(), ManifestRules.QUOTED_NUMBER, "properties.ipAddress.ports[0].port");
        find(d.problems(), ManifestRules.QUOTED_NUMBER, "properties.containers[0].properties.resources.requests.memoryInGB");
        assertFalse(codes(d.problems()).contains(ManifestRules.IP_PORT_NOT_EXPOSED), "443 quoted on both sides still matches");
    }

    @Test
    void plainDollarBraceIsWarnedBecauseAzCliExpandsIt() {
        ImportedDocument d = one("a: ${HOME}/x\nb: \"${HOME}\"\nc: $HOME\n");
        find(d.problems(), ManifestReader.YAML_ENV_EXPANSION, "a");
        assertEquals(1, codes(d.problems()).stream().filter(ManifestReader.YAML_ENV_EXPANSION::equals).count());
        assertEquals("${HOME}/x", d.json().get("a").textValue(), "kept literally");
    }

    @Test
    void aFileMayHoldSeveralDocumentsWhichAzCliWouldNotTake() {
        ImportResult r = ManifestReader.read("---\nname: a\n---\nname: b\n");
        assertEquals(2, r.documents().size());
        assertEquals("b", r.documents().get(1).json().get("name").textValue());
        assertEquals(2, r.documents().get(1).index());
        assertEquals(4, r.documents().get(1).line());
        assertEquals(List.of(ManifestReader.MULTIPLE_DOCUMENTS), codes(r.problems()));
    }

    @Test
    void parseErrorsGiveLineAndColumnAndNeverQuoteTheLine() {
        String secret = "dckr_pat_SHOULD_NOT_LEAK";
        ImportResult r = ManifestReader.read("name: ok\npassword: " + secret + "\n  bad: [unclosed\n");
        assertTrue(r.unreadable());
        Problem p = r.problems().get(0);
        assertEquals(ManifestReader.YAML_PARSE_ERROR, p.code());
        assertTrue(p.field().matches("line \\d+, column \\d+"), p.field());
        assertFalse(p.format().contains(secret), p.format());
        ImportResult tab = ManifestReader.read("a:\n\tb: " + secret + "\n");
        assertTrue(tab.unreadable());
        assertFalse(tab.allProblems().stream().anyMatch(x -> x.format().contains(secret)));
    }

    @Test
    void billionLaughsIsStoppedQuickly() {
        StringBuilder sb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 9; i++) {
            sb.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                sb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            sb.append("]\n");
        }
        ImportResult r = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> ManifestReader.read(sb.toString()));
        assertTrue(r.unreadable(), codes(r.allProblems()).toString());
        assertTrue(codes(r.allProblems()).contains(ManifestReader.YAML_TOO_COMPLEX));
    }

    @Test
    void fewAliasesThatStillExpandHugelyAreStoppedByTheNodeBudget() {
        StringBuilder sb = new StringBuilder("a0: &a0 [x, x]\n");
        for (int i = 1; i <= 24; i++) {
            sb.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a").append(i - 1).append("]\n");
        }
        ImportResult r = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> ManifestReader.read(sb.toString()));
        assertTrue(codes(r.allProblems()).contains(ManifestReader.YAML_TOO_COMPLEX), codes(r.allProblems()).toString());
    }

    @Test
    void recursiveAliasesAndDeepNestingDoNotHangOrCrash() {
        ImportResult rec = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> ManifestReader.read("a: &a [*a]\n"));
        assertTrue(rec.unreadable(), codes(rec.allProblems()).toString());
        String deep = "[".repeat(5000) + "]".repeat(5000);
        ImportResult d = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> ManifestReader.read(deep));
        assertTrue(d.unreadable());
        ImportResult keys = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> ManifestReader.read("&k [*k]: 1\n"));
        assertTrue(keys.unreadable() || keys.hasErrors());
    }

    @Test
    void tooLargeFilesAreRefusedUnread(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.yml");
        Files.write(big, new byte[ManifestReader.MAX_BYTES + 1]);
        ImportResult r = ManifestReader.read(big);
        assertEquals(List.of(ManifestReader.FILE_TOO_LARGE), codes(r.problems()));
        assertTrue(r.unreadable());
    }

    @Test
    void notUtf8NotAMappingAndEmptyAreReported() {
        assertEquals(List.of(ManifestReader.YAML_PARSE_ERROR),
                codes(ManifestReader.read(new byte[] {'a', ':', ' ', (byte) 0xC3, (byte) 0x28}).problems()));
        assertEquals(ManifestReader.NOT_A_MAPPING, ManifestReader.read("- a\n- b\n").documents().get(0).problems().get(0).code());
        assertEquals(List.of(ManifestReader.MANIFEST_EMPTY), codes(ManifestReader.read("# only a comment\n").problems()));
        assertEquals("x", ManifestReader.read("\uFEFFname: x\n".getBytes(StandardCharsets.UTF_8)).documents().get(0).json()
                .get("name").textValue(), "a byte-order mark is skipped");
    }

    @Test
    void duplicateKeysKeepTheLastAsAzCliDoesAndAreWarned() {
        ImportedDocument d = one("name: first\nname: second\n");
        assertEquals("second", d.json().get("name").textValue());
        find(d.problems(), ManifestReader.YAML_DUPLICATE_KEY, "name");
    }

    @Test
    void mergeKeysAreExpandedAsPyYamlDoes() {
        ImportedDocument d = one("base: &b {cpu: 1.0, memoryInGB: 1.5}\nreq:\n  <<: *b\n  cpu: 2.0\n");
        assertEquals(2.0, d.json().at("/req/cpu").doubleValue());
        assertEquals(1.5, d.json().at("/req/memoryInGB").doubleValue());
    }

    @Test
    void tagsThatAzCliCannotLoadAreErrors() {
        ImportResult python = ManifestReader.read("a: !!python/object:os.system x\n");
        assertTrue(python.unreadable(), "a global tag is refused while parsing, as PyYAML's safe loader refuses it");
        for (String yaml : List.of("a: !foo bar\n", "a: !!binary aGVsbG8=\n",
                "a: !!set {x: null}\n", "a: =\n", "a: <<\n")) {
            ImportedDocument d = ManifestReader.read(yaml).documents().get(0);
            assertTrue(codes(d.problems()).contains(ManifestReader.YAML_UNSUPPORTED_TAG), yaml + " " + codes(d.problems()));
        }
        assertEquals("5", one("a: !!str 5\n").json().get("a").textValue());
        assertEquals(5, one("a: !!int \"5\"\n").json().get("a").intValue());
        assertTrue(codes(ManifestReader.read("a: !!int abc\n").documents().get(0).problems())
                .contains(ManifestReader.YAML_INVALID_SCALAR));
    }

    @Test
    void nonFiniteNumbersCannotTravelAsJson() {
        ImportedDocument d = one("a: .inf\nb: .NaN\n");
        find(d.problems(), ManifestReader.YAML_NON_FINITE_NUMBER, "a");
        find(d.problems(), ManifestReader.YAML_NON_FINITE_NUMBER, "b");
    }

    @Test
    void azContainerShowOutputIsConvertedToTheFileShapeAndItsMissingSecretsAreReported() {
        // the flattened model as 'az container show -o json' prints it (abridged), JSON being YAML
        String show = """
                {"containers": [{"name": "keeper-gateway", "image": "keeper/gateway:latest",
                   "environmentVariables": [{"name": "ACCEPT_EULA", "secureValue": null, "value": "Y"},
                                            {"name": "GATEWAY_CONFIG", "secureValue": null, "value": null}],
                   "ports": [{"port": 443, "protocol": "TCP"}], "instanceView": {"restartCount": 0},
                   "resources": {"requests": {"cpu": 2.0, "memoryInGb": null, "memoryInGB": 8.0}},
                   "volumeMounts": [{"mountPath": "/dev/shm", "name": "devshm", "readOnly": false}]}],
                 "id": "/subscriptions/x/resourceGroups/rg/providers/Microsoft.ContainerInstance/containerGroups/gw",
                 "imageRegistryCredentials": [{"server": "index.docker.io", "username": "keeperdemo", "password": null}],
                 "instanceView": {"state": "Running"}, "ipAddress": {"ip": "10.0.0.4", "ports": [{"port": 443, "protocol": "TCP"}],
                   "type": "Private", "fqdn": null},
                 "location": "westeurope", "name": "gw", "osType": "Linux", "provisioningState": "Succeeded",
                 "resourceGroup": "rg", "restartPolicy": "Always", "sku": "Standard",
                 "subnetIds": [{"id": "%s", "name": null}], "tags": null, "type": "Microsoft.ContainerInstance/containerGroups",
                 "volumes": [{"emptyDir": {}, "name": "devshm"}], "zones": null}
                """.formatted(Fixtures.SUBNET);
        ImportedDocument d = one(show);
        JsonNode j = d.json();
        assertTrue(j.path("properties").path("containers").isArray());
        assertEquals("keeper/gateway:latest", j.at("/properties/containers/0/properties/image").textValue());
        assertFalse(j.has("id") || j.has("resourceGroup") || j.path("properties").has("provisioningState"));
        assertFalse(j.at("/properties/containers/0/properties").has("instanceView"));
        assertEquals("Standard", j.at("/properties/sku").textValue(), "sku belongs under properties in the flat model");
        List<String> c = codes(d.problems());
        assertTrue(c.contains(ManifestReader.SHAPE_CONVERTED) && c.contains(ManifestReader.READ_ONLY_FIELD_DROPPED), c.toString());
        find(d.problems(), ManifestRules.ENV_NO_VALUE, "properties.containers[0].properties.environmentVariables[1]");
        find(d.problems(), ManifestRules.REGISTRY_PASSWORD_MISSING, "properties.imageRegistryCredentials[0]");
        GatewaySpec spec = d.spec().orElseThrow();
        assertEquals("gw", spec.name());
        assertEquals(Fixtures.SUBSCRIPTION, spec.subscriptionId());
        assertTrue(spec.dockerPat().isEmpty() && spec.gatewayConfig().isEmpty());
    }

    @Test
    void azContainerExportOutputIsAcceptedWithReadOnlyFieldsDropped() {
        // yaml.safe_dump of the GenericResource: keys sorted, read-only fields left in properties
        String export = """
                apiVersion: '2023-05-01'
                location: westeurope
                name: keeper-gateway
                properties:
                  containers:
                  - name: keeper-gateway
                    properties:
                      environmentVariables:
                      - name: ACCEPT_EULA
                        value: Y
                      - name: GATEWAY_CONFIG
                      image: keeper/gateway:latest
                      ports:
                      - port: 443
                        protocol: TCP
                      resources:
                        requests:
                          cpu: 2.0
                          memoryInGB: 8.0
                  imageRegistryCredentials:
                  - server: index.docker.io
                    username: keeperdemo
                  ipAddress:
                    ip: 10.0.0.4
                    ports:
                    - port: 443
                      protocol: TCP
                    type: Private
                  isCreatedFromStandbyPool: false
                  osType: Linux
                  restartPolicy: Always
                  sku: Standard
                  subnetIds:
                  - id: %s
                tags: {}
                type: Microsoft.ContainerInstance/containerGroups
                """.formatted(Fixtures.SUBNET);
        ImportedDocument d = one(export);
        assertFalse(d.json().path("properties").has("isCreatedFromStandbyPool"));
        List<String> c = codes(d.problems());
        assertTrue(c.contains(ManifestReader.READ_ONLY_FIELD_DROPPED), c.toString());
        assertFalse(c.contains(ManifestReader.SHAPE_CONVERTED), "already the --file shape");
        assertTrue(c.contains(ManifestRules.ENV_NO_VALUE) && c.contains(ManifestRules.REGISTRY_PASSWORD_MISSING), c.toString());
        assertEquals("2023-05-01", d.json().get("apiVersion").textValue());
    }

    @Test
    void theOfficialArmGetResponseIsReadWithItsReadOnlyFieldsDroppedAndItsLostPasswordReported() throws Exception {
        JsonNode example = MAPPER.readTree(Fixtures.shared()
                .resolve("fixtures/arm-examples/containerinstance/ContainerGroupsGet_Succeeded.json").toFile());
        ImportedDocument d = one(MAPPER.writeValueAsString(example.at("/responses/200/body")));
        assertFalse(d.json().has("id") || d.json().path("properties").has("provisioningState"));
        assertTrue(codes(d.problems()).contains(ManifestReader.READ_ONLY_FIELD_DROPPED));
        find(d.problems(), ManifestRules.REGISTRY_PASSWORD_MISSING, "properties.imageRegistryCredentials[0]");
        find(d.problems(), ManifestRules.TOP_LEVEL_FIELD_IGNORED, "zones");
        assertEquals("demo1", d.spec().orElseThrow().name());
    }

    @Test
    void theOfficialArmCreateRequestPassesTheRulesApartFromWhatAnArmTemplateWouldFillIn() throws Exception {
        JsonNode example = MAPPER.readTree(Fixtures.shared()
                .resolve("fixtures/arm-examples/containerinstance/ContainerGroupsCreateOrUpdate.json").toFile());
        ImportedDocument d = one(MAPPER.writeValueAsString(example.at("/parameters/containerGroup")));
        // the name travels in the URL, the subnet id is a template expression ([resourceId(...)])
        assertEquals(List.of(ManifestRules.NAME_REQUIRED, ManifestRules.SUBNET_ID_INVALID),
                d.problems().stream().filter(Problem::isError).map(Problem::code).toList());
    }

    @Test
    void unknownFieldsAreKeptInTheTreeAndReported() {
        ImportedDocument d = one(ManifestYaml.write(Fixtures.exampleSpec(), 1, SecretMode.FULL)
                .replace("  osType: Linux\n", "  osType: Linux\n  bogusProp: 1\n"));
        assertEquals(1, d.json().at("/properties/bogusProp").intValue());
        find(d.problems(), ManifestRules.UNKNOWN_FIELD, "properties.bogusProp");
        assertTrue(codes(d.problems()).contains(SpecMapping.IMPORT_NOT_MAPPED));
    }

    @Test
    void renderImportRenderIsIdentical() {
        for (GatewaySpec spec : List.of(Fixtures.exampleSpec(), Fixtures.allOptionsSpec(),
                Fixtures.exampleSpec().toBuilder().liveness(LivenessProbe.HTTP).debugLogging(true).build(),
                Fixtures.exampleSpec().toBuilder().name("gw").tag("yes", "010").tag("a: b", "#x").build())) {
            for (int k = 1; k <= 3; k++) {
                for (SecretMode mode : List.of(SecretMode.FULL, SecretMode.SHAREABLE)) {
                    String yaml = ManifestYaml.write(spec, k, mode);
                    ImportedDocument d = one(yaml);
                    assertEquals(k, d.instance(), "instance number from the tags");
                    String again = ManifestYaml.write(d.spec().orElseThrow(), d.instance(), mode);
                    assertEquals(yaml, again, mode + " instance " + k + " of " + spec.name());
                    assertFalse(codes(d.problems()).contains(SpecMapping.IMPORT_NOT_MAPPED), codes(d.problems()).toString());
                }
            }
        }
    }

    @Test
    void importedSpecTakesRealValuesButNeverPlaceholdersOrMasks() {
        GatewaySpec full = one(ManifestYaml.write(Fixtures.allOptionsSpec(), 2, SecretMode.FULL)).spec().orElseThrow();
        GatewaySpec expected = Fixtures.allOptionsSpec().toBuilder().instances(1).resourceGroup("").build();
        assertEquals(expected, full);
        assertEquals(Secret.of(Fixtures.PAT), full.dockerPat());
        assertEquals(Fixtures.SUBSCRIPTION, full.subscriptionId(), "from the subnet id");

        for (SecretMode mode : List.of(SecretMode.SHAREABLE, SecretMode.MASKED)) {
            GatewaySpec s = one(ManifestYaml.write(Fixtures.exampleSpec(), 1, mode)).spec().orElseThrow();
            assertTrue(s.dockerPat().isEmpty() && s.gatewayConfig().isEmpty(), mode.name());
            assertEquals("keeperdemo", s.dockerUser());
        }
        GatewaySpec seed = one(Fixtures.seedManifest()).spec().orElseThrow();
        assertEquals("", seed.name());
        assertEquals("", seed.region());
        assertEquals("", seed.subnetId());
        assertEquals("", seed.dockerUser());
    }

    @Test
    void importRunsTheSpecRulesOnAGatewayManifestAndReportsThemAtManifestPaths() {
        GatewaySpec spec = Fixtures.exampleSpec().toBuilder().gatewayConfig(Secret.of("not-a-config")).cpu(2.05).build();
        ImportedDocument d = one(ManifestYaml.write(spec, 1, SecretMode.FULL));
        assertTrue(d.problems().stream().anyMatch(p -> p.code().startsWith("GATEWAY_CONFIG_")
                && p.field().equals("properties.containers[0].properties.environmentVariables[1].secureValue")), codes(d.problems()).toString());
        find(d.problems(), "CPU_STEP", "properties.containers[0].properties.resources.requests.cpu");
        assertFalse(d.problems().stream().anyMatch(p -> p.format().contains("not-a-config")), "no secret in messages");
    }

    @Test
    void noProblemEverQuotesASecretFromTheFile() {
        String yaml = ManifestYaml.write(Fixtures.exampleSpec(), 1, SecretMode.FULL)
                .replace("password: " + Fixtures.PAT, "password: " + Fixtures.PAT + "\n    password: 0" + "10")
                .replace("secureValue: " + Fixtures.CONFIG, "secureValue: " + Fixtures.CONFIG + "\n        value: yes");
        ImportResult r = ManifestReader.read(yaml);
        for (Problem p : r.allProblems()) {
            String s = p.format();
            assertFalse(s.contains(Fixtures.PAT) || s.contains(Fixtures.CONFIG) || s.contains("010"), s);
        }
        assertTrue(r.hasErrors(), "value and secureValue together are an error");
    }

    @Test
    void jsonOfAReadDocumentEqualsWhatAzCliWouldSendForTheSeedManifest() throws Exception {
        // reference/azcli.md §1: for the reference manifest az sends "value": "Y", cpu 2.0 as float, port 443 as int
        JsonNode j = one(Fixtures.seedManifest()).json();
        assertEquals("Y", j.at("/properties/containers/0/properties/environmentVariables/0/value").textValue());
        assertTrue(j.at("/properties/containers/0/properties/resources/requests/cpu").isDouble());
        assertTrue(j.at("/properties/ipAddress/ports/0/port").isInt());
        assertEquals("{}", MAPPER.writeValueAsString(j.at("/properties/volumes/0/emptyDir")));
    }
}
