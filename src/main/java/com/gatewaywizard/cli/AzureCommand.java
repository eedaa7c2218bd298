package com.gatewaywizard.cli;

import com.gatewaywizard.Logging;
import com.gatewaywizard.azure.AzureProblems;
import com.gatewaywizard.azure.Explanation;
import com.gatewaywizard.cli.Commands.UsageException;
import com.gatewaywizard.spec.Names;
import com.gatewaywizard.spec.Problem;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The frame of every command that talks to Azure: parse the command's flags and the shared {@link AzureOptions},
 * check everything that can be checked before signing in ({@link #prepare}), sign in (or start the simulator), run,
 * and turn any failure into a plain sentence on stderr with exit code 1 (never a stack trace). Ctrl-C interrupts the
 * work (a deploy then stops sending) and closes the session.
 */
abstract class AzureCommand implements Command {
    private static final Logger LOG = LoggerFactory.getLogger(AzureCommand.class);

    /** The work to do once signed in; returns the exit code. */
    @FunctionalInterface
    interface Job {
        int run(AzureSession session) throws Exception;
    }

    /** What {@link #prepare} decided: exit now with {@code code} (job null), or run {@code job}. */
    record Plan(int code, Job job) {
        static Plan exit(int code) {
            return new Plan(code, null);
        }

        static Plan run(Job job) {
            return new Plan(OK, job);
        }
    }

    /** The command's own flags; the shared Azure options are added to them. */
    abstract Flags flags();

    /**
     * Reads and checks the arguments without any network call (usage errors, bad input) and returns the plan.
     */
    abstract Plan prepare(Flags.Parsed f, AzureOptions options, Console console, SecretSources secrets)
            throws UsageException, CliProblem;

    /** Code of the --json problem for a usage error (exit code 2). */
    static final String USAGE_CODE = "USAGE";

    /**
     * With --json, what a failure before the command's own output prints on stdout: {@code ok: false} and the
     * problem (severity, code, field, message, fix); preflight and deploy add the fields of their own result.
     */
    com.fasterxml.jackson.databind.node.ObjectNode failureJson() {
        return Json.object().put("ok", false);
    }

    private void printFailure(Console console, Problem problem) {
        var o = failureJson();
        o.set("problems", Json.problems(List.of(problem)));
        console.out().println(Json.text(o));
        console.out().flush();
    }

    /** True when the arguments ask for --json (before a {@code --}), even when they cannot all be parsed. */
    static boolean jsonAsked(List<String> args) {
        for (String a : args) {
            if (a.equals("--")) {
                return false;
            }
            if (a.equals("--json") || a.equalsIgnoreCase("--json=true")) {
                return true;
            }
        }
        return false;
    }

    /** The option a usage message starts with ("--subscription is given…"), as the problem's field; else "". */
    private static String usageField(String message) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(--[a-z][a-z-]*)").matcher(message);
        return m.find() ? m.group(1) : "";
    }

    @Override
    public final int run(List<String> args, Console console) throws UsageException {
        try {
            return runParsed(args, console);
        } catch (UsageException e) {
            if (jsonAsked(args)) {
                printFailure(console, Problem.error(USAGE_CODE, usageField(e.getMessage()), e.getMessage(),
                        "Run 'gateway-wizard " + name() + " --help' for usage."));
            }
            throw e;
        }
    }

    private int runParsed(List<String> args, Console console) throws UsageException {
        Flags.Parsed f = AzureOptions.addTo(flags()).parse(args);
        SecretSources secrets = new SecretSources(console);
        AzureOptions options = AzureOptions.parse(f, console, secrets);
        Logging.setVerbose(options.verbose());
        Plan plan;
        try {
            plan = prepare(f, options, console, secrets);
        } catch (CliProblem p) {
            console.err().println("error: " + p.getMessage());
            if (options.json()) {
                printFailure(console, problem(p));
            }
            return PROBLEM;
        }
        if (plan.job() == null) {
            return plan.code();
        }
        LOG.info("{}: {} on {}", name(), "starting", options.cloud());
        Thread worker = Thread.currentThread();
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            worker.interrupt();
            try {
                done.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name() + "-ctrl-c");
        boolean hooked = addHook(hook);
        try (AzureSession session = AzureSession.open(options, console)) {
            int code;
            try {
                code = plan.job().run(session);
            } catch (RuntimeException | LinkageError e) {
                session.failed();
                throw e;
            }
            LOG.info("{}: exit code {}", name(), code);
            return code;
        } catch (CliProblem p) {
            LOG.info("{}: {}", name(), p.getMessage());
            console.err().println("error: " + p.getMessage());
            if (options.json()) {
                printFailure(console, problem(p));
            }
            return PROBLEM;
        } catch (InterruptedException e) {
            console.err().println("stopped.");
            return PROBLEM;
        } catch (Exception | LinkageError e) {
            Explanation x = AzureProblems.explain(e, options.endpoint(false),
                    options.cloud() == com.gatewaywizard.azure.CloudKind.SIMULATOR);
            LOG.warn("{} failed: {} ({})", name(), x.code(), e.getClass().getName());
            LOG.debug("{} failure details", name(), e);
            console.err().println("error: " + CliWords.of(x));
            if (options.json()) {
                printFailure(console, Problem.error(x.code(),
                        AzureProblems.NETWORK.equals(x.code()) ? com.gatewaywizard.azure.Preflight.CLOUD_FIELD : "",
                        x.title() + ": " + x.message(), x.nextStep()));
            }
            return PROBLEM;
        } finally {
            done.countDown();
            if (hooked) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running
                }
            }
            console.out().flush();
            console.err().flush();
        }
    }

    private static Problem problem(CliProblem p) {
        // the messages end with the next step after a dash: "no gateway named 'x' in … — run 'gateway-wizard list' …"
        String m = p.getMessage();
        int dash = m.lastIndexOf(" \u2014 ");
        return dash < 0 ? Problem.error(p.code(), p.field(), m, "")
                : Problem.error(p.code(), p.field(), m.substring(0, dash), m.substring(dash + 3));
    }

    private static boolean addHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException | SecurityException e) {
            return false;
        }
    }

    /** The usage text: the command's own part, then the shared Azure options. */
    static String usage(String own) {
        return usage(own, AzureOptions.SUBSCRIPTION_USAGE);
    }

    /** {@link #usage(String)} with the command's own --subscription line. */
    static String usage(String own, String subscriptionLine) {
        return own + "\n" + AzureOptions.usage(subscriptionLine)
                + "\nExit codes: 0 ok, 1 a problem was found or the operation failed (explained on stderr), 2 usage error.\n";
    }

    /** The single NAME argument of status, logs, start, stop, restart and delete. */
    static String name(Flags.Parsed f) throws UsageException {
        List<String> pos = f.positionals();
        if (pos.isEmpty()) {
            throw new UsageException("give the gateway's name (its container group), e.g. keeper-gateway");
        }
        if (pos.size() > 1) {
            throw new UsageException("give one gateway name, not " + pos.size());
        }
        String n = pos.get(0);
        if (!Names.isValid(n)) {
            throw new UsageException(invalidName(n));
        }
        return n;
    }

    /**
     * Why {@code n} is no container group name, with the nearest valid one as the wizard suggests it (lowercase,
     * {@code _} and spaces to dashes, cut to the limit). A value that may be a pasted secret (long, random-looking) is
     * neither echoed nor turned into a suggestion.
     */
    static String invalidName(String n) {
        String rule = "lowercase letters, digits and single dashes, up to " + Names.MAX_LENGTH
                + ", starting and ending with a letter or digit";
        if (!nameLike(n)) {
            return "the gateway name given is not a container group name (" + rule + "), e.g. " + Names.FALLBACK;
        }
        String suggestion = Names.suggest(n);
        return "the gateway name " + Flags.quoted(n.length() > 40 ? n.substring(0, 40) + "…" : n)
                + " is not a container group name (" + rule + ")" + (Names.isValid(suggestion) && !suggestion.equals(Names.FALLBACK)
                        ? "; did you mean " + suggestion + "?" : ", e.g. " + Names.FALLBACK);
    }

    /** Text typed as a name (mixed case, '_', '.', spaces), not a token: fit to echo and to turn into a suggestion. */
    private static boolean nameLike(String n) {
        if (n.isEmpty() || n.length() > 100 || !n.matches("[\\p{L}\\p{N} ._-]+") || SecretShapes.kindIn(n).isPresent()) {
            return false;
        }
        // a run of 20 or more letters and digits mixing upper case, lower case and digits looks generated
        java.util.regex.Matcher run = java.util.regex.Pattern.compile("[A-Za-z0-9]{20,}").matcher(n);
        while (run.find()) {
            String r = run.group();
            if (r.matches(".*[A-Z].*") && r.matches(".*[a-z].*") && r.matches(".*[0-9].*")) {
                return false;
            }
        }
        return true;
    }
}
