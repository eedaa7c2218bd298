package com.gatewaywizard.manifest;

import java.math.BigInteger;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The YAML 1.1 scalar rules that matter for manifests, in one place.
 *
 * <p><b>Reading</b> follows PyYAML's {@code SafeLoader}, because {@code az container create --file} loads the file
 * with {@code yaml.safe_load} (reference/azcli.md §1): {@link PyYamlResolver} carries PyYAML's implicit resolvers
 * (which differ from SnakeYAML's: PyYAML's floats need a dot and a signed exponent, so {@code 1e3} stays a string),
 * and {@link #pyInt}/{@link #pyFloat} construct values as PyYAML does ({@code 010} → 8, {@code 0x1F} → 31,
 * {@code 12:30} → 750, {@code 1_000} → 1000).
 *
 * <p><b>Writing</b> uses {@link #needsQuotes}: a string is written plain only when it is made of a small set of
 * safe characters <em>and</em> no reader we know of would type it as anything but a string: PyYAML, SnakeYAML's
 * YAML 1.1 resolver, the YAML 1.1 spec's wider boolean set ({@code y/Y/n/N}) and the YAML 1.2 core schema.
 * Everything else is double-quoted (the one style that can escape any character).
 */
public final class Yaml11 {

    // PyYAML 6.0 resolver.py, verbatim apart from Java syntax.
    static final Pattern PY_BOOL = Pattern.compile(
            "^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$");
    static final Pattern PY_FLOAT = Pattern.compile(
            "^(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?"
                    + "|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
                    + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
                    + "|[-+]?\\.(?:inf|Inf|INF)"
                    + "|\\.(?:nan|NaN|NAN))$");
    static final Pattern PY_INT = Pattern.compile(
            "^(?:[-+]?0b[0-1_]+"
                    + "|[-+]?0[0-7_]+"
                    + "|[-+]?(?:0|[1-9][0-9_]*)"
                    + "|[-+]?0x[0-9a-fA-F_]+"
                    + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$");
    static final Pattern PY_MERGE = Pattern.compile("^(?:<<)$");
    static final Pattern PY_NULL = Pattern.compile("^(?:~|null|Null|NULL|)$");
    static final Pattern PY_TIMESTAMP = Pattern.compile(
            "^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
                    + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
                    + "(?:[Tt]|[ \\t]+)[0-9][0-9]?"
                    + ":[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?"
                    + "(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$");
    static final Pattern PY_VALUE = Pattern.compile("^(?:=)$");
    /** A date alone (what an unquoted {@code apiVersion: 2018-06-01} is). */
    static final Pattern DATE = Pattern.compile("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
    /** PyYAML's tag for {@code =}; SafeLoader has no constructor for it, so az fails on it. */
    static final Tag VALUE_TAG = new Tag(Tag.PREFIX + "value");

    // The YAML 1.1 spec's full boolean set (SnakeYAML and PyYAML leave out y/Y/n/N; other 1.1 loaders do not).
    private static final Pattern SPEC11_BOOL = Pattern.compile("^(?:y|Y|n|N)$");
    // YAML 1.2 core schema.
    private static final Pattern CORE12 = Pattern.compile(
            "^(?:null|Null|NULL|~|true|True|TRUE|false|False|FALSE"
                    + "|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
                    + "|[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
                    + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
    /** Characters a plain scalar of ours may hold; anything else is quoted. */
    private static final Pattern SAFE_PLAIN = Pattern.compile("^[A-Za-z0-9_/<][A-Za-z0-9_./<>@+=:-]*$");
    /** az CLI expands {@code ${NAME}} in plain scalars from its environment (azcli.md §1). */
    static final Pattern ENV_EXPANSION = Pattern.compile("\\$\\{[^}{]+\\}");

    private static final Resolver SNAKE_DEFAULT = new Resolver();

    private Yaml11() {
    }

    /** SnakeYAML resolver with PyYAML's implicit resolvers, so composed nodes carry the tags az would see. */
    public static final class PyYamlResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, PY_BOOL, "yYnNtTfFoO");
            addImplicitResolver(Tag.FLOAT, PY_FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.INT, PY_INT, "-+0123456789");
            addImplicitResolver(Tag.MERGE, PY_MERGE, "<");
            addImplicitResolver(Tag.NULL, PY_NULL, "~nN\0");
            addImplicitResolver(Tag.TIMESTAMP, PY_TIMESTAMP, "0123456789");
            addImplicitResolver(VALUE_TAG, PY_VALUE, "=");
        }
    }

    /** The tag PyYAML gives a plain scalar with this text. */
    public static Tag pyTag(String plain) {
        if (plain.isEmpty() || PY_NULL.matcher(plain).matches()) {
            return Tag.NULL;
        }
        if (PY_BOOL.matcher(plain).matches()) {
            return Tag.BOOL;
        }
        if (PY_FLOAT.matcher(plain).matches()) {
            return Tag.FLOAT;
        }
        if (PY_INT.matcher(plain).matches()) {
            return Tag.INT;
        }
        if (PY_MERGE.matcher(plain).matches()) {
            return Tag.MERGE;
        }
        if (PY_TIMESTAMP.matcher(plain).matches()) {
            return Tag.TIMESTAMP;
        }
        if (PY_VALUE.matcher(plain).matches()) {
            return VALUE_TAG;
        }
        return Tag.STR;
    }

    /** PyYAML's {@code construct_yaml_int}. */
    public static BigInteger pyInt(String text) {
        String v = text.replace("_", "");
        int sign = 1;
        if (v.startsWith("-")) {
            sign = -1;
            v = v.substring(1);
        } else if (v.startsWith("+")) {
            v = v.substring(1);
        }
        BigInteger r;
        if (v.equals("0")) {
            r = BigInteger.ZERO;
        } else if (v.startsWith("0b")) {
            r = new BigInteger(v.substring(2), 2);
        } else if (v.startsWith("0x")) {
            r = new BigInteger(v.substring(2), 16);
        } else if (v.startsWith("0")) {
            r = new BigInteger(v, 8);
        } else if (v.contains(":")) {
            r = BigInteger.ZERO;
            BigInteger base = BigInteger.ONE;
            String[] digits = v.split(":");
            for (int i = digits.length - 1; i >= 0; i--) {
                r = r.add(new BigInteger(digits[i]).multiply(base));
                base = base.multiply(BigInteger.valueOf(60));
            }
        } else {
            r = new BigInteger(v);
        }
        return sign < 0 ? r.negate() : r;
    }

    /** PyYAML's {@code construct_yaml_float}; may return infinities or NaN. */
    public static double pyFloat(String text) {
        String v = text.replace("_", "").toLowerCase(java.util.Locale.ROOT);
        double sign = 1;
        if (v.startsWith("-")) {
            sign = -1;
            v = v.substring(1);
        } else if (v.startsWith("+")) {
            v = v.substring(1);
        }
        if (v.equals(".inf")) {
            return sign * Double.POSITIVE_INFINITY;
        }
        if (v.equals(".nan")) {
            return Double.NaN;
        }
        if (v.contains(":")) {
            String[] digits = v.split(":");
            double r = 0;
            double base = 1;
            for (int i = digits.length - 1; i >= 0; i--) {
                r += Double.parseDouble(digits[i]) * base;
                base *= 60;
            }
            return sign * r;
        }
        return sign * Double.parseDouble(v);
    }

    /**
     * True when {@code s} must be quoted to stay the same string for every YAML reader we care about: it is not
     * made only of safe characters, or some YAML 1.1 or 1.2 reader would give it another type.
     */
    public static boolean needsQuotes(String s) {
        if (s.isEmpty() || !SAFE_PLAIN.matcher(s).matches() || s.endsWith(":") || s.startsWith("<<")) {
            return true;
        }
        return pyTag(s) != Tag.STR
                || !Tag.STR.equals(SNAKE_DEFAULT.resolve(NodeId.scalar, s, true))
                || SPEC11_BOOL.matcher(s).matches()
                || CORE12.matcher(s).matches();
    }

    /** The double-quoted YAML form of {@code s}: escapes quotes, backslashes, controls, line breaks and format characters. */
    public static String doubleQuoted(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            if (n == 1 && Character.isSurrogate(s.charAt(i))) {
                sb.append(String.format("\\u%04X", (int) s.charAt(i)));
            } else {
                switch (cp) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\t' -> sb.append("\\t");
                    case '\r' -> sb.append("\\r");
                    case 0 -> sb.append("\\0");
                    default -> {
                        if (mustEscape(cp)) {
                            if (cp <= 0xFF) {
                                sb.append(String.format("\\x%02X", cp));
                            } else if (cp <= 0xFFFF) {
                                sb.append(String.format("\\u%04X", cp));
                            } else {
                                sb.append(String.format("\\U%08X", cp));
                            }
                        } else {
                            sb.appendCodePoint(cp);
                        }
                    }
                }
            }
            i += n;
        }
        return sb.append('"').toString();
    }

    /** The single-quoted form, or {@code null} when {@code s} holds a character single quotes cannot carry safely. */
    public static String singleQuoted(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return null;
            }
        }
        return "'" + s.replace("'", "''") + "'";
    }

    /**
     * Characters written as escapes: everything outside YAML's printable set, the YAML 1.1 line breaks
     * (NEL, LS, PS) and invisible format characters (bidi overrides, zero-width, BOM), so nothing hides in a preview.
     */
    static boolean mustEscape(int cp) {
        if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 || cp == 0xFFFE || cp == 0xFFFF) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
                || type == Character.SURROGATE || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
