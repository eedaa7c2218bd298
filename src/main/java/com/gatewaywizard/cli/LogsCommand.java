package com.gatewaywizard.cli;

import com.gatewaywizard.azure.AzureProblems;
import com.gatewaywizard.azure.Explanation;
import com.gatewaywizard.azure.GatewayControl;
import com.gatewaywizard.azure.GatewayRef;
import com.gatewaywizard.azure.LogChunk;
import com.gatewaywizard.azure.LogFollower;
import com.gatewaywizard.cli.Commands.UsageException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code gateway-wizard logs NAME}: the gateway container's log, or with {@code --follow} its new lines as they come,
 * across container restarts (marked), until Ctrl-C.
 */
public final class LogsCommand extends AzureCommand {
    private static final Logger LOG = LoggerFactory.getLogger(LogsCommand.class);
    /** Consecutive failed polls after which --follow gives up. */
    static final int MAX_FAILED_POLLS = 5;

    @Override
    public String name() {
        return "logs";
    }

    @Override
    public String summary() {
        return "print a gateway's log; --follow streams new lines across restarts";
    }

    @Override
    public String usage() {
        return usage("""
                Usage: gateway-wizard logs NAME [--tail N] [--follow] [--timestamps] [--interval SECONDS] [Azure options]

                Prints the log of the gateway container.
                  --tail N            only the last N lines
                  --follow            keep printing new lines (only new ones) until Ctrl-C; a line
                                      "\u2014 container restarted at HH:MM:SS \u2014" marks a restart, and following goes on
                  --timestamps        prefix each line with the time Azure received it
                  --interval SECONDS  how often --follow asks Azure for new lines (default 2)
                With --json: {"name":..., "lines":[...]}, or with --follow one JSON object per line:
                {"line":"..."} and {"restarted":true,"at":"...","restartCount":N}.
                Example: gateway-wizard logs keeper-gateway --tail 20 --follow --cloud simulator=http://127.0.0.1:8443
                """);
    }

    @Override
    Flags flags() {
        // --max-polls is for tests and scripts: stop following after that many polls
        return new Flags().positionals().value("--tail", "--interval", "--max-polls").bool("--follow", "--timestamps");
    }

    @Override
    Plan prepare(Flags.Parsed f, AzureOptions options, Console console, SecretSources secrets) throws UsageException {
        String name = name(f);
        Integer tail = f.has("--tail") ? f.integer("--tail", 0) : null;
        if (tail != null && tail < 0) {
            throw new UsageException("--tail needs a number of lines, 0 or more");
        }
        double interval = f.number("--interval", 2);
        if (interval < 0.01 || interval > 3600) {
            throw new UsageException("--interval needs seconds between 0.01 and 3600");
        }
        int maxPolls = f.integer("--max-polls", Integer.MAX_VALUE);
        if (maxPolls < 1) {
            throw new UsageException("--max-polls needs a number of polls, 1 or more");
        }
        boolean follow = f.flag("--follow");
        boolean timestamps = f.flag("--timestamps");
        if (!follow && f.has("--interval")) {
            throw new UsageException("--interval is for --follow");
        }
        return Plan.run(session -> {
            GatewayRef ref = session.gateway(name);
            GatewayControl control = session.services().control();
            if (!follow) {
                String text = control.logs(ref, tail, timestamps);
                List<String> lines = text == null || text.isEmpty() ? List.of() : text.lines().toList();
                if (options.json()) {
                    var o = Json.object().put("name", ref.name());
                    var a = o.putArray("lines");
                    lines.forEach(a::add);
                    console.out().println(Json.text(o));
                } else {
                    lines.forEach(console.out()::println);
                }
                return OK;
            }
            return follow(control.follow(ref, timestamps), tail, (long) (interval * 1000), maxPolls, options.json(), console);
        });
    }

    /** The follow loop: only new lines, a marker at each restart, a few failed polls tolerated. */
    static int follow(LogFollower follower, Integer tail, long intervalMillis, int maxPolls, boolean json, Console console)
            throws InterruptedException {
        PrintStream out = console.out();
        int failures = 0;
        for (int poll = 1; poll <= maxPolls; poll++) {
            if (poll > 1) {
                Thread.sleep(intervalMillis);
            }
            LogChunk chunk;
            try {
                chunk = follower.poll();
                failures = 0;
            } catch (RuntimeException e) {
                Explanation x = AzureProblems.explain(e);
                LOG.info("log poll failed: {}", x.code());
                if (++failures >= MAX_FAILED_POLLS) {
                    console.err().println("error: stopped following: " + CliWords.of(x));
                    return PROBLEM;
                }
                console.err().println("warning: could not read the log (" + x.title() + "); trying again");
                continue;
            }
            List<String> lines = chunk.lines();
            if (poll == 1) {
                if (tail != null && lines.size() > tail) {
                    lines = lines.subList(lines.size() - tail, lines.size());
                }
            } else if (chunk.restarted()) {
                Instant at = chunk.restartDetectedAt() != null ? chunk.restartDetectedAt() : Instant.now();
                if (json) {
                    out.println(Json.line(Json.object().put("restarted", true).put("at", at.toString())
                            .put("restartCount", chunk.restartCount())));
                } else {
                    out.println("\u2014 container restarted at " + Human.clock(at) + " \u2014");
                }
            }
            for (String l : lines) {
                out.println(json ? Json.line(Json.object().put("line", l)) : l);
            }
            out.flush();
        }
        return OK;
    }
}
