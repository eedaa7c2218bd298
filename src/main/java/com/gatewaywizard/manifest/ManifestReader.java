package com.gatewaywizard.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gatewaywizard.state.SafeFiles;
import com.gatewaywizard.spec.Problem;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads (imports) any manifest that {@code az container create --file} accepts, plus the shapes Azure prints
 * ({@code az container export}: a {@code properties} wrapper with read-only fields; {@code az container show} /
 * an ARM GET: the flattened model with containers at the top and nulls everywhere), and reports what it could not
 * take over.
 *
 * <p>YAML is read as az reads it: with YAML 1.1 and PyYAML's resolution rules ({@link Yaml11.PyYamlResolver}),
 * so {@code yes} is {@code true}, {@code 010} is 8 and {@code Y} stays the text {@code Y}. Each such surprise is
 * reported. An unquoted date for {@code apiVersion} is turned back into {@code YYYY-MM-DD}. A file may hold several
 * documents ({@code ---}); az itself takes only one, so that is a warning.
 *
 * <p>Hostile input is bounded: at most {@value #MAX_BYTES} bytes, {@value #MAX_DOCUMENTS} documents,
 * {@value #MAX_ALIASES} aliases, nesting depth {@value #MAX_DEPTH}, {@value #MAX_NODES} nodes after alias
 * expansion (billion laughs), no recursive keys. Nothing here throws on bad input: parse errors become a
 * {@value #YAML_PARSE_ERROR} problem with line and column. Problem messages never quote a value from the file
 * (it could be a secret); they name keys, paths and lines.
 */
public final class ManifestReader {
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final int MAX_DOCUMENTS = 20;
    public static final int MAX_ALIASES = 50;
    public static final int MAX_DEPTH = 50;
    public static final int MAX_NODES = 100_000;
    /**
     * Longest line read. SnakeYAML re-copies its read window for every 1,024 characters of a token it scans, so a
     * single very long line costs time and memory quadratic in its length (a 4 MB line: ~30 GB of copying); a
     * manifest line, even one holding a gateway config, is a few thousand characters.
     */
    public static final int MAX_LINE = 64 * 1024;

    /** Info: parts of a manifest read into the wizard that it would not write back the same way (SpecMapping). */
    public static final String IMPORT_NOT_MAPPED = "IMPORT_NOT_MAPPED";
    public static final String YAML_PARSE_ERROR = "YAML_PARSE_ERROR";
    public static final String FILE_TOO_LARGE = "FILE_TOO_LARGE";
    public static final String YAML_TOO_COMPLEX = "YAML_TOO_COMPLEX";
    public static final String YAML_UNSUPPORTED_TAG = "YAML_UNSUPPORTED_TAG";
    public static final String YAML_INVALID_SCALAR = "YAML_INVALID_SCALAR";
    public static final String YAML_1_1_RETYPED = "YAML_1_1_RETYPED";
    public static final String YAML_ENV_EXPANSION = "YAML_ENV_EXPANSION";
    public static final String YAML_DUPLICATE_KEY = "YAML_DUPLICATE_KEY";
    public static final String YAML_UNQUOTED_DATE = "YAML_UNQUOTED_DATE";
    public static final String YAML_NON_FINITE_NUMBER = "YAML_NON_FINITE_NUMBER";
    public static final String NOT_A_MAPPING = "NOT_A_MAPPING";
    public static final String MANIFEST_EMPTY = "MANIFEST_EMPTY";
    public static final String MULTIPLE_DOCUMENTS = "MULTIPLE_DOCUMENTS";
    public static final String SHAPE_CONVERTED = "SHAPE_CONVERTED";
    public static final String READ_ONLY_FIELD_DROPPED = "READ_ONLY_FIELD_DROPPED";
    public static final String API_VERSION_UNQUOTED_DATE = "API_VERSION_UNQUOTED_DATE";

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Pattern CORE12_INT = Pattern.compile("^[-+]?(?:0|[1-9][0-9]*)$");
    private static final Pattern CORE12_FLOAT = Pattern.compile("^[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$");
    /** Top-level keys of the flattened {@code az container show} model that stay at the top. */
    private static final Set<String> FLAT_TOP_LEVEL = Set.of("apiVersion", "location", "name", "type", "tags", "id",
            "identity", "zones", "etag", "systemData", "resourceGroup", "extendedLocation");
    /** Read-only fields that Azure prints and a create request must not carry. */
    private static final Set<String> READ_ONLY_TOP = Set.of("id", "etag", "systemData", "resourceGroup");
    private static final Set<String> READ_ONLY_PROPERTIES = Set.of("provisioningState", "instanceView", "isCreatedFromStandbyPool");
    private static final Set<String> CONTAINER_PROPERTY_KEYS = Set.of("image", "command", "ports", "environmentVariables",
            "instanceView", "resources", "volumeMounts", "livenessProbe", "readinessProbe", "securityContext", "configMap");

    private ManifestReader() {
    }

    /** Reads a manifest file; files over {@value #MAX_BYTES} bytes are refused without reading them. */
    public static ImportResult read(Path file) throws IOException {
        byte[] bytes;
        try {
            // At most MAX_BYTES + 1 bytes from any kind of file: /dev/zero or a fifo has no size to check first.
            bytes = SafeFiles.readAtMost(file, MAX_BYTES);
        } catch (SafeFiles.TooLargeException e) {
            return tooLarge(MAX_BYTES + 1L);
        }
        return read(bytes);
    }

    /** Reads manifest bytes (UTF-8, as az reads them on Linux). */
    public static ImportResult read(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            return tooLarge(bytes.length);
        }
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            return new ImportResult(List.of(), List.of(Problem.error(YAML_PARSE_ERROR, "line 1, column 1",
                    "the file is UTF-16 text (as some Windows editors and PowerShell's '>' write it); az CLI reads UTF-8",
                    "save it as UTF-8 (in PowerShell: Out-File -Encoding utf8)")));
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length);
        java.nio.charset.CoderResult cr = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(in, out, true);
        if (cr.isError()) {
            // Line and column of the first byte that is not UTF-8 (column in characters, as editors count).
            int bad = in.position();
            out.flip();
            String before = out.toString();
            int line = 1;
            int lastBreak = -1;
            for (int i = 0; i < before.length(); i++) {
                if (before.charAt(i) == '\n') {
                    line++;
                    lastBreak = i;
                }
            }
            int column = before.codePointCount(lastBreak + 1, before.length()) + 1;
            return new ImportResult(List.of(), List.of(Problem.error(YAML_PARSE_ERROR, "line " + line + ", column " + column,
                    "the file is not UTF-8 text (byte " + (bad + 1) + " is not valid UTF-8; Latin-1 or Windows-1252?)",
                    "save it as UTF-8")));
        }
        out.flip();
        return read(out.toString());
    }

    /** Reads manifest text: every YAML document in it. */
    public static ImportResult read(String text) {
        if (text.length() > MAX_BYTES) {
            return tooLarge(text.length());
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Optional<Problem> longLine = longLine(text);
        if (longLine.isPresent()) {
            return new ImportResult(List.of(), List.of(longLine.get()));
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_BYTES);
        options.setAllowDuplicateKeys(true); // reported by us, as PyYAML keeps the last one
        options.setProcessComments(false);
        options.setMergeOnCompose(false);
        DumperOptions dumper = new DumperOptions();
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, new Yaml11.PyYamlResolver());

        List<Problem> fileProblems = new ArrayList<>();
        List<ImportedDocument> docs = new ArrayList<>();
        try {
            Iterator<Node> it = yaml.composeAll(new StringReader(text)).iterator();
            while (it.hasNext()) {
                Node node = it.next();
                if (node == null) {
                    continue;
                }
                if (docs.size() == MAX_DOCUMENTS) {
                    fileProblems.add(Problem.error(YAML_TOO_COMPLEX, "", "more than " + MAX_DOCUMENTS + " documents in one file",
                            "split the file"));
                    break;
                }
                docs.add(document(docs.size() + 1, node));
            }
        } catch (MarkedYAMLException e) {
            fileProblems.add(parseError(e));
        } catch (YAMLException e) {
            // Limits (aliases, code points, nesting) and other loader refusals. SnakeYAML's own messages here name
            // limits, never content.
            fileProblems.add(Problem.error(YAML_TOO_COMPLEX, "", tooComplexInWords(e.getMessage()),
                    "remove anchors/aliases and deep nesting; a manifest needs neither"));
        } catch (RuntimeException | StackOverflowError e) {
            fileProblems.add(Problem.error(YAML_PARSE_ERROR, "", "the YAML could not be read (" + e.getClass().getSimpleName() + ")", ""));
        }
        if (docs.isEmpty() && fileProblems.isEmpty()) {
            fileProblems.add(Problem.error(MANIFEST_EMPTY, "", "the file holds no YAML document",
                    "start from the manifest the wizard writes (gateway-wizard render)"));
        }
        if (docs.size() > 1) {
            fileProblems.add(Problem.warning(MULTIPLE_DOCUMENTS, "", "the file holds " + docs.size()
                            + " YAML documents; 'az container create --file' reads exactly one",
                    "keep one container group per file (keeper-gateway.yml, keeper-gateway-2.yml, ...)"));
        }
        return new ImportResult(docs, fileProblems);
    }

    /** The first line longer than {@link #MAX_LINE} characters (YAML's line breaks: LF, CR, NEL, LS, PS). */
    private static Optional<Problem> longLine(String text) {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                if (i - start > MAX_LINE) {
                    return Optional.of(Problem.error(YAML_TOO_COMPLEX, "line " + line + ", column " + (MAX_LINE + 1),
                            "line " + line + " has " + (i - start) + " characters; a manifest line has at most a few thousand"
                                    + " and at most " + MAX_LINE + " are read", "check that this is the right file (not a"
                                    + " minified or binary file); long values can be wrapped with YAML's > or | block style"));
                }
                line++;
                start = i + 1;
            }
        }
        return Optional.empty();
    }

    private static ImportResult tooLarge(long size) {
        return new ImportResult(List.of(), List.of(Problem.error(FILE_TOO_LARGE, "",
                "the file is larger than " + MAX_BYTES + " bytes; a manifest is a few kilobytes",
                "check that this is the right file")));
    }

    private static Problem parseError(MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        StringBuilder msg = new StringBuilder();
        // Only SnakeYAML's problem/context texts: e.toString()/getMessage() would append a snippet of the line,
        // which could hold a secret.
        if (e.getContext() != null) {
            msg.append(e.getContext()).append("; ");
        }
        msg.append(e.getProblem() == null ? "invalid YAML" : e.getProblem());
        String where = mark == null ? "" : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
        return Problem.error(YAML_PARSE_ERROR, where, truncate(firstLine(msg.toString())),
                "fix the YAML at that position (indentation uses spaces; quote values that contain ': ' or '#')");
    }

    /** SnakeYAML's limit messages ("Number of aliases for non-scalar nodes exceeds the specified max=50") in plain words. */
    static String tooComplexInWords(String snake) {
        String m = snake == null ? "" : snake.toLowerCase(java.util.Locale.ROOT);
        if (m.contains("alias")) {
            return "the file reuses blocks (YAML anchors and aliases) more than " + MAX_ALIASES + " times, as a"
                    + " 'YAML bomb' does; it is not read";
        }
        if (m.contains("nest")) {
            return "the file nests deeper than " + MAX_DEPTH + " levels; it is not read";
        }
        if (m.contains("code points") || m.contains("exceeds")) {
            return "the file is too long to read as YAML; it is not read";
        }
        return "the file is too complex to read as YAML; it is not read";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid YAML";
        }
        int nl = s.indexOf('\n');
        return truncate(nl < 0 ? s : s.substring(0, nl));
    }

    private static String truncate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    // ------------------------------------------------------------------------------------------------ documents

    private static ImportedDocument document(int index, Node node) {
        int line = node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1;
        Converter conv = new Converter();
        JsonNode json;
        try {
            json = conv.convert(node, "", 0);
        } catch (TooComplex e) {
            List<Problem> p = new ArrayList<>(conv.problems);
            p.add(Problem.error(YAML_TOO_COMPLEX, "", e.getMessage(), "remove anchors/aliases and deep nesting; a manifest needs neither"));
            return new ImportedDocument(index, line, F.objectNode(), Optional.empty(), 1, p);
        }
        List<Problem> problems = new ArrayList<>(conv.problems);
        if (!json.isObject()) {
            problems.add(Problem.error(NOT_A_MAPPING, "", "the document is a " + kind(json)
                    + ", not a mapping of apiVersion, location, name, properties …", "start from the manifest the wizard writes"));
            return new ImportedDocument(index, line, F.objectNode(), Optional.empty(), 1, conv.withLines(problems));
        }
        ObjectNode root = (ObjectNode) json;
        for (Map.Entry<String, String> d : conv.dates.entrySet()) {
            if (d.getKey().equals("apiVersion") && Yaml11.DATE.matcher(d.getValue()).matches()) {
                problems.add(Problem.warning(API_VERSION_UNQUOTED_DATE, "apiVersion",
                        "the apiVersion is an unquoted date, which YAML 1.1 reads as a date, not text; it was read back as "
                                + root.path("apiVersion").asText(),
                        "quote it: apiVersion: '" + root.path("apiVersion").asText() + "'"));
            } else {
                problems.add(Problem.error(YAML_UNQUOTED_DATE, d.getKey(),
                        "an unquoted date or timestamp; YAML 1.1 reads it as a date and az CLI crashes on it",
                        "quote the value"));
            }
        }
        problems.addAll(normalizeShape(root));
        problems.addAll(ManifestRules.coerceQuotedNumbers(root));
        problems.addAll(ManifestRules.check(root));
        SpecMapping.Result mapped = SpecMapping.map(root);
        problems.addAll(mapped.problems());
        return new ImportedDocument(index, line, root, Optional.of(mapped.spec()), mapped.instance(), conv.withLines(dedupe(problems)));
    }

    /** The same code on the same field once (rules and the spec check can both see a bad name or subnet). */
    private static List<Problem> dedupe(List<Problem> in) {
        Set<String> seen = new java.util.HashSet<>();
        List<Problem> out = new ArrayList<>();
        for (Problem p : in) {
            if (seen.add(p.code() + "\u0000" + p.field())) {
                out.add(p);
            }
        }
        return out;
    }

    private static String kind(JsonNode n) {
        if (n.isArray()) {
            return "list";
        }
        if (n.isNull()) {
            return "null value";
        }
        return "single value";
    }

    /** Converts the {@code show}/{@code export} shapes to the {@code --file} shape; returns info problems. */
    static List<Problem> normalizeShape(ObjectNode root) {
        List<Problem> problems = new ArrayList<>();
        if (!root.path("properties").isObject() && root.has("containers")) {
            LinkedHashMap<String, JsonNode> top = new LinkedHashMap<>();
            ObjectNode props = F.objectNode();
            root.fields().forEachRemaining(e -> {
                if (FLAT_TOP_LEVEL.contains(e.getKey())) {
                    top.put(e.getKey(), e.getValue());
                } else {
                    props.set(e.getKey(), e.getValue());
                }
            });
            root.removeAll();
            top.forEach(root::set);
            root.set("properties", props);
            stripNulls(root);
            problems.add(Problem.info(SHAPE_CONVERTED, "", "the file has the flattened shape that 'az container show' prints;"
                    + " its container group settings were moved under 'properties' and empty (null) fields removed",
                    "'az container create --file' needs the 'properties' wrapper: write the file back with the wizard"));
        }
        List<String> dropped = new ArrayList<>();
        for (String k : READ_ONLY_TOP) {
            if (root.remove(k) != null) {
                dropped.add(k);
            }
        }
        JsonNode props = root.path("properties");
        if (props.isObject()) {
            ObjectNode p = (ObjectNode) props;
            for (String k : READ_ONLY_PROPERTIES) {
                if (p.remove(k) != null) {
                    dropped.add("properties." + k);
                }
            }
            if (p.path("ipAddress").isObject() && ((ObjectNode) p.get("ipAddress")).remove("fqdn") != null) {
                dropped.add("properties.ipAddress.fqdn");
            }
            for (String list : List.of("containers", "initContainers")) {
                List<JsonNode> arr = JsonPaths.items(p.path(list));
                for (int i = 0; i < arr.size(); i++) {
                    JsonNode c = arr.get(i);
                    if (!c.isObject()) {
                        continue;
                    }
                    ObjectNode container = (ObjectNode) c;
                    String path = "properties." + list + "[" + i + "]";
                    if (!container.path("properties").isObject() && container.properties().stream()
                            .anyMatch(e -> CONTAINER_PROPERTY_KEYS.contains(e.getKey()))) {
                        ObjectNode inner = F.objectNode();
                        List<String> keys = new ArrayList<>();
                        container.fieldNames().forEachRemaining(keys::add);
                        for (String k : keys) {
                            if (!k.equals("name")) {
                                inner.set(k, container.remove(k));
                            }
                        }
                        container.set("properties", inner);
                        problems.add(Problem.info(SHAPE_CONVERTED, path, "the container's settings were at the container's top level"
                                + " (as 'az container show' prints them) and were moved under 'properties'", ""));
                    }
                    JsonNode cp = container.path("properties");
                    if (cp.isObject() && ((ObjectNode) cp).remove("instanceView") != null) {
                        dropped.add(path + ".properties.instanceView");
                    }
                }
            }
        }
        if (!dropped.isEmpty()) {
            problems.add(Problem.info(READ_ONLY_FIELD_DROPPED, "", "read-only fields that Azure reports but does not accept were removed: "
                    + String.join(", ", dropped), ""));
        }
        return problems;
    }

    private static void stripNulls(JsonNode node) {
        if (node.isObject()) {
            List<String> nulls = new ArrayList<>();
            node.fields().forEachRemaining(e -> {
                if (e.getValue().isNull()) {
                    nulls.add(e.getKey());
                } else {
                    stripNulls(e.getValue());
                }
            });
            nulls.forEach(((ObjectNode) node)::remove);
        } else if (node.isArray()) {
            node.forEach(ManifestReader::stripNulls);
        }
    }

    // ------------------------------------------------------------------------------------------------ YAML → JSON

    private static final class TooComplex extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooComplex(String message) {
            super(message, null, false, false);
        }
    }

    /** SnakeYAML nodes → Jackson tree with PyYAML's values; records lines by path and the problems met. */
    private static final class Converter {
        final List<Problem> problems = new ArrayList<>();
        final Map<String, Integer> lines = new HashMap<>();
        final Map<String, String> dates = new LinkedHashMap<>();
        int nodes;

        JsonNode convert(Node node, String path, int depth) {
            if (++nodes > MAX_NODES) {
                throw new TooComplex("the document expands to more than " + MAX_NODES + " values (aliases?)");
            }
            if (depth > MAX_DEPTH) {
                throw new TooComplex("the document nests deeper than " + MAX_DEPTH + " levels (a recursive alias?)");
            }
            if (node.getStartMark() != null) {
                lines.putIfAbsent(path, node.getStartMark().getLine() + 1);
            }
            if (node instanceof ScalarNode s) {
                return scalar(s, path);
            }
            if (node instanceof SequenceNode seq) {
                if (!Tag.SEQ.equals(seq.getTag())) {
                    unsupported(path, seq.getTag());
                }
                ArrayNode arr = F.arrayNode();
                List<Node> items = seq.getValue();
                for (int i = 0; i < items.size(); i++) {
                    arr.add(convert(items.get(i), JsonPaths.index(path, i), depth + 1));
                }
                return arr;
            }
            MappingNode map = (MappingNode) node;
            if (!Tag.MAP.equals(map.getTag())) {
                unsupported(path, map.getTag());
            }
            return mapping(map, path, depth);
        }

        private ObjectNode mapping(MappingNode map, String path, int depth) {
            ObjectNode merged = F.objectNode();
            ObjectNode explicit = F.objectNode();
            for (NodeTuple t : map.getValue()) {
                Node k = t.getKeyNode();
                if (k instanceof ScalarNode ks && Tag.MERGE.equals(ks.getTag())) {
                    mergeInto(merged, t.getValueNode(), path, depth);
                    continue;
                }
                Optional<String> key = key(k, path);
                if (key.isEmpty()) {
                    continue;
                }
                String childPath = JsonPaths.key(path, key.get());
                if (explicit.has(key.get())) {
                    problems.add(Problem.warning(YAML_DUPLICATE_KEY, childPath, "the key '" + key.get()
                            + "' appears twice in the same mapping; YAML loaders (and az CLI) keep only the last one",
                            "remove one of them"));
                    lines.remove(childPath);
                }
                explicit.set(key.get(), convert(t.getValueNode(), childPath, depth + 1));
            }
            // PyYAML puts merged keys first and lets explicit keys override them.
            ObjectNode out = F.objectNode();
            out.setAll(merged);
            explicit.fields().forEachRemaining(e -> out.set(e.getKey(), e.getValue()));
            return out;
        }

        private void mergeInto(ObjectNode merged, Node value, String path, int depth) {
            List<Node> sources = new ArrayList<>();
            if (value instanceof MappingNode) {
                sources.add(value);
            } else if (value instanceof SequenceNode seq) {
                List<Node> items = new ArrayList<>(seq.getValue());
                java.util.Collections.reverse(items);
                sources.addAll(items);
            }
            for (Node src : sources) {
                if (!(src instanceof MappingNode m)) {
                    problems.add(Problem.error(YAML_UNSUPPORTED_TAG, path, "a merge key (<<) must refer to a mapping or a list of mappings",
                            "write the keys out instead of merging"));
                    continue;
                }
                ObjectNode part = mapping(m, path, depth + 1);
                part.fields().forEachRemaining(e -> merged.set(e.getKey(), e.getValue()));
            }
        }

        /** The JSON key az would send for a mapping key (json.dumps turns True into "true", 5 into "5"). */
        private Optional<String> key(Node k, String path) {
            if (!(k instanceof ScalarNode ks)) {
                problems.add(Problem.error(YAML_UNSUPPORTED_TAG, path, "a mapping key is itself a list or mapping",
                        "use plain text keys"));
                return Optional.empty();
            }
            JsonNode v = scalar(ks, path);
            if (v.isTextual()) {
                if (dates.remove(path) != null) {
                    problems.add(Problem.error(YAML_UNQUOTED_DATE, path, "a mapping key is an unquoted date; az CLI cannot send it",
                            "quote the key"));
                }
                return Optional.of(v.textValue());
            }
            if (v.isNull()) {
                return Optional.of("null");
            }
            return Optional.of(v.isBoolean() ? Boolean.toString(v.booleanValue()) : v.asText());
        }

        private JsonNode scalar(ScalarNode s, String path) {
            Tag tag = s.getTag();
            String text = s.getValue();
            boolean plain = s.isPlain();
            try {
                if (Tag.STR.equals(tag)) {
                    if (plain && Yaml11.ENV_EXPANSION.matcher(text).find()) {
                        problems.add(Problem.warning(YAML_ENV_EXPANSION, path,
                                "an unquoted value contains ${NAME}; az CLI replaces it with that environment variable of the"
                                        + " machine running az (or with the bare name when it is not set)",
                                "quote the value if it is meant literally"));
                    }
                    return F.textNode(text);
                }
                if (Tag.NULL.equals(tag)) {
                    return F.nullNode();
                }
                if (Tag.BOOL.equals(tag)) {
                    String lower = text.toLowerCase(Locale.ROOT);
                    Boolean b = switch (lower) {
                        case "yes", "true", "on" -> Boolean.TRUE;
                        case "no", "false", "off" -> Boolean.FALSE;
                        default -> null;
                    };
                    if (b == null) {
                        return invalid(path, "is tagged as a boolean but is not one");
                    }
                    if (plain && !lower.equals("true") && !lower.equals("false")) {
                        retyped(path, "a boolean, not text (yes/no/on/off are booleans in YAML 1.1, text in YAML 1.2)");
                    }
                    return F.booleanNode(b);
                }
                if (Tag.INT.equals(tag)) {
                    BigInteger v = Yaml11.pyInt(text);
                    if (plain && !CORE12_INT.matcher(text).matches()) {
                        retyped(path, "an integer (YAML 1.1 reads a leading 0 as octal, 0x as hex, 0b as binary,"
                                + " a:b as base 60, and drops underscores)");
                    }
                    return v.bitLength() < 32 ? F.numberNode(v.intValue()) : v.bitLength() < 64 ? F.numberNode(v.longValue()) : F.numberNode(v);
                }
                if (Tag.FLOAT.equals(tag)) {
                    double d = Yaml11.pyFloat(text);
                    if (!Double.isFinite(d)) {
                        problems.add(Problem.error(YAML_NON_FINITE_NUMBER, path, "an unquoted .inf or .nan is read as a number that"
                                + " JSON (and so ARM) cannot carry", "quote it or use a real number"));
                        return F.textNode(text);
                    }
                    if (plain && !CORE12_FLOAT.matcher(text).matches()) {
                        retyped(path, "a number (YAML 1.1 reads a:b as base 60 and drops underscores)");
                    }
                    return F.numberNode(d);
                }
                if (Tag.TIMESTAMP.equals(tag)) {
                    dates.put(path, text);
                    return F.textNode(text);
                }
            } catch (NumberFormatException | ArithmeticException e) {
                return invalid(path, "is tagged as a number but is not one");
            }
            unsupported(path, tag);
            return F.nullNode();
        }

        private void retyped(String path, String what) {
            problems.add(Problem.warning(YAML_1_1_RETYPED, path, "this unquoted value is read by YAML 1.1 (as az CLI reads it) as "
                    + what, "quote it if it is meant as text"));
        }

        private JsonNode invalid(String path, String what) {
            problems.add(Problem.error(YAML_INVALID_SCALAR, path, "the value " + what + "; az CLI would fail to load the file",
                    "remove the explicit tag or fix the value"));
            return F.nullNode();
        }

        private void unsupported(String path, Tag tag) {
            String t = tag.getValue();
            String shown = t.startsWith(Tag.PREFIX) ? "!!" + t.substring(Tag.PREFIX.length()) : t;
            if (shown.length() > 60) {
                shown = shown.substring(0, 60) + "…";
            }
            String why = Tag.MERGE.equals(tag) ? "'<<' (a merge key) used as a value"
                    : Yaml11.VALUE_TAG.equals(tag) ? "an unquoted '=' (YAML 1.1's value key)"
                    : "the YAML tag " + shown;
            problems.add(Problem.error(YAML_UNSUPPORTED_TAG, path, why + " cannot be loaded by az CLI's safe loader or sent as JSON",
                    "remove the tag or quote the value"));
        }

        /** Adds "line N: " to problems whose field is a path we saw, most specific path first. */
        List<Problem> withLines(List<Problem> in) {
            List<Problem> out = new ArrayList<>(in.size());
            for (Problem p : in) {
                Integer line = lineOf(p.field());
                if (line == null || p.code().equals(YAML_PARSE_ERROR)) {
                    out.add(p);
                } else {
                    out.add(new Problem(p.severity(), p.code(), p.field(), "line " + line + ": " + p.message(), p.fix()));
                }
            }
            return out;
        }

        private Integer lineOf(String field) {
            if (field.isEmpty()) {
                return null;
            }
            String f = field;
            while (true) {
                Integer l = lines.get(f);
                if (l != null) {
                    return l;
                }
                Matcher m = PARENT.matcher(f);
                if (!m.find()) {
                    return null;
                }
                f = f.substring(0, m.start());
                if (f.isEmpty()) {
                    return null;
                }
            }
        }
    }

    private static final Pattern PARENT = Pattern.compile("(\\.[^.\\[]+|\\[[^\\]]*\\])$");
}
