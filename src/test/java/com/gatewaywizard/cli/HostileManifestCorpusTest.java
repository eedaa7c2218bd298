package com.gatewaywizard.cli;

import com.gatewaywizard.keeper.TestConfigs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.manifest.ImportResult;
import com.gatewaywizard.manifest.ManifestReader;
import com.gatewaywizard.spec.Problem;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Hostile and broken manifests: every case file in {@code shared/cases/inputs} plus generated mutations (dropped
 * keys, wrong types, huge values, unicode names, oversized files, alias bombs, tabs, BOM, CRLF, deep nesting,
 * truncation, bad bytes) go through the manifest import and {@code gateway-wizard validate}. None may crash, hang
 * or blow up memory; every outcome is a problem with a code, and a parse error says line and column. Secrets
 * planted in the files never come back in any problem or CLI output.
 */
class HostileManifestCorpusTest {
    /** Planted where secrets go (secureValue, registry password); must never be echoed. */
    private static final String CANARY_CONFIG = "Q0FOQVJZLWdhdGV3YXktY29uZmlnLXNlY3JldA==";
    private static final String CANARY_PAT = TestConfigs.fakePat("Canary");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{2,}");
    private static final Pattern LINE_COL = Pattern.compile("line \\d+, column \\d+");
    /** Per input: generous on a shared 2-core machine; a hang or exponential blow-up takes far longer. */
    private static final Duration PER_INPUT = Duration.ofSeconds(10);
    private static final long MAX_ALLOCATED_BYTES = 1024L * 1024 * 1024;

    private static final Map<String, String> CORPUS = new LinkedHashMap<>();

    @TempDir
    static Path dir;

    private final List<String> failures = new ArrayList<>();
    private int checked;

