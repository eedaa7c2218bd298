package com.gatewaywizard.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.spec.Problem;
import com.gatewaywizard.spec.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every manifest case in {@code shared/cases/inputs} (README.md there, "Expected") gives the right code at the
 * right field when the file is imported, as {@code gateway-wizard validate} would.
 */
class SharedCasesTest {
    /** Cases that are scenarios for other packages (Azure preflight, dashboard, logs, exec), not manifests. */
    private static final Set<String> SCENARIOS = Set.of("case-14.yml", "case-15.yml", "case-18.yml", "case-22.yml",
            "case-24.yml", "case-25.yml", "case-26.yml", "case-29.yml", "case-30.yml", "case-31.yml", "case-35.yml");
    /** Manifest cases tested here (case 35 is tested in ArmBodyTest: a GET'ed body loses its secrets). */
    private static final Set<String> MANIFESTS = Set.of("baseline.yml", "case-01.yml", "case-03.yml", "case-05.yml",
            "case-06.yml", "case-08.yml", "case-11.yml", "case-12.yml", "case-19.yml");

    private static ImportResult read(String name) throws IOException {
        ImportResult r = ManifestReader.read(Fixtures.caseFile(name));
        assertFalse(r.unreadable(), name + " parses");
        return r;
    }

    private static Problem expect(List<Problem> problems, Severity severity, String code, String field) {
        Problem p = problems.stream().filter(x -> x.code().equals(code) && x.field().equals(field)).findFirst()
                .orElseThrow(() -> new AssertionError("expected " + code + " at " + field + ", got "
                        + problems.stream().map(Problem::format).toList()));
        assertEquals(severity, p.severity(), p.format());
        return p;
    }

    @Test
    void everyCaseFileIsEitherAManifestTestedHereOrAScenarioForAnotherPackage() throws IOException {
        Set<String> files = new TreeSet<>();
        try (Stream<Path> s = Files.list(Fixtures.shared().resolve("cases/inputs"))) {
            s.forEach(p -> files.add(p.getFileName().toString()));
        }
        Set<String> unknown = new TreeSet<>(files);
        unknown.removeAll(SCENARIOS);
        unknown.removeAll(MANIFESTS);
        assertEquals(Set.of(), unknown, "new case files need a test here (or a place in SCENARIOS)");
    }

    @Test
    void baselineHasNoErrors() throws IOException {
        ImportResult r = read("baseline.yml");
        assertEquals(List.of(), r.allProblems().stream().filter(Problem::isError).map(Problem::format).toList());
    }

    @Test
    void case01UnquotedDateIsReadBackAndWarnedAndAnApiVersionOlderThanSecureValueIsRejected() throws IOException {
        ImportResult r = read("case-01.yml");
        assertEquals(2, r.documents().size());
        ImportedDocument a = r.documents().get(0);
        assertEquals("2018-06-01", a.json().get("apiVersion").textValue());
        expect(a.problems(), Severity.WARNING, ManifestReader.API_VERSION_UNQUOTED_DATE, "apiVersion");
        expect(a.problems(), Severity.WARNING, ManifestRules.API_VERSION_OLD, "apiVersion");
        assertFalse(a.problems().stream().anyMatch(p -> p.code().equals(ManifestRules.API_VERSION_TOO_OLD)),
                "2018-06-01 is new enough for secureValue");

        ImportedDocument b = r.documents().get(1);
        Problem tooOld = expect(b.problems(), Severity.ERROR, ManifestRules.API_VERSION_TOO_OLD,
                "properties.containers[0].properties.environmentVariables[0].secureValue");
        assertTrue(tooOld.message().contains("secureValue") && tooOld.message().contains("2018-06-01")
                && tooOld.message().contains("2018-04-01"), tooOld.message());
        expect(r.problems(), Severity.WARNING, ManifestReader.MULTIPLE_DOCUMENTS, "");
    }

    @Test
    void case03BothAndNeitherOfValueAndSecureValueAreRejectedNamingTheVariable() throws IOException {
        List<Problem> p = read("case-03.yml").documents().get(0).problems();
        String env = "properties.containers[0].properties.environmentVariables";
        assertTrue(expect(p, Severity.ERROR, ManifestRules.ENV_VALUE_AND_SECURE_VALUE, env + "[0]").message().contains("GATEWAY_CONFIG"));
        assertTrue(expect(p, Severity.ERROR, ManifestRules.ENV_NO_VALUE, env + "[1]").message().contains("EMPTY_SECRET"));
    }

    @Test
    void case05PrivateIpWithAnEmptyPortListIsRejected() throws IOException {
        expect(read("case-05.yml").documents().get(0).problems(), Severity.ERROR, ManifestRules.IP_PORTS_EMPTY,
                "properties.ipAddress.ports");
    }

    @Test
    void case06InvalidGroupAndContainerNamesAreRejectedWithAFixedSuggestion() throws IOException {
        List<Problem> p = read("case-06.yml").documents().get(0).problems();
        assertTrue(expect(p, Severity.ERROR, ManifestRules.NAME_INVALID, "name").fix().contains("keeper-gateway"));
        assertTrue(expect(p, Severity.ERROR, ManifestRules.NAME_INVALID, "properties.containers[0].name").fix().contains("gateway"));
    }

    @Test
    void case08NullEmptyDirIsAVolumeWithoutTypeNamedInTheMessage() throws IOException {
        Problem p = expect(read("case-08.yml").documents().get(0).problems(), Severity.ERROR, ManifestRules.VOLUME_NO_TYPE,
                "properties.volumes[0]");
        assertTrue(p.message().contains("dshm") && p.fix().contains("emptyDir: {}"), p.format());
    }

    @Test
    void case11PrivateIpNeedsSubnetIdsAndNetworkProfileIsRetired() throws IOException {
        ImportResult r = read("case-11.yml");
        expect(r.documents().get(0).problems(), Severity.ERROR, ManifestRules.PRIVATE_IP_WITHOUT_SUBNET, "properties.ipAddress");
        Problem b = expect(r.documents().get(1).problems(), Severity.ERROR, ManifestRules.NETWORK_PROFILE_RETIRED,
                "properties.networkProfile");
        assertTrue(b.fix().contains("subnetIds"), b.fix());
        assertFalse(r.documents().get(1).problems().stream().anyMatch(p -> p.code().equals(ManifestRules.PRIVATE_IP_WITHOUT_SUBNET)),
                "one clear error for B, not two");
    }

    @Test
    void case12AVnetIdWhereASubnetIdBelongsIsNamedAsSuch() throws IOException {
        Problem p = expect(read("case-12.yml").documents().get(0).problems(), Severity.ERROR, ManifestRules.SUBNET_ID_IS_VNET,
                "properties.subnetIds[0].id");
        assertTrue(p.fix().contains("/subnets/"), p.fix());
    }

    @Test
    void case19MissingDockerHubCredentialsWarnAboutTheRateLimit() throws IOException {
        Problem p = expect(read("case-19.yml").documents().get(0).problems(), Severity.WARNING,
                ManifestRules.REGISTRY_CREDENTIALS_MISSING, "properties.imageRegistryCredentials");
        assertTrue(p.message().contains("429") && p.message().contains("RegistryErrorResponse"), p.message());
    }
}
