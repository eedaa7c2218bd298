package com.gatewaywizard.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A tiny {@code sh -c} interpreter for containers started with a command, enough for the scripts people put in ACI
 * examples and tests: {@code echo}, {@code printf}, {@code sleep}, {@code exit}, {@code true}/{@code false},
 * {@code cat /etc/os-release}, {@code env}, {@code while true; do …; done}, {@code for x in …; do …; done}.
 * It runs in simulated time (a {@code sleep 20} takes 20 s at speed 1) and reports syntax errors the way the
 * image's shell would (BusyBox for alpine/busybox images, bash otherwise) with exit code 2.
 */
final class ShellScript implements ContainerProgram {
    /** Lines kept per run: the logs API shows the tail of the current run. */
    static final int MAX_LINES = 5000;
    private static final int MAX_COMMANDS = 200_000;

    static final String OS_RELEASE = """
            NAME="Rocky Linux"
            VERSION="9.5 (Blue Onyx)"
            ID="rocky"
            ID_LIKE="rhel centos fedora"
            VERSION_ID="9.5"
            PLATFORM_ID="platform:el9"
            PRETTY_NAME="Rocky Linux 9.5 (Blue Onyx)"
            ANSI_COLOR="0;32"
            LOGO="fedora-logo-icon"
            CPE_NAME="cpe:/o:rocky:rocky:9::baseos"
            HOME_URL="https://rockylinux.org/"
            BUG_REPORT_URL="https://bugs.rockylinux.org/"
            """;

    private final String script;
    private final boolean busybox;
    private final Map<String, String> env;

    ShellScript(String script, boolean busybox, Map<String, String> env) {
        this.script = script;
        this.busybox = busybox;
        this.env = env;
    }

    // ---- parsing ----------------------------------------------------------------------------------------------

    sealed interface Node permits Simple, Loop, ForLoop, Seq {
    }

    record Simple(List<String> words) implements Node {
    }

    record Loop(boolean until, Node condition, Node body) implements Node {
    }

    record ForLoop(String var, List<String> items, Node body) implements Node {
    }

    record Seq(List<Node> items) implements Node {
    }

    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        final String token;

