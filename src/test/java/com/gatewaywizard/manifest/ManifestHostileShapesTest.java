package com.gatewaywizard.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.spec.Problem;
import com.gatewaywizard.spec.ProblemCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fixes found by the hostile input corpus (cli.HostileManifestCorpusTest), each pinned here. */
class ManifestHostileShapesTest {
    private static String baseline() throws IOException {
        return java.nio.file.Files.readString(Fixtures.caseFile("baseline.yml"));
    }

    private static Problem find(ImportResult r, String code, String field) {
        return r.allProblems().stream().filter(p -> p.code().equals(code) && p.field().equals(field)).findFirst()
                .orElseThrow(() -> new AssertionError("expected " + code + " at " + field + ", got "
                        + r.allProblems().stream().map(Problem::format).toList()));
    }

    @Test
    void aMappingOrAValueWhereAListBelongsIsAFieldTypeErrorAtThatField() throws IOException {
        String b = baseline();
        List<String[]> cases = List.of(
                new String[] {"  containers:\n", "  containers: {x: 1}\n  old:\n", "properties.containers"},
                new String[] {"  imageRegistryCredentials:\n", "  imageRegistryCredentials: index.docker.io\n  old:\n",
                        "properties.imageRegistryCredentials"},
                new String[] {"  volumes:\n", "  volumes: {dshm: {}}\n  old:\n", "properties.volumes"},
                new String[] {"    ports:\n      - port: 443\n", "    ports: {port: 443}\n    old:\n      - port: 443\n",
                        "properties.ipAddress.ports"},
                new String[] {"        ports:\n", "        ports: {x: 1}\n        old:\n", "properties.containers[0].properties.ports"},
                new String[] {"        environmentVariables:\n", "        environmentVariables: {GATEWAY_CONFIG: x}\n        old:\n",
                        "properties.containers[0].properties.environmentVariables"},
                new String[] {"        volumeMounts:\n", "        volumeMounts: /dev/shm\n        old:\n",
                        "properties.containers[0].properties.volumeMounts"});
        for (String[] c : cases) {
            assertTrue(b.contains(c[0]), c[0]);
            ImportResult r = ManifestReader.read(b.replace(c[0], c[1]));
            assertTrue(!r.unreadable(), c[2] + ": " + r.allProblems());
            Problem p = find(r, ManifestRules.FIELD_TYPE_INVALID, c[2]);
            assertTrue(p.isError() && p.message().contains("must be a list"), p.format());
        }
    }

    @Test
    void bytesThatAreNotUtf8AreAParseErrorWithLineAndColumn() throws IOException {
        byte[] bytes = "name: ok\nlocation: westeurope\n".getBytes(StandardCharsets.UTF_8);
        bytes[21] = (byte) 0xE9; // Latin-1 é in "westeurope"
        Problem p = ManifestReader.read(bytes).problems().get(0);
        assertEquals(ManifestReader.YAML_PARSE_ERROR, p.code());
        assertEquals("line 2, column 13", p.field(), p.format());
        assertTrue(p.message().contains("byte 22"), p.format());
    }

    @Test
    void utf16IsNamedWithTheWayToSaveAsUtf8() throws IOException {
        Problem p = ManifestReader.read(baseline().getBytes(StandardCharsets.UTF_16))
                .problems().get(0);
        assertEquals(ManifestReader.YAML_PARSE_ERROR, p.code());
        assertEquals("line 1, column 1", p.field());
        assertTrue(p.message().contains("UTF-16") && p.fix().contains("UTF-8"), p.format());
    }

    @Test
    void aVeryLongLineIsRefusedQuicklyInsteadOfCostingQuadraticTime() throws IOException {
        String b = baseline().replace("location: westeurope", "location: " + "x".repeat(4_000_000));
        ImportResult r = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> ManifestReader.read(b));
        Problem p = r.problems().get(0);
        assertEquals(ManifestReader.YAML_TOO_COMPLEX, p.code());
        assertTrue(p.field().startsWith("line 7, column "), p.format());
        assertTrue(r.unreadable());
        // Just under the limit still reads (and gets the ordinary rule for the value).
        String ok = baseline().replace("location: westeurope", "location: " + "x".repeat(ManifestReader.MAX_LINE - 20));
        assertTrue(!ManifestReader.read(ok).unreadable());
    }

    @Test
    void anImageThatIsNotAnImageReferenceIsAnError() throws IOException {
        for (String image : List.of("'" + "k".repeat(300) + "'", "Keeper/Gateway", "'keeper gateway'", "https://hub.docker.com/r/keeper/gateway")) {
            ImportResult r = ManifestReader.read(baseline().replace("image: keeper/gateway:latest", "image: " + image));
            Problem p = find(r, ProblemCodes.IMAGE_INVALID, "properties.containers[0].properties.image");
            assertTrue(p.isError(), p.format());
        }
        ImportResult fine = ManifestReader.read(baseline().replace("image: keeper/gateway:latest", "image: docker.io/keeper/gateway:1.8.4"));
        assertTrue(fine.allProblems().stream().noneMatch(p -> p.code().equals(ProblemCodes.IMAGE_INVALID)));
    }
}
