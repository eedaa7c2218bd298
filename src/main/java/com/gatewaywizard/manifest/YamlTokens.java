package com.gatewaywizard.manifest;

import com.gatewaywizard.spec.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits manifest YAML into coloured runs for the Review step's code view: keys, quoted and plain strings,
 * numbers, booleans and nulls, comments, {@code ---} document markers, list dashes, and the two secrets
 * ({@code secureValue} and the registry {@code password}): the on-screen mask or a placeholder is a
 * {@link Kind#SECRET_MASKED} run, a value in clear a {@link Kind#SECRET_REVEALED} one.
 *
 * <p>Line based, for the block style {@link ManifestYaml} writes (and the simple documents users import): every
 * line becomes a list of runs whose texts, joined, are exactly the line. It never fails: what it does not
 * recognise is a {@link Kind#TEXT} run. No JavaFX here; the view maps each kind to a CSS class.
 */
public final class YamlTokens {
    /** What a run of characters is. */
    public enum Kind {
        KEY, COLON, DASH, DOC_MARKER, COMMENT, STRING, PLAIN, NUMBER, LITERAL, FLOW, SECRET_MASKED, SECRET_REVEALED, SPACE, TEXT;

        /** The CSS class of the run, e.g. {@code yaml-secret-masked}. */
        public String styleClass() {
            return "yaml-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public boolean isSecret() {
            return this == SECRET_MASKED || this == SECRET_REVEALED;
        }
    }

    /** One run of a line. */
    public record Token(Kind kind, String text) {
    }

    /** The keys whose scalar value is a secret in an ACI manifest. */
    static final Set<String> SECRET_KEYS = Set.of("secureValue", "password");

    private static final Pattern NUMBER = Pattern.compile(
            "[-+]?(?:0|[1-9][0-9_]*)(?:\\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?"
                    + "|0x[0-9a-fA-F_]+|0o?[0-7_]+|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");
    /** A block scalar's header ({@code |}, {@code >-}, ...): the more indented lines after it are its text. */
    private static final Pattern BLOCK = Pattern.compile("[|>][-+0-9]*");
    /** The on-screen mask of a secret ({@link SecretMode#MASKED}). */
    private static final String MASK = Secret.of("x").masked();
    private static final Set<String> LITERALS = Set.of("true", "false", "null", "~", "yes", "no", "on", "off", "y", "n");

    private YamlTokens() {
    }

    /** The runs of every line of {@code yaml}; a final newline does not make an extra empty line. */
    public static List<List<Token>> lines(String yaml) {
        List<List<Token>> out = new ArrayList<>();
        if (yaml == null || yaml.isEmpty()) {
            return out;
        }
        String[] lines = yaml.split("\n", -1);
        int n = yaml.endsWith("\n") ? lines.length - 1 : lines.length;
        int blockIndent = -1; // inside a | or > block scalar: the indent of the key that opened it
        for (int i = 0; i < n; i++) {
            String line = lines[i];
            int indent = indent(line);
            if (blockIndent >= 0) {
                if (line.isBlank() || indent > blockIndent) {
                    out.add(block(line, indent));
                    continue;
                }
                blockIndent = -1;
            }
            Tokenizer t = new Tokenizer(line);
            out.add(t.run());
            if (t.opensBlock) {
                blockIndent = indent;
            }
        }
        return out;
    }

    /** The text of {@code runs} (what the view shows for a line). */
    public static String text(List<Token> runs) {
        StringBuilder sb = new StringBuilder();
        runs.forEach(r -> sb.append(r.text()));
        return sb.toString();
    }

    private static List<Token> block(String line, int indent) {
        List<Token> runs = new ArrayList<>();
        int cut = Math.min(indent, line.length());
        if (cut > 0) {
            runs.add(new Token(Kind.SPACE, line.substring(0, cut)));
        }
        if (cut < line.length()) {
            runs.add(new Token(Kind.STRING, line.substring(cut)));
        }
        return runs;
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** One line, left to right. */
    private static final class Tokenizer {
        private final String s;
        private final List<Token> runs = new ArrayList<>();
        private int pos;
        boolean opensBlock;

        Tokenizer(String s) {
            this.s = s;
        }

        List<Token> run() {
            if (s.equals("---") || s.equals("...") || s.startsWith("--- ") || s.startsWith("... ")) {
                add(Kind.DOC_MARKER, 3);
                value(null);
                return runs;
            }
            spaces();
            while (at('-') && (pos + 1 == s.length() || s.charAt(pos + 1) == ' ')) {
                add(Kind.DASH, 1);
                spaces();
            }
            if (at('#')) {
                add(Kind.COMMENT, s.length() - pos);
                return runs;
            }
            int keyEnd = keyEnd();
            String key = null;
            if (keyEnd > pos) {
                key = unquote(s.substring(pos, keyEnd));
                add(Kind.KEY, keyEnd - pos);
                add(Kind.COLON, 1);
            }
            value(key);
            return runs;
        }

        /** Where the key of a {@code key: value} line ends (at its colon), or {@code pos} when the line has none. */
        private int keyEnd() {
            if (pos >= s.length()) {
                return pos;
            }
            char c = s.charAt(pos);
            if (c == '"' || c == '\'') {
                int end = quotedEnd(pos);
                return end > pos && end < s.length() && s.charAt(end) == ':' && colonEnds(end) ? end : pos;
            }
            if (c == '{' || c == '[' || c == '|' || c == '>' || c == '&' || c == '*' || c == '!') {
                return pos;
            }
            for (int i = pos; i < s.length(); i++) {
                if (s.charAt(i) == ':' && colonEnds(i)) {
                    return i;
                }
                if (s.charAt(i) == '#' && i > pos && s.charAt(i - 1) == ' ') {
                    return pos;
                }
            }
            return pos;
        }

        private boolean colonEnds(int i) {
            return i + 1 == s.length() || s.charAt(i + 1) == ' ';
        }

        /** A scalar (or flow collection) to the end of the line, then a comment if any. */
        private void value(String key) {
            spaces();
            if (pos >= s.length()) {
                return;
            }
            boolean secretKey = key != null && SECRET_KEYS.contains(key);
            char c = s.charAt(pos);
            if (c == '#') {
                add(Kind.COMMENT, s.length() - pos);
                return;
            }
            int end;
            Kind kind;
            if (c == '"' || c == '\'') {
                end = quotedEnd(pos);
                if (end < 0) {
                    add(Kind.TEXT, s.length() - pos);
                    return;
                }
                kind = Kind.STRING;
            } else {
                end = plainEnd();
                String plain = s.substring(pos, end).stripTrailing();
                end = pos + plain.length();
                kind = classify(plain);
                if (kind == Kind.FLOW && BLOCK.matcher(plain).matches()) {
                    opensBlock = true;
                }
            }
            String raw = s.substring(pos, end);
            String value = unquote(raw);
            if (value.equals(MASK)) {
                kind = Kind.SECRET_MASKED;
            } else if (secretKey && !value.isEmpty()) {
                kind = SecretMode.isStandIn(value) ? Kind.SECRET_MASKED : Kind.SECRET_REVEALED;
            }
            add(kind, end - pos);
            spaces();
            if (pos < s.length()) {
                add(at('#') ? Kind.COMMENT : Kind.TEXT, s.length() - pos);
            }
        }

        /** The end of a plain scalar: the line's end or the space before a comment. */
        private int plainEnd() {
            for (int i = pos + 1; i < s.length(); i++) {
                if (s.charAt(i) == '#' && s.charAt(i - 1) == ' ') {
                    return i;
                }
            }
            return s.length();
        }

        /** The index after the closing quote of the string starting at {@code from}, or -1 when it is not closed. */
        private int quotedEnd(int from) {
            char q = s.charAt(from);
            for (int i = from + 1; i < s.length(); i++) {
                char c = s.charAt(i);
                if (q == '"' && c == '\\') {
                    i++;
                } else if (c == q) {
                    if (q == '\'' && i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                        i++;
                    } else {
                        return i + 1;
                    }
                }
            }
            return -1;
        }

        private void spaces() {
            int start = pos;
            while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t' || s.charAt(pos) == '\r')) {
                pos++;
            }
            if (pos > start) {
                runs.add(new Token(Kind.SPACE, s.substring(start, pos)));
            }
        }

        private boolean at(char c) {
            return pos < s.length() && s.charAt(pos) == c;
        }

        private void add(Kind kind, int length) {
            runs.add(new Token(kind, s.substring(pos, pos + length)));
            pos += length;
        }
    }

    private static Kind classify(String plain) {
        if (NUMBER.matcher(plain).matches()) {
            return Kind.NUMBER;
        }
        if (LITERALS.contains(plain.toLowerCase(Locale.ROOT))) {
            return Kind.LITERAL;
        }
        if (plain.equals("{}") || plain.equals("[]") || BLOCK.matcher(plain).matches()) {
            return Kind.FLOW;
        }
        return Kind.PLAIN;
    }

    /** The content of a quoted scalar (enough to compare with the mask; escapes other than quotes are kept). */
    private static String unquote(String raw) {
        if (raw.length() >= 2 && raw.charAt(0) == '"' && raw.endsWith("\"")) {
            return raw.substring(1, raw.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        if (raw.length() >= 2 && raw.charAt(0) == '\'' && raw.endsWith("'")) {
            return raw.substring(1, raw.length() - 1).replace("''", "'");
        }
        return raw;
    }
}