    @BeforeAll
    static void loadCorpus() throws IOException {
        Path inputs = Path.of(System.getProperty("shared.dir"), "cases", "inputs");
        try (Stream<Path> s = Files.list(inputs)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".yml")).sorted().toList()) {
                String text = Files.readString(p)
                        .replace("<gateway-config-secret>", CANARY_CONFIG)
                        .replace("<dockerhub-access-token>", CANARY_PAT);
                CORPUS.put(p.getFileName().toString(), text);
            }
        }
        assertTrue(CORPUS.size() >= 10, "the shared case inputs were not found at " + inputs);
    }

    // ------------------------------------------------------------------------------------------------- harness

    private record Outcome(ImportResult result, long millis, long allocated) {
    }

    private static Outcome timedRead(byte[] bytes) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(tid);
        long t0 = System.nanoTime();
        ImportResult r = ManifestReader.read(bytes);
        return new Outcome(r, (System.nanoTime() - t0) / 1_000_000, mx.getThreadAllocatedBytes(tid) - before);
    }

    /** Imports and validates one input; records every broken promise instead of stopping at the first. */
    private ImportResult check(String label, byte[] bytes, boolean mustHaveErrors) throws Exception {
        checked++;
        Outcome o;
        try {
            o = assertTimeoutPreemptively(PER_INPUT, () -> timedRead(bytes), label + ": import hung");
        } catch (Throwable t) {
            if (t instanceof AssertionError) {
                throw (AssertionError) t;
            }
            failures.add(label + ": import threw " + t);
            return null;
        }
        if (o.allocated() > MAX_ALLOCATED_BYTES) {
            failures.add(label + ": import allocated " + (o.allocated() >> 20) + " MB");
        }
        ImportResult r = o.result();
        List<Problem> all = r.allProblems();
        for (Problem p : all) {
            if (!CODE.matcher(p.code()).matches()) {
                failures.add(label + ": a problem without a proper code: " + p.format());
            }
            if (p.message().isBlank()) {
                failures.add(label + ": a problem without a message: " + p.code());
            }
            if (p.format().length() > 1500) {
                failures.add(label + ": a problem text of " + p.format().length() + " characters (echoes input?) " + p.code());
            }
            if (p.code().equals(ManifestReader.YAML_PARSE_ERROR) && !LINE_COL.matcher(p.field()).matches()) {
                failures.add(label + ": a parse error without line and column: " + p.format());
            }
            String text = p.format();
            if (text.contains(CANARY_CONFIG) || text.contains(CANARY_PAT) || text.contains("CanaryNeverEchoed")) {
                failures.add(label + ": a secret is echoed in " + p.code());
            }
        }
        if (mustHaveErrors && !r.hasErrors()) {
            failures.add(label + ": accepted without an error");
        }

        Path file = Files.write(dir.resolve("m" + checked + ".yml"), bytes);
        CliRun run = assertTimeoutPreemptively(PER_INPUT, () -> CliRun.run("validate", file.toString()), label + ": validate hung");
        int expected = r.unreadable() ? Command.USAGE : r.hasErrors() ? Command.PROBLEM : Command.OK;
        if (run.code() != expected) {
            failures.add(label + ": validate exited " + run.code() + ", expected " + expected + "; " + firstLine(run.all()));
        }
        if (run.all().contains(CANARY_CONFIG) || run.all().contains("CanaryNeverEchoed")) {
            failures.add(label + ": validate printed a secret");
        }
        if (run.all().contains("\tat ") || run.all().contains("Exception:")) {
            failures.add(label + ": validate printed an exception: " + firstLine(run.err()));
        }
        for (String line : run.out().split("\n")) {
            if (!line.isEmpty() && !line.startsWith(file.toString())) {
                failures.add(label + ": an output line that does not name the file: " + line);
            }
        }
        if (!r.allProblems().isEmpty() && run.out().lines().count() < r.allProblems().size()) {
            failures.add(label + ": validate printed fewer lines than problems");
        }
        return r;
    }

    private ImportResult check(String label, String text, boolean mustHaveErrors) throws Exception {
        return check(label, text.getBytes(StandardCharsets.UTF_8), mustHaveErrors);
    }

    private void assertNoFailures() {
        assertTrue(checked > 0);
        assertEquals(List.of(), failures.stream().limit(40).toList(), failures.size() + " of " + checked + " inputs broke a promise");
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static Set<String> codes(ImportResult r) {
        Set<String> c = new TreeSet<>();
        r.allProblems().forEach(p -> c.add(p.severity() + " " + p.code() + " " + p.field()));
        return c;
    }

    // ----------------------------------------------------------------------------------- YAML tree mutations

    private static Yaml yaml() {
        LoaderOptions lo = new LoaderOptions();
        DumperOptions d = new DumperOptions();
        d.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        d.setWidth(Integer.MAX_VALUE);
        return new Yaml(new SafeConstructor(lo), new Representer(d), d, lo);
    }

    private static List<Object> documents(String text) {
        List<Object> docs = new ArrayList<>();
        yaml().loadAll(text).forEach(docs::add);
        return docs;
    }

    private static String dump(List<Object> docs) {
        return yaml().dumpAll(docs.iterator());
    }

    /** Paths to every node, as lists of keys (String) and indexes (Integer). */
    private static void paths(Object node, List<Object> prefix, List<List<Object>> out) {
        if (node instanceof Map<?, ?> m) {
            for (Object k : m.keySet()) {
                List<Object> p = new ArrayList<>(prefix);
                p.add(k);
                out.add(p);
                paths(m.get(k), p, out);
            }
        } else if (node instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                List<Object> p = new ArrayList<>(prefix);
                p.add(i);
                out.add(p);
                paths(l.get(i), p, out);
            }
        }
    }

    private static Object deepCopy(Object node) {
        if (node instanceof Map<?, ?> m) {
            Map<Object, Object> c = new LinkedHashMap<>();
            m.forEach((k, v) -> c.put(k, deepCopy(v)));
            return c;
        }
        if (node instanceof List<?> l) {
            List<Object> c = new ArrayList<>();
            l.forEach(v -> c.add(deepCopy(v)));
            return c;
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static Object parentOf(Object root, List<Object> path) {
        Object n = root;
        for (int i = 0; i < path.size() - 1; i++) {
            Object k = path.get(i);
            n = n instanceof Map<?, ?> m ? m.get(k) : ((List<Object>) n).get((Integer) k);
        }
        return n;
    }

    @SuppressWarnings("unchecked")
    private static void replace(Object root, List<Object> path, Object value, boolean remove) {
        Object parent = parentOf(root, path);
        Object k = path.get(path.size() - 1);
        if (parent instanceof Map<?, ?> m) {
            if (remove) {
                m.remove(k);
            } else {
                ((Map<Object, Object>) m).put(k, value);
            }
        } else {
            List<Object> l = (List<Object>) parent;
            if (remove) {
                l.remove((int) (Integer) k);
            } else {
                l.set((Integer) k, value);
            }
        }
    }

    private interface Mutation {
        void apply(Object docRoot, List<Object> path);
    }

    /** Applies {@code mutation} at every path of every document of every case file. */
    private void everyPath(String what, Mutation mutation, boolean mustHaveErrors) throws Exception {
        for (Map.Entry<String, String> e : CORPUS.entrySet()) {
            List<Object> docs = documents(e.getValue());
            for (int d = 0; d < docs.size(); d++) {
                List<List<Object>> paths = new ArrayList<>();
                paths(docs.get(d), new ArrayList<>(), paths);
                for (List<Object> path : paths) {
                    List<Object> copy = new ArrayList<>();
                    docs.forEach(x -> copy.add(deepCopy(x)));
                    mutation.apply(copy.get(d), path);
                    check(e.getKey() + " " + what + " " + path, dump(copy), mustHaveErrors);
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ the tests

    @Test
    void everyCaseFileAsItIs() throws Exception {
        for (Map.Entry<String, String> e : CORPUS.entrySet()) {
            check(e.getKey(), e.getValue(), false);
        }
        assertNoFailures();
    }

    @Test
    void everyKeyDropped() throws Exception {
        everyPath("without", (root, path) -> replace(root, path, null, true), false);
        assertNoFailures();
    }

    @Test
    void everyValueGivenTheWrongType() throws Exception {
        List<Object> wrong = new ArrayList<>();
        wrong.add(Map.of("x", 1));
        wrong.add(List.of("a", 2));
        wrong.add(7);
        wrong.add(true);
        wrong.add(null);
        wrong.add("");
        wrong.add(-1.5e300);
        int[] n = {0};
        everyPath("retyped", (root, path) -> replace(root, path, wrong.get(n[0]++ % wrong.size()), false), false);
        // The generated manifest's shape, with each value of the baseline given every wrong type.
        String baseline = CORPUS.get("baseline.yml");
        for (Object w : wrong) {
            List<Object> docs = documents(baseline);
            List<List<Object>> paths = new ArrayList<>();
            paths(docs.get(0), new ArrayList<>(), paths);
            for (List<Object> path : paths) {
                Object copy = deepCopy(docs.get(0));
                replace(copy, path, w, false);
                check("baseline " + path + " = " + w, dump(List.of(copy)), false);
            }
        }
        assertNoFailures();
    }

    @Test
    void wrongTypesAtTheKeyPlacesAreErrors() throws Exception {
        String baseline = CORPUS.get("baseline.yml");
        Map<String, Object> replacements = new LinkedHashMap<>();
        replacements.put("properties", List.of(1, 2));
        replacements.put("properties.containers", "gateway");
        replacements.put("properties.containers.0.properties.resources.requests.cpu", Map.of("cores", 1));
        replacements.put("properties.containers.0.properties.resources.requests.memoryInGB", List.of(1.5));
        replacements.put("properties.containers.0.properties.image", List.of("keeper/gateway"));
        replacements.put("properties.containers.0.properties.environmentVariables", Map.of("GATEWAY_CONFIG", "x"));
        replacements.put("properties.ipAddress.ports.0.port", "https");
        replacements.put("properties.subnetIds", "/subscriptions/x/resourceGroups/y");
        replacements.put("name", List.of("keeper-gateway"));
        replacements.put("location", Map.of("name", "westeurope"));
        for (Map.Entry<String, Object> e : replacements.entrySet()) {
            Object doc = documents(baseline).get(0);
            List<Object> path = new ArrayList<>();
            for (String part : e.getKey().split("\\.")) {
                path.add(part.matches("\\d+") ? (Object) Integer.valueOf(part) : part);
            }
            replace(doc, path, e.getValue(), false);
            check("baseline " + e.getKey() + " wrong type", dump(List.of(doc)), true);
        }
        assertNoFailures();
    }

    @Test
    void hugeAndOutOfRangeValues() throws Exception {
        String b = CORPUS.get("baseline.yml");
        String longName = "a".repeat(1_000_000);
        check("1 MB name", b.replace("name: keeper-gateway ", "name: " + longName + " "), true);
        check("1 MB quoted image", b.replace("image: keeper/gateway:latest", "image: '" + "k".repeat(1_000_000) + "'"), true);
        check("4 MB single line value", b.replace("location: westeurope", "location: " + "x".repeat(4_000_000)), true);
        check("60,000 character name", b.replace("name: keeper-gateway ", "name: " + "a".repeat(60_000) + " "), true);
        StringBuilder folded = new StringBuilder("'");
        for (int i = 0; i < 3_000; i++) {
            folded.append("k".repeat(1_000)).append("\n    ");
        }
        check("3 MB quoted value folded over 3,000 lines", b.replace("location: westeurope", "location: " + folded + "'"), true);
        StringBuilder block = new StringBuilder("|\n");
        for (int i = 0; i < 3_000; i++) {
            block.append("    ").append("k".repeat(1_000)).append("\n");
        }
        check("3 MB block scalar", b.replace("location: westeurope\n", "location: " + block), true);
        check("huge cpu", b.replace("cpu: 1 ", "cpu: 99999999999999999999999999999999 "), true);
        check("cpu 1e308", b.replace("cpu: 1 ", "cpu: 1.0e+308 "), true);
        check("cpu 1e999", b.replace("cpu: 1 ", "cpu: 1.0e+999 "), true);
        check("cpu .inf", b.replace("cpu: 1 ", "cpu: .inf "), true);
        check("cpu .nan", b.replace("cpu: 1 ", "cpu: .nan "), true);
        check("negative memory", b.replace("memoryInGB: 1.5", "memoryInGB: -1.5"), true);
        check("zero memory", b.replace("memoryInGB: 1.5", "memoryInGB: 0"), true);
        check("tiny memory", b.replace("memoryInGB: 1.5", "memoryInGB: 0.0000000001"), true);
        check("huge port", b.replace("- port: 443\n            protocol", "- port: 99999999999999\n            protocol"), true);
        check("negative port", b.replace("- port: 443\n            protocol", "- port: -443\n            protocol"), true);
        check("huge octal-looking", b.replace("cpu: 1 ", "cpu: 0777777777777777777777777777 "), true);
        check("base-60 cpu", b.replace("cpu: 1 ", "cpu: 1:30 "), false);
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 60_000; i++) {
            many.append("          - name: V").append(i).append("\n            value: x\n");
        }
        check("60,000 environment variables", b.replace("        environmentVariables:\n",
                "        environmentVariables:\n" + many), true);
        StringBuilder ports = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            ports.append("      - port: ").append(1000 + i).append("\n        protocol: TCP\n");
        }
        check("5,000 ports", b.replace("    ports:\n      - port: 443\n", "    ports:\n" + ports + "      - port: 443\n"), true);
        StringBuilder docs = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            docs.append(b).append("\n---\n");
        }
        check("500 documents", docs.toString(), true);
        assertNoFailures();
    }

    @Test
    void filesOverTheSizeLimitAreRefusedUnreadThroughEveryDoor() throws Exception {
        byte[] tenMb = new byte[10 * 1024 * 1024];
        java.util.Arrays.fill(tenMb, (byte) '#');
        ImportResult r = check("10 MB of comments", tenMb, true);
        assertTrue(r.unreadable());
        assertEquals(ManifestReader.FILE_TOO_LARGE, r.problems().get(0).code());

        Path big = dir.resolve("big.yml");
        try (OutputStream out = Files.newOutputStream(big)) {
            byte[] line = ("  - name: x\n    value: " + "y".repeat(100) + "\n").getBytes(StandardCharsets.US_ASCII);
            for (long n = 0; n < 10L * 1024 * 1024 / line.length; n++) {
                out.write(line);
            }
        }
        ImportResult fromFile = assertTimeoutPreemptively(PER_INPUT, () -> ManifestReader.read(big));
        assertEquals(ManifestReader.FILE_TOO_LARGE, fromFile.problems().get(0).code());
        CliRun run = assertTimeoutPreemptively(PER_INPUT, () -> CliRun.run("validate", big.toString()));
        assertEquals(Command.USAGE, run.code());
        assertTrue(run.out().contains(ManifestReader.FILE_TOO_LARGE), run.all());
        CliRun stdin = assertTimeoutPreemptively(PER_INPUT, () -> CliRun.run(Map.of(), new String(tenMb, StandardCharsets.US_ASCII), "validate", "-"));
        assertEquals(Command.USAGE, stdin.code());
        assertTrue(stdin.out().contains(ManifestReader.FILE_TOO_LARGE), stdin.all());
        assertNoFailures();
    }

    @Test
    void unicodeInNames() throws Exception {
        String b = CORPUS.get("baseline.yml");
        List<String> names = List.of("kéeper-gateway", "keeper\u202Egateway", "keeper\u200Bgateway", "keeper-gateway-\uD83D\uDE80",
                "ｋｅｅｐｅｒ", "k\u0435\u0435per-gateway" /* Cyrillic е */, "keeper\u00A0gateway", "\"keeper\\u0000gateway\"",
                "\"keeper\\tgateway\"", "ǅeeper", "keeper-gatewa\u0301y", "\"\\uD800\"");
        for (String n : names) {
            check("group name " + n, b.replace("name: keeper-gateway ", "name: " + n + " "), true);
            check("container name " + n, b.replace("- name: gateway\n", "- name: " + n + "\n"), true);
            check("variable name " + n, b.replace("- name: GATEWAY_CONFIG", "- name: " + n), false);
            check("tag key " + n, b.replace("type: Microsoft", "tags: {" + n + ": x}\ntype: Microsoft"), false);
        }
        assertNoFailures();
    }

    @Test
    void controlCharactersAndBadBytesAreParseErrorsWithLineAndColumn() throws Exception {
        String b = CORPUS.get("baseline.yml");
        ImportResult nul = check("a NUL byte", b.replace("location: westeurope", "location: west\u0000europe"), true);
        assertTrue(nul.unreadable());
        check("a bell character", b.replace("location: westeurope", "location: west\u0007europe"), true);
        check("an escape sequence", b.replace("location: westeurope", "location: \u001B[31mwesteurope\u001B[0m"), true);
        check("a BOM in the middle", b.replace("location: westeurope", "location: west\uFEFFeurope"), false);
        check("U+FFFE", b.replace("location: westeurope", "location: west\uFFFEeurope"), true);
        byte[] bytes = b.getBytes(StandardCharsets.UTF_8);
        int at = b.indexOf("westeurope");
        byte[] bad = bytes.clone();
        bad[at + 2] = (byte) 0xC3;
        bad[at + 3] = (byte) 0x28;
        ImportResult latin = check("invalid UTF-8", bad, true);
        Problem p = latin.problems().get(0);
        assertEquals("line 7, column 13", p.field(), p.format());
        byte[] utf16 = b.getBytes(StandardCharsets.UTF_16);
        check("UTF-16 with BOM", utf16, true);
        assertNoFailures();
    }

    @Test
    void aliasBombsAreRefusedQuickly() throws Exception {
        // The classic: 9 levels of 10 aliases each (10^9 expansion).
        StringBuilder laughs = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            char p = (char) (c - 1);
            laughs.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                laughs.append(i == 0 ? "" : ",").append('*').append(p);
            }
            laughs.append("]\n");
        }
        check("billion laughs", laughs.toString(), true);
        // Under the alias limit but still exponential: 2 aliases per level, 24 levels = 16 million nodes.
        StringBuilder narrow = new StringBuilder("l0: &l0 [x, y]\n");
        for (int i = 1; i <= 24; i++) {
            narrow.append("l").append(i).append(": &l").append(i).append(" [*l").append(i - 1).append(", *l").append(i - 1).append("]\n");
        }
        check("narrow exponential aliases", narrow.toString(), true);
        // The same inside a real manifest, hidden in a tag value and in merge keys.
        String b = CORPUS.get("baseline.yml");
        check("bomb inside a manifest", b + "x-bomb:\n" + laughs.toString().indent(2), true);
        StringBuilder merges = new StringBuilder("m0: &m0 {a: 1, b: 2}\n");
        for (int i = 1; i <= 24; i++) {
            merges.append("m").append(i).append(": &m").append(i).append(" {<<: [*m").append(i - 1).append(", *m").append(i - 1)
                    .append("], k").append(i).append(": [*m").append(i - 1).append(", *m").append(i - 1).append("]}\n");
        }
        check("merge-key bomb", merges.toString(), true);
        check("recursive alias", "a: &a [*a]\n", true);
        check("recursive mapping alias", "a: &a {b: *a}\n", true);
        check("alias as a key", "a: &k name\n*k : keeper\n", false);
        check("undefined alias", b.replace("osType: Linux", "osType: *nothing"), true);
        assertNoFailures();
    }

    @Test
    void deepNesting() throws Exception {
        check("10,000 nested flow lists", "[".repeat(10_000) + "]".repeat(10_000), true);
        check("10,000 nested flow maps", "{a: ".repeat(10_000) + "1" + "}".repeat(10_000), true);
        check("unclosed nesting", "[".repeat(200_000), true);
        StringBuilder block = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            block.append(" ".repeat(i * 2)).append("a:\n");
        }
        block.append(" ".repeat(600)).append("b: 1\n");
        check("300 nested block maps", block.toString(), true);
        StringBuilder dashes = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            dashes.append(" ".repeat(i * 2)).append("-\n");
        }
        check("300 nested block lists", dashes.toString(), true);
        String b = CORPUS.get("baseline.yml");
        check("deep value in a manifest", b.replace("osType: Linux", "osType: " + "[".repeat(5_000) + "]".repeat(5_000)), true);
        check("deep JSON manifest", "{\"properties\": " + "{\"x\": ".repeat(3_000) + "1" + "}".repeat(3_001), true);
        assertNoFailures();
    }

    @Test
    void tabsInIndentationAreParseErrorsWithLineAndColumn() throws Exception {
        for (Map.Entry<String, String> e : CORPUS.entrySet()) {
            String tabbed = e.getValue().replaceAll("(?m)^  ", "\t");
            if (!tabbed.equals(e.getValue())) {
                ImportResult r = check(e.getKey() + " tab-indented", tabbed, true);
                if (r != null && !r.unreadable()) {
                    failures.add(e.getKey() + " tab-indented: not reported as a parse error");
                }
            }
            check(e.getKey() + " tabs inside values", e.getValue().replace(": ", ":\t"), false);
        }
        assertNoFailures();
    }

    @Test
    void bomAndLineEndingsChangeNothing() throws Exception {
        for (Map.Entry<String, String> e : CORPUS.entrySet()) {
            ImportResult plain = check(e.getKey(), e.getValue(), false);
            Map<String, String> variants = new LinkedHashMap<>();
            variants.put("BOM", "\uFEFF" + e.getValue());
            variants.put("CRLF", e.getValue().replace("\n", "\r\n"));
            variants.put("BOM+CRLF", "\uFEFF" + e.getValue().replace("\n", "\r\n"));
            variants.put("CR only", e.getValue().replace("\n", "\r"));
            variants.put("no final newline", e.getValue().stripTrailing());
            variants.put("trailing spaces", e.getValue().replace("\n", "   \n"));
            for (Map.Entry<String, String> v : variants.entrySet()) {
                ImportResult r = check(e.getKey() + " " + v.getKey(), v.getValue(), false);
                if (plain != null && r != null && !codes(plain).equals(codes(r))) {
                    failures.add(e.getKey() + " " + v.getKey() + ": other problems than the plain file: " + codes(r) + " vs " + codes(plain));
                }
            }
        }
        assertNoFailures();
    }

    @Test
    void truncatedAtEveryFewBytes() throws Exception {
        for (Map.Entry<String, String> e : CORPUS.entrySet()) {
            byte[] bytes = e.getValue().getBytes(StandardCharsets.UTF_8);
            for (int cut = 0; cut < bytes.length; cut += 13) {
                check(e.getKey() + " cut at " + cut, java.util.Arrays.copyOf(bytes, cut), false);
            }
        }
        assertNoFailures();
    }

    @Test
    void randomByteDamageNeverCrashes() throws Exception {
        java.util.Random random = new java.util.Random(8);
        String[] junk = {"\t", ":", "- ", "{", "}", "[", "]", "&a ", "*a", "!!python/object:os.system ", "!!binary ", "? ",
                "|", ">", "%YAML 1.1\n", "---", "...", "\"", "'", "#", "\\", "<<: ", "!", "@", "`", "\u00e9", "\r"};
        for (Map.Entry<String, String> e : CORPUS.entrySet()) {
            for (int round = 0; round < 40; round++) {
                StringBuilder s = new StringBuilder(e.getValue());
                for (int k = 0; k < 1 + random.nextInt(4); k++) {
                    int at = random.nextInt(s.length() + 1);
                    if (random.nextBoolean() && at < s.length()) {
                        s.deleteCharAt(at);
                    }
                    s.insert(Math.min(at, s.length()), junk[random.nextInt(junk.length)]);
                }
                check(e.getKey() + " damage round " + round, s.toString(), false);
            }
        }
        assertNoFailures();
    }

    @Test
    void unsafeTagsAreRefusedNeverConstructed() throws Exception {
        String b = CORPUS.get("baseline.yml");
        for (String tag : List.of("!!python/object/apply:os.system [\"id\"]", "!!javax.script.ScriptEngineManager [[]]",
                "!<tag:yaml.org,2002:java.net.URL> [\"http://127.0.0.1/\"]", "!!set {a, b}", "!!omap [a: 1]", "!!binary aGVsbG8=",
                "!custom value", "!!str", "!!int 'x'", "!!float 'abc'", "!!bool maybe", "!!timestamp 'nope'")) {
            check("tag " + tag, b.replace("osType: Linux", "osType: " + tag), false);
        }
        assertNoFailures();
    }
}
