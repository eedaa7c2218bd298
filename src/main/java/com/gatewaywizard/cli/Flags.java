package com.gatewaywizard.cli;

import com.gatewaywizard.cli.Commands.UsageException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The CLI's flag parser, shared by every command: {@code --flag value} and {@code --flag=value}, boolean flags
 * ({@code --debug}, {@code --debug=false}), repeatable flags ({@code --tag a=1 --tag b=2}), positional arguments
 * and {@code --} to end the options. Anything unknown is a {@link UsageException} (exit code 2).
 *
 * <p>Error messages never repeat an argument's <em>value</em>: a user who types a secret where it does not belong
 * ({@code --docker-pat dckr_pat_…}, or a token as a stray argument) must not see it echoed into a terminal log.
 * Flags can be {@linkplain #refuse refused} with a pointer to the safe alternative.
 */
public final class Flags {
    private enum Kind { VALUE, REPEATED, BOOLEAN }

    private final Map<String, Kind> kinds = new LinkedHashMap<>();
    private final Map<String, String> refused = new LinkedHashMap<>();
    private boolean positionals;

    /** Flags taking one value, at most once. */
    public Flags value(String... names) {
        for (String n : names) {
            kinds.put(n, Kind.VALUE);
        }
        return this;
    }

    /** Flags taking a value, any number of times. */
    public Flags repeated(String... names) {
        for (String n : names) {
            kinds.put(n, Kind.REPEATED);
        }
        return this;
    }

    /** Flags without a value ({@code --x}, or {@code --x=true|false}). */
    public Flags bool(String... names) {
        for (String n : names) {
            kinds.put(n, Kind.BOOLEAN);
        }
        return this;
    }

    /** A flag that is refused with {@code why} (e.g. a secret as a plain value, which shell history keeps). */
    public Flags refuse(String name, String why) {
        refused.put(name, why);
        return this;
    }

    /** Allows positional arguments (file names). */
    public Flags positionals() {
        positionals = true;
        return this;
    }

    public Parsed parse(List<String> args) throws UsageException {
        Map<String, List<String>> values = new LinkedHashMap<>();
        List<String> pos = new ArrayList<>();
        boolean onlyPositionals = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (onlyPositionals || a.equals("-") || !a.startsWith("-")) {
                refuseSecret("argument " + (i + 1), a);
                java.util.regex.Matcher dash = LONG_DASH.matcher(a);
                if (!onlyPositionals && dash.lookingAt()) {
                    throw new UsageException("argument " + (i + 1) + " starts with a long dash (\u2014 or \u2013), as text"
                            + " copied from a document often does; type options with two hyphens, e.g. --"
                            + shownTail(a.substring(dash.end()))
                            + (positionals ? " (or put -- before a file name that really starts so)" : ""));
                }
                if (!positionals) {
                    throw new UsageException("unexpected argument at position " + (i + 1) + " (this command takes options only)");
                }
                pos.add(a);
                continue;
            }
            if (a.equals("--")) {
                onlyPositionals = true;
                continue;
            }
            int eq = a.indexOf('=');
            String name = eq < 0 ? a : a.substring(0, eq);
            String inline = eq < 0 ? null : a.substring(eq + 1);
            if (refused.containsKey(name)) {
                throw new UsageException(name + " is not accepted: " + refused.get(name));
            }
            Kind kind = kinds.get(name);
            if (kind == null) {
                throw new UsageException("unknown option " + shown(name));
            }
            switch (kind) {
                case BOOLEAN -> {
                    String v = inline == null ? "true" : inline.toLowerCase(Locale.ROOT);
                    if (!v.equals("true") && !v.equals("false")) {
                        throw new UsageException(name + " takes no value (or =true / =false)");
                    }
                    values.put(name, List.of(v));
                }
                case VALUE, REPEATED -> {
                    String v = inline;
                    if (v == null) {
                        if (i + 1 >= args.size() || (args.get(i + 1).startsWith("--"))) {
                            throw new UsageException(name + " needs a value");
                        }
                        v = args.get(++i);
                    }
                    refuseSecret(name, v);
                    if (v.isBlank()) {
                        throw new UsageException(name + " is given an empty value; give one, or leave " + name
                                + " away for its default");
                    }
                    List<String> list = values.computeIfAbsent(name, k -> new ArrayList<>());
                    if (kind == Kind.VALUE && !list.isEmpty()) {
                        throw new UsageException(name + " is given more than once");
                    }
                    list.add(v);
                }
            }
        }
        return new Parsed(values, pos);
    }

    /** En dash, em dash, minus sign, figure dash, horizontal bar: what word processors make of "--". */
    private static final java.util.regex.Pattern LONG_DASH = java.util.regex.Pattern.compile("^[\u2010-\u2015\u2212]+");

    /**
     * Refuses {@code value} when it, or a part of it, looks like a secret: the whole value, then each piece between
     * {@code =}, {@code ,}, {@code ;} and spaces ({@code --tag note=dckr_pat_…}, {@code --name "x dckr_pat_…"}).
     */
    private static void refuseSecret(String where, String value) throws UsageException {
        Optional<String> kind = SecretShapes.kindIn(value);
        if (kind.isPresent()) {
            throw new UsageException(SecretShapes.refusal(where, kind.get()));
        }
    }

    private static String shownTail(String name) {
        return name.matches("[A-Za-z0-9][A-Za-z0-9-]{0,40}") ? name : "name";
    }

    /** A value fit to echo in an error: short plain text in quotes, else a neutral phrase (never a long or odd value). */
    static String quoted(String value) {
        return value != null && value.matches("[\\p{Alnum} ._:/+-]{1,40}") && SecretShapes.kindIn(value).isEmpty()
                ? "'" + value + "'" : "(the given value)";
    }

    /** An option name fit to echo: only a plain {@code --word-word}, cut short; never a value. */
    private static String shown(String name) {
        return name.matches("--?[A-Za-z0-9][A-Za-z0-9-]{0,40}") ? name : "(an option that is not plain --name)";
    }

    /** The parsed arguments. */
    public static final class Parsed {
        private final Map<String, List<String>> values;
        private final List<String> positionals;

        Parsed(Map<String, List<String>> values, List<String> positionals) {
            this.values = values;
            this.positionals = List.copyOf(positionals);
        }

        public boolean has(String name) {
            return values.containsKey(name);
        }

        public Optional<String> value(String name) {
            List<String> v = values.get(name);
            return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(v.size() - 1));
        }

        public String value(String name, String fallback) {
            return value(name).orElse(fallback);
        }

        public List<String> values(String name) {
            return Collections.unmodifiableList(values.getOrDefault(name, List.of()));
        }

        /** A boolean flag: true when given (or given {@code =true}). */
        public boolean flag(String name) {
            return value(name).map("true"::equals).orElse(false);
        }

        public List<String> positionals() {
            return positionals;
        }

        /** A number option, or {@code fallback} when absent; a value that is not a number is a usage error. */
        public double number(String name, double fallback) throws UsageException {
            Optional<String> v = value(name);
            if (v.isEmpty()) {
                return fallback;
            }
            try {
                double d = Double.parseDouble(v.get().strip());
                if (Double.isFinite(d)) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // fall through
            }
            throw new UsageException(name + " needs a number, e.g. " + (fallback == Math.rint(fallback) ? (long) fallback : fallback));
        }

        /** A whole-number option, or {@code fallback}; anything else is a usage error. */
        public int integer(String name, int fallback) throws UsageException {
            Optional<String> v = value(name);
            if (v.isEmpty()) {
                return fallback;
            }
            try {
                return Integer.parseInt(v.get().strip());
            } catch (NumberFormatException e) {
                throw new UsageException(name + " needs a whole number, e.g. " + fallback);
            }
        }
    }
}