        SyntaxError(String token) {
            super(token);
            this.token = token;
        }
    }

    /** Tokens: words, and the separators ";" (also newline, "&&", "||", "&"). */
    static List<String> tokenize(String s) throws SyntaxError {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                int end = s.indexOf(c, i + 1);
                if (end < 0) {
                    throw new SyntaxError("EOF");
                }
                word.append(s, i + 1, end);
                inWord = true;
                i = end;
            } else if (c == '\\' && i + 1 < s.length()) {
                word.append(s.charAt(++i));
                inWord = true;
            } else if (c == ';' || c == '\n' || c == '&' || c == '|') {
                if (inWord) {
                    out.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                if ((c == '&' || c == '|') && i + 1 < s.length() && s.charAt(i + 1) == c) {
                    i++;
                }
                out.add(";");
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if (c == '#' && !inWord) {
                int nl = s.indexOf('\n', i);
                i = nl < 0 ? s.length() : nl - 1;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            out.add(word.toString());
        }
        return out;
    }

    static Node parse(String script) throws SyntaxError {
        Deque<String> tokens = new ArrayDeque<>(tokenize(script));
        Node n = parseList(tokens, List.of());
        if (!tokens.isEmpty()) {
            throw new SyntaxError(tokens.peek());
        }
        return n;
    }

    private static Node parseList(Deque<String> tokens, List<String> terminators) throws SyntaxError {
        List<Node> items = new ArrayList<>();
        while (!tokens.isEmpty()) {
            String tok = tokens.peek();
            if (tok.equals(";")) {
                tokens.pop();
                continue;
            }
            if (terminators.contains(tok)) {
                break;
            }
            if (tok.equals("do") || tok.equals("done")) {
                throw new SyntaxError(tok);
            }
            items.add(parseCommand(tokens));
        }
        return new Seq(items);
    }

    private static Node parseCommand(Deque<String> tokens) throws SyntaxError {
        String first = tokens.peek();
        if (first.equals("while") || first.equals("until")) {
            tokens.pop();
            Node cond = parseList(tokens, List.of("do"));
            expect(tokens, "do");
            Node body = parseList(tokens, List.of("done"));
            expect(tokens, "done");
            return new Loop(first.equals("until"), cond, body);
        }
        if (first.equals("for")) {
            tokens.pop();
            String var = tokens.isEmpty() ? "EOF" : tokens.pop();
            List<String> items = new ArrayList<>();
            if ("in".equals(tokens.peek())) {
                tokens.pop();
                while (!tokens.isEmpty() && !tokens.peek().equals(";") && !tokens.peek().equals("do")) {
                    items.add(tokens.pop());
                }
            }
            expectSkippingSeparators(tokens, "do");
            Node body = parseList(tokens, List.of("done"));
            expect(tokens, "done");
            return new ForLoop(var, items, body);
        }
        List<String> words = new ArrayList<>();
        while (!tokens.isEmpty() && !tokens.peek().equals(";")) {
            String w = tokens.peek();
            if (!words.isEmpty() && (w.equals("do") || w.equals("done"))) {
                break;
            }
            words.add(tokens.pop());
        }
        return new Simple(words);
    }

    private static void expect(Deque<String> tokens, String word) throws SyntaxError {
        if (tokens.isEmpty()) {
            throw new SyntaxError("EOF");
        }
        String t = tokens.pop();
        if (!t.equals(word)) {
            throw new SyntaxError(t);
        }
    }

    private static void expectSkippingSeparators(Deque<String> tokens, String word) throws SyntaxError {
        while (";".equals(tokens.peek())) {
            tokens.pop();
        }
        expect(tokens, word);
    }

    // ---- running ----------------------------------------------------------------------------------------------

    private static final class Exit extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int code;

        Exit(int code) {
            super(null, null, false, false);
            this.code = code;
        }
    }

    private static final class Horizon extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Horizon() {
            super(null, null, false, false);
        }
    }

    private final class Machine {
        final long start;
        final long until;
        final Timing timing;
        long t;
        int commands;
        int status;
        final Deque<LogLine> lines = new ArrayDeque<>();
        final StringBuilder partial = new StringBuilder();
        final Map<String, String> vars = new java.util.HashMap<>(env);

        Machine(long start, long until, Timing timing) {
            this.start = start;
            this.until = until;
            this.timing = timing;
            this.t = start;
        }

        void print(String text) {
            partial.append(text);
            int nl;
            while ((nl = partial.indexOf("\n")) >= 0) {
                lines.addLast(new LogLine(t, partial.substring(0, nl)));
                partial.delete(0, nl + 1);
                if (lines.size() > MAX_LINES) {
                    lines.removeFirst();
                }
            }
        }

        void tick(long millis) {
            t += Math.max(1, millis);
            if (t > until) {
                throw new Horizon();
            }
        }

        void exec(Node n) {
            if (n instanceof Seq s) {
                for (Node item : s.items()) {
                    exec(item);
                }
            } else if (n instanceof Loop l) {
                while (true) {
                    exec(l.condition());
                    boolean ok = status == 0;
                    if (ok == l.until()) {
                        status = 0;
                        return;
                    }
                    exec(l.body());
                }
            } else if (n instanceof ForLoop f) {
                for (String item : f.items()) {
                    vars.put(f.var(), expand(item));
                    exec(f.body());
                }
            } else if (n instanceof Simple s) {
                simple(s.words().stream().map(this::expand).toList());
            }
        }

        String expand(String word) {
            return ShellWords.expand(word, v -> vars.getOrDefault(v, ""));
        }

        void simple(List<String> words) {
            if (++commands > MAX_COMMANDS) {
                throw new Horizon();
            }
            tick(1);
            if (words.isEmpty()) {
                return;
            }
            String cmd = words.get(0);
            List<String> args = words.subList(1, words.size());
            status = 0;
            switch (cmd) {
                case "echo" -> {
                    boolean newline = true;
                    List<String> a = args;
                    if (!a.isEmpty() && a.get(0).equals("-n")) {
                        newline = false;
                        a = a.subList(1, a.size());
                    }
                    print(String.join(" ", a) + (newline ? "\n" : ""));
                }
                case "printf" -> print(args.isEmpty() ? "" : args.get(0).replace("\\n", "\n").replace("%s", args.size() > 1 ? args.get(1) : ""));
                case "sleep" -> {
                    double secs;
                    try {
                        secs = args.isEmpty() ? 0 : args.get(0).equals("infinity") ? Double.MAX_VALUE / 4 : Double.parseDouble(args.get(0));
                    } catch (NumberFormatException e) {
                        print("sleep: invalid time interval '" + args.get(0) + "'\n");
                        status = 1;
                        return;
                    }
                    if (secs > 1e9) {
                        throw new Horizon();
                    }
                    tick(timing.loop(Math.round(secs * 1000)));
                }
                case "exit" -> throw new Exit(args.isEmpty() ? status : parseInt(args.get(0)));
                case "true", ":" -> status = 0;
                case "false" -> status = 1;
                case "env", "printenv" -> vars.entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .forEach(e -> print(e.getKey() + "=" + e.getValue() + "\n"));
                case "cat" -> {
                    for (String f : args) {
                        if (f.equals("/etc/os-release")) {
                            print(busybox ? "NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=3.20.3\n" : OS_RELEASE);
                        } else {
                            print("cat: " + f + ": No such file or directory\n");
                            status = 1;
                        }
                    }
                }
                case "date" -> print(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                        .format(java.time.Instant.ofEpochMilli(t).atZone(java.time.ZoneOffset.UTC)) + "\n");
                default -> {
                    print(busybox ? "sh: " + cmd + ": not found\n" : "sh: line 1: " + cmd + ": command not found\n");
                    status = 127;
                }
            }
        }
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s) & 0xFF;
        } catch (NumberFormatException e) {
            return 2;
        }
    }

    @Override
    public Run run(long start, long until, Timing timing) {
        Node program;
        try {
            program = parse(script);
        } catch (SyntaxError e) {
            List<LogLine> lines = new ArrayList<>();
            if (busybox) {
                lines.add(new LogLine(start, "sh: syntax error: unexpected \"" + e.token + "\""));
            } else {
                lines.add(new LogLine(start, "sh: -c: line 1: syntax error near unexpected token `" + e.token + "'"));
                lines.add(new LogLine(start, "sh: -c: line 1: `" + script + "'"));
            }
            long exitAt = start + 1;
            return exitAt <= until ? new Run(lines, exitAt, 2) : new Run(List.of(), -1, 0);
        }
        Machine m = new Machine(start, until, timing);
        int code;
        try {
            m.exec(program);
            code = m.status;
        } catch (Exit e) {
            code = e.code;
        } catch (Horizon h) {
            if (m.partial.length() > 0 && m.t <= until) {
                // keep a trailing partial line visible, as `docker logs` shows it
                m.lines.addLast(new LogLine(m.t, m.partial.toString()));
            }
            return new Run(List.copyOf(m.lines), -1, 0);
        }
        if (m.partial.length() > 0) {
            m.lines.addLast(new LogLine(m.t, m.partial.toString()));
        }
        long exitAt = m.t + 1;
        if (exitAt > until) {
            return new Run(List.copyOf(m.lines), -1, 0);
        }
        return new Run(List.copyOf(m.lines), exitAt, code);
    }
}
