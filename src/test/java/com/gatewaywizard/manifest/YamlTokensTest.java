package com.gatewaywizard.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.manifest.YamlTokens.Kind;
import com.gatewaywizard.manifest.YamlTokens.Token;
import com.gatewaywizard.spec.Secret;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class YamlTokensTest {
    private static final String MASK = Secret.of("x").masked();

    /** Every line's runs put together give the line back, and there is one token list a line. */
    private static List<List<Token>> checkedLines(String yaml) {
        List<List<Token>> lines = YamlTokens.lines(yaml);
        String[] expected = yaml.split("\n", -1);
        assertEquals(yaml.endsWith("\n") ? expected.length - 1 : expected.length, lines.size(), "one token list per line");
        for (int i = 0; i < lines.size(); i++) {
            assertEquals(expected[i], YamlTokens.text(lines.get(i)), "line " + (i + 1) + " rebuilt from its runs");
            assertTrue(lines.get(i).stream().noneMatch(t -> t.text().isEmpty()), "no empty run on line " + (i + 1));
        }
        return lines;
    }

    /** The runs of the first line whose text contains {@code part}. */
    private static List<Token> lineWith(List<List<Token>> lines, String part) {
        return lines.stream().filter(l -> YamlTokens.text(l).contains(part)).findFirst()
                .orElseThrow(() -> new AssertionError("no line with " + part));
    }

    private static Token run(List<Token> line, Kind kind) {
        return line.stream().filter(t -> t.kind() == kind).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + line));
    }

    private static String kinds(List<Token> line) {
        return line.stream().filter(t -> t.kind() != Kind.SPACE).map(t -> t.kind().name()).collect(Collectors.joining(" "));
    }

    @Test
    void theMaskedPreviewOfARealManifestShowsKeysStringsNumbersDashesAndBothSecretsAsMasked() {
        String yaml = ManifestYaml.write(Fixtures.exampleSpec(), 1, SecretMode.MASKED);
        List<List<Token>> lines = checkedLines(yaml);

        assertEquals("KEY COLON STRING", kinds(lineWith(lines, "apiVersion:")));
        assertEquals("'2024-05-01-preview'", run(lineWith(lines, "apiVersion:"), Kind.STRING).text());
        assertEquals("KEY COLON PLAIN", kinds(lineWith(lines, "location:")));
        assertEquals(Kind.NUMBER, run(lineWith(lines, "cpu:"), Kind.NUMBER).kind());
        assertEquals("{}", run(lineWith(lines, "emptyDir:"), Kind.FLOW).text());
        assertTrue(lines.stream().anyMatch(l -> kinds(l).startsWith("DASH KEY COLON")), "list items start with a dash");

        List<Token> password = lineWith(lines, "password:");
        assertEquals("\"" + MASK + "\"", run(password, Kind.SECRET_MASKED).text(), "the mask, quoted (it is not plain ASCII)");
        long maskedSecureValues = lines.stream().filter(l -> YamlTokens.text(l).contains("secureValue:"))
                .filter(l -> l.stream().anyMatch(t -> t.kind() == Kind.SECRET_MASKED && t.text().contains(MASK))).count();
        assertEquals(1, maskedSecureValues, "the gateway config's secureValue is the masked run");
        assertTrue(lines.stream().flatMap(List::stream).noneMatch(t -> t.kind() == Kind.SECRET_REVEALED));
        assertTrue(lines.stream().flatMap(List::stream).noneMatch(t -> t.text().contains(Fixtures.PAT)));
    }

    @Test
    void revealedSecretsAreRevealedRunsHoldingTheWholeValue() {
        String yaml = ManifestYaml.write(Fixtures.exampleSpec(), 1, SecretMode.FULL);
        List<List<Token>> lines = checkedLines(yaml);

        Token pat = run(lineWith(lines, "password:"), Kind.SECRET_REVEALED);
        assertEquals(Fixtures.PAT, pat.text().replace("\"", ""));
        Token config = run(lineWith(lines, "secureValue:"), Kind.SECRET_REVEALED);
        assertTrue(config.text().contains(Fixtures.CONFIG), "the whole config is one revealed run");
        assertTrue(lines.stream().flatMap(List::stream).noneMatch(t -> t.kind() == Kind.SECRET_MASKED));
        // Ordinary values near the secrets stay ordinary.
        assertEquals(Kind.PLAIN, run(lineWith(lines, "username:"), Kind.PLAIN).kind());
    }

    @Test
    void shareablePlaceholdersStandInForSecretsAndCountAsMasked() {
        List<List<Token>> lines = checkedLines(ManifestYaml.write(Fixtures.exampleSpec(), 1, SecretMode.SHAREABLE));
        assertTrue(run(lineWith(lines, "password:"), Kind.SECRET_MASKED).text().contains(SecretMode.PAT_PLACEHOLDER));
        assertTrue(run(lineWith(lines, "secureValue:"), Kind.SECRET_MASKED).text().contains(SecretMode.CONFIG_PLACEHOLDER));
    }

    @Test
    void severalInstancesJoinedAsDocumentsHaveMarkersAndEachDocumentItsOwnName() {
        List<String> docs = ManifestYaml.writeAll(Fixtures.allOptionsSpec(), SecretMode.MASKED);
        assertEquals(3, docs.size());
        String yaml = String.join("---\n", docs);
        List<List<Token>> lines = checkedLines(yaml);

        List<List<Token>> markers = lines.stream().filter(l -> l.size() == 1 && l.get(0).kind() == Kind.DOC_MARKER).toList();
        assertEquals(2, markers.size(), "a marker between each two documents");
        List<String> names = lines.stream().filter(l -> kinds(l).equals("KEY COLON PLAIN") && l.get(0).text().equals("name"))
                .map(l -> run(l, Kind.PLAIN).text()).toList();
        assertTrue(names.containsAll(List.of("keeper-gateway", "keeper-gateway-2", "keeper-gateway-3")), names.toString());
        assertEquals(3, lines.stream().filter(l -> YamlTokens.text(l).contains("password:")).map(l -> run(l, Kind.SECRET_MASKED)).count());
        // The all-options spec's quoted values: "Y", "0042" and the debug level stay strings.
        assertEquals("\"0042\"", run(lineWith(lines, "cost-center:"), Kind.STRING).text());
        assertEquals("\"Y\"", run(lineWith(lines, "value: \"Y\""), Kind.STRING).text());
        assertEquals(Kind.NUMBER, run(lineWith(lines, "memoryInGB:"), Kind.NUMBER).kind());
    }

    @Test
    void quotedScalarsEndAtTheirClosingQuoteSoACommentAfterThemIsAComment() {
        String yaml = "a: \"x \\\" # not a comment\" # a comment\n"
                + "b: 'it''s: # fine'\n"
                + "\"quoted key\": 1\n"
                + "c: \"unclosed\n";
        List<List<Token>> lines = checkedLines(yaml);
        assertEquals("KEY COLON STRING COMMENT", kinds(lines.get(0)));
        assertEquals("\"x \\\" # not a comment\"", run(lines.get(0), Kind.STRING).text());
        assertEquals("# a comment", run(lines.get(0), Kind.COMMENT).text());
        assertEquals("KEY COLON STRING", kinds(lines.get(1)));
        assertEquals("\"quoted key\"", run(lines.get(2), Kind.KEY).text());
        assertEquals(Kind.NUMBER, run(lines.get(2), Kind.NUMBER).kind());
        assertEquals("KEY COLON TEXT", kinds(lines.get(3)), "an unclosed quote is plain text, not a crash");
    }

    @Test
    void commentsMarkersLiteralsAndBlockScalarsAreTheirOwnKinds() {
        String yaml = "# keeper-gateway.yml\n"
                + "--- # first\n"
                + "enabled: true\n"
                + "none: null\n"
                + "ratio: 0.5\n"
                + "big: 1.0e+20\n"
                + "url: http://example.com/a:b\n"
                + "location: westeurope # Example\n"
                + "items:\n"
                + "- - nested\n"
                + "script: |\n"
                + "  echo a: b\n"
                + "\n"
                + "  # still text\n"
                + "after: x\n"
                + "...\n";
        List<List<Token>> lines = checkedLines(yaml);
        assertEquals("COMMENT", kinds(lines.get(0)));
        assertEquals("DOC_MARKER COMMENT", kinds(lines.get(1)));
        assertEquals("KEY COLON LITERAL", kinds(lines.get(2)));
        assertEquals("KEY COLON LITERAL", kinds(lines.get(3)));
        assertEquals("KEY COLON NUMBER", kinds(lines.get(4)));
        assertEquals("KEY COLON NUMBER", kinds(lines.get(5)));
        assertEquals("KEY COLON PLAIN", kinds(lines.get(6)));
        assertEquals("http://example.com/a:b", run(lines.get(6), Kind.PLAIN).text());
        assertEquals("KEY COLON PLAIN COMMENT", kinds(lines.get(7)));
        assertEquals("westeurope", run(lines.get(7), Kind.PLAIN).text());
        assertEquals("DASH DASH PLAIN", kinds(lines.get(9)));
        assertEquals("KEY COLON FLOW", kinds(lines.get(10)));
        assertEquals("STRING", kinds(lines.get(11)), "a block scalar's lines are its text, colon or not");
        assertEquals("STRING", kinds(lines.get(13)));
        assertEquals("KEY COLON PLAIN", kinds(lines.get(14)), "the block ends at the first line no more indented");
        assertEquals("DOC_MARKER", kinds(lines.get(15)));
    }

    @Test
    void theMaskIsASecretWhereverItStandsAndNothingElseIs() {
        List<List<Token>> lines = checkedLines("note: \"" + MASK + "\"\npassword: \"\"\nsecureValue:\nusername: keeper\n");
        assertEquals(Kind.SECRET_MASKED, run(lines.get(0), Kind.SECRET_MASKED).kind());
        assertEquals("KEY COLON STRING", kinds(lines.get(1)), "an empty secret is just an empty string");
        assertEquals("KEY COLON", kinds(lines.get(2)));
        assertFalse(lines.get(3).stream().anyMatch(t -> t.kind().isSecret()));
    }

    @Test
    void styleClassesNameTheKinds() {
        assertEquals("yaml-secret-masked", Kind.SECRET_MASKED.styleClass());
        assertEquals("yaml-doc-marker", Kind.DOC_MARKER.styleClass());
        assertTrue(YamlTokens.lines("").isEmpty());
    }
}
