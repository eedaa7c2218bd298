package com.gatewaywizard.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The line-oriented shell behind {@code exec}: a few commands a help-desk user types into a gateway container.
 * Secure environment variables are shown masked: the simulator never keeps their values, and a shared screen
 * should not show them either.
 */
final class ConsoleShell {
    record Result(String output, boolean exit, int exitCode) {
    }

    private final List<World.EnvVar> env;
    private final boolean busybox;
    private final String hostname;
    private String cwd = "/";
    /** The shell program opened: bash names itself "bash", sh "sh" (in its prompt and its errors). */
    private String program = "sh";

    ConsoleShell(List<World.EnvVar> env, boolean busybox, String group) {
        this.env = env;
        this.busybox = busybox;
        this.hostname = "SandboxHost-" + Integer.toHexString(group.hashCode() & 0xFFFFFF);
    }

    /** The interactive shell this console runs as: {@code /bin/bash} prompts {@code bash-5.1#}, {@code /bin/sh} {@code sh-5.1#}. */
    ConsoleShell as(String command) {
        program = command.trim().matches("(/usr)?(/bin/)?bash( -i| -l)?") ? "bash" : "sh";
        return this;
    }

    static boolean isShell(String command) {
        String c = command.trim();
        return c.matches("(/usr)?(/bin/)?(sh|bash|ash|zsh)( -i| -l)?");
    }

    String prompt() {
        return busybox ? cwd + " # " : program + "-5.1# ";
    }

    private List<String[]> environment() {
        List<String[]> out = new ArrayList<>();
        out.add(new String[] {"HOSTNAME", hostname});
        out.add(new String[] {"HOME", "/root"});
        out.add(new String[] {"PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"});
        out.add(new String[] {"PWD", cwd});
        for (World.EnvVar v : env) {
            out.add(new String[] {v.name, v.secure ? "********" : v.value == null ? "" : v.value});
        }
        return out;
    }

    private String var(String name) {
        for (String[] e : environment()) {
            if (e[0].equals(name)) {
                return e[1];
            }
        }
        return "";
    }

    private String expand(String word) {
        return ShellWords.expand(word, this::var);
    }

    private static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean in = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    w.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                in = true;
            } else if (Character.isWhitespace(c)) {
                if (in) {
                    out.add(w.toString());
                    w.setLength(0);
                    in = false;
                }
            } else {
                w.append(c);
                in = true;
            }
        }
        if (in) {
            out.add(w.toString());
        }
        return out;
    }

    /** Runs one input line. Output lines end in CRLF, as a terminal shows them. */
    Result run(String line) {
        List<String> words = words(line).stream().map(this::expand).toList();
        if (words.isEmpty()) {
            return new Result("", false, 0);
        }
        String cmd = words.get(0);
        List<String> args = words.subList(1, words.size());
        StringBuilder out = new StringBuilder();
        int code = 0;
        switch (cmd) {
            case "echo" -> out.append(String.join(" ", args)).append('\n');
            case "env", "printenv" -> {
                if (args.isEmpty()) {
                    environment().forEach(e -> out.append(e[0]).append('=').append(e[1]).append('\n'));
                } else {
                    for (String a : args) {
                        String v = var(a);
                        if (!v.isEmpty()) {
                            out.append(v).append('\n');
                        }
                    }
                }
            }
            case "cat" -> {
                for (String f : args) {
                    if (f.equals("/etc/os-release")) {
                        out.append(ShellScript.OS_RELEASE);
                    } else if (f.equals("/etc/hostname")) {
                        out.append(hostname).append('\n');
                    } else {
                        out.append("cat: ").append(f).append(": No such file or directory\n");
                        code = 1;
                    }
                }
            }
            case "hostname" -> out.append(hostname).append('\n');
            case "pwd" -> out.append(cwd).append('\n');
            case "cd" -> cwd = args.isEmpty() ? "/root" : args.get(0).startsWith("/") ? args.get(0) : (cwd.equals("/") ? "/" : cwd + "/") + args.get(0);
            case "whoami" -> out.append("root\n");
            case "id" -> out.append("uid=0(root) gid=0(root) groups=0(root)\n");
            case "uname" -> out.append(args.contains("-a") ? "Linux " + hostname + " 5.15.164.1-microsoft-standard #1 SMP x86_64 x86_64 x86_64 GNU/Linux\n"
                    : "Linux\n");
            case "ls" -> out.append(cwd.equals("/") ? "bin   dev  etc   home  lib  lib64  opt  proc  root  run  sbin  srv  sys  tmp  usr  var\n" : "");
            case "date" -> out.append(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC)))
                    .append('\n');
            case "true", ":" -> code = 0;
            case "false" -> code = 1;
            case "clear" -> out.append("\u001b[H\u001b[2J");
            case "exit", "logout" -> {
                int c = 0;
                try {
                    c = args.isEmpty() ? 0 : Integer.parseInt(args.get(0));
                } catch (NumberFormatException e) {
                    c = 2;
                }
                return new Result("", true, c);
            }
            default -> {
                out.append(busybox ? "sh: " + cmd + ": not found\n" : program + ": " + cmd + ": command not found\n");
                code = 127;
            }
        }
        return new Result(out.toString().replace("\n", "\r\n"), false, code);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
