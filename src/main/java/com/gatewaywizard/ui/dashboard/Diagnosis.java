package com.gatewaywizard.ui.dashboard;

import com.gatewaywizard.azure.ContainerStateInfo;
import com.gatewaywizard.azure.EventInfo;
import com.gatewaywizard.azure.Explanation;
import com.gatewaywizard.azure.GatewayStatus;
import com.gatewaywizard.keeper.Endpoint;
import com.gatewaywizard.keeper.KeeperRegion;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a gateway's status, events and recent log lines and names the known failures with the next step: Docker Hub
 * 429 and "manifest unknown" pulls (add or fix the PAT, check the tag), a restart loop with the gateway's own error
 * line, failing probes, quota, and a gateway stuck in Pending/Waiting with no events (outbound blocked: NSG, route
 * table, NAT; with the Keeper endpoints of its region). Event texts are explained by the azure layer's
 * {@code AzureProblems.explainEvent} when given; our own rules cover what it leaves out. No JavaFX.
 */
public final class Diagnosis {
    public static final Duration STUCK_AFTER = Duration.ofMinutes(5);
    private static final Set<String> PULL_CODES = Set.of("DOCKER_RATE_LIMIT", "DOCKER_RATE_LIMIT_ACCOUNT", "IMAGE_NOT_FOUND", "REGISTRY_AUTH",
            "DockerHubRateLimited", "ImagePullFailed", "PullBackOff");
    private static final Set<String> OWN_PULL_CODES = Set.of("DOCKER_RATE_LIMIT", "DOCKER_RATE_LIMIT_ACCOUNT", "IMAGE_NOT_FOUND", "REGISTRY_AUTH");
    private static final Pattern REGION_LINE = Pattern.compile("Keeper region \\S+ \\(([^)]+)\\)");

    private final ResourceBundle t;
    private final Function<EventInfo, Explanation> explainEvent;
    private final Duration stuckAfter;

    /** {@code explainEvent} may be null or return null for events it does not know. */
    public Diagnosis(ResourceBundle t, Function<EventInfo, Explanation> explainEvent, Duration stuckAfter) {
        this.t = t;
        this.explainEvent = explainEvent == null ? e -> null : explainEvent;
        this.stuckAfter = stuckAfter;
    }

    /**
     * The findings for {@code s}, most important first; empty when nothing is wrong.
     *
     * @param logTail     the latest log lines (without timestamps), possibly empty
     * @param keeperHost  the config's Keeper host when known (from the spec deployed in this session), else null:
     *                    then the log's "Keeper region" line is used
     */
    public List<Finding> of(GatewayStatus s, List<String> logTail, String keeperHost, Instant now) {
        List<Finding> out = new ArrayList<>();
        Set<String> codes = new LinkedHashSet<>();
        boolean up = s.running() && s.current() != null && "Running".equalsIgnoreCase(s.current().state());
        for (EventInfo e : s.events()) {
            Finding f = fromEvent(e);
            if (f != null && up && PULL_CODES.contains(f.code())) {
                continue; // an old failed pull of a container that now runs is history, not a problem
            }
            if (f != null && codes.add(f.code())) {
                out.add(f);
            }
        }
        if (out.stream().anyMatch(f -> OWN_PULL_CODES.contains(f.code()))) {
            out.removeIf(f -> f.code().equals("PullBackOff")); // "waiting to retry the pull" repeats the cause above
        }
        Finding loop = restartLoop(s, logTail);
        if (loop != null && codes.add(loop.code())) {
            // ours quotes the gateway's error line; the layer's generic crash-loop text would repeat it
            out.removeIf(f -> f.code().equals("CrashLoop"));
            out.add(loop);
        }
        Finding stuck = stuck(s, logTail, keeperHost, now);
        if (stuck != null && codes.add(stuck.code())) {
            out.add(stuck);
        }
        return out;
    }

    private Finding fromEvent(EventInfo e) {
        String msg = e.message() == null ? "" : e.message();
        String m = msg.toLowerCase(Locale.ROOT);
        String name = e.name() == null ? "" : e.name();
        boolean warning = "Warning".equalsIgnoreCase(e.type()) || name.equalsIgnoreCase("Failed") || name.equalsIgnoreCase("BackOff");
        Explanation x = warning ? explainEvent.apply(e) : null;
        String ownCode = null;
        if (m.contains("429") || m.contains("toomanyrequests") || m.contains("too many requests")) {
            ownCode = com.gatewaywizard.azure.AzureProblems.byAuthenticatedUser(m) ? "DOCKER_RATE_LIMIT_ACCOUNT" : "DOCKER_RATE_LIMIT";
        } else if (m.contains("manifest unknown") || (m.contains("not found") && m.contains("pull"))) {
            ownCode = "IMAGE_NOT_FOUND";
        } else if (m.contains("unauthorized") || m.contains("authentication required") || m.contains("denied")) {
            ownCode = "REGISTRY_AUTH";
        } else if (name.equalsIgnoreCase("Unhealthy") || m.contains("probe failed")) {
            ownCode = "PROBE_FAILED";
        } else if (m.contains("quota")) {
            ownCode = "QUOTA";
        }
        if (ownCode == null && x == null) {
            return null;
        }
        if (ownCode != null) {
            String k = "dash.diag." + ownCode.toLowerCase(Locale.ROOT);
            return new Finding(ownCode, t.getString(k + ".title"), fmt(k + ".message", e.name(), e.count()),
                    t.getString(k + ".next"), msg);
        }
        if (x.nextStep() == null || x.nextStep().isBlank()) {
            return null; // informational (Pulling, Started, Killing): nothing to do
        }
        return new Finding(x.code() == null ? name : x.code(), x.title(), x.message(), x.nextStep(), msg);
    }

    private Finding restartLoop(GatewayStatus s, List<String> logTail) {
        ContainerStateInfo prev = s.previous();
        boolean crashed = prev != null && prev.exitCode() != null && prev.exitCode() != 0;
        boolean backOff = s.events().stream().anyMatch(e -> "BackOff".equalsIgnoreCase(e.name()));
        if (!(s.restartCount() >= 2 && (crashed || backOff)) && !(crashed && s.restartCount() >= 1 && backOff)) {
            return null;
        }
        String line = errorLine(logTail);
        Integer code = prev == null ? null : prev.exitCode();
        return new Finding("RESTART_LOOP", t.getString("dash.diag.restart_loop.title"),
                fmt("dash.diag.restart_loop.message", s.restartCount(), code == null ? "?" : code),
                t.getString(line != null && line.toLowerCase(Locale.ROOT).contains("config")
                        ? "dash.diag.restart_loop.next.config" : "dash.diag.restart_loop.next"),
                line);
    }

    /**
     * The gateway's own error line: the first line of the last block of ERROR lines (the cause, before the
     * "exiting" line that follows it), or null.
     */
    static String errorLine(List<String> logTail) {
        int last = -1;
        for (int i = logTail.size() - 1; i >= 0; i--) {
            if (isError(logTail.get(i))) {
                last = i;
                break;
            }
        }
        if (last < 0) {
            return null;
        }
        int first = last;
        while (first > 0 && isError(logTail.get(first - 1))) {
            first--;
        }
        return logTail.get(first);
    }

    private static boolean isError(String l) {
        String u = l.toUpperCase(Locale.ROOT);
        return u.contains("ERROR") || u.contains("CRITICAL") || u.contains("FATAL");
    }

    private Finding stuck(GatewayStatus s, List<String> logTail, String keeperHost, Instant now) {
        String state = s.state() == null ? "" : s.state();
        String cur = s.current() == null || s.current().state() == null ? "" : s.current().state();
        boolean waiting = state.equalsIgnoreCase("Pending") || cur.equalsIgnoreCase("Waiting")
                || (state.isEmpty() && s.transitioning());
        if (!waiting || !s.events().isEmpty()) {
            return null;
        }
        Instant since = s.createdAt() != null ? s.createdAt() : s.containerStarted();
        if (since == null || Duration.between(since, now).compareTo(stuckAfter) < 0) {
            return null;
        }
        String host = keeperHost;
        if (host == null) {
            for (String l : logTail) {
                Matcher m = REGION_LINE.matcher(l);
                if (m.find()) {
                    host = m.group(1);
                }
            }
        }
        String detail;
        if (host != null) {
            List<Endpoint> eps = KeeperRegion.endpointsFor(host);
            detail = Endpoint.table(eps);
        } else {
            StringBuilder sb = new StringBuilder(t.getString("dash.diag.stuck.regionUnknown")).append('\n');
            for (KeeperRegion r : KeeperRegion.values()) {
                sb.append("  ").append(r.name()).append(": ").append(r.routerHost()).append(", ").append(r.relayHost()).append('\n');
            }
            detail = sb.toString();
        }
        long minutes = Duration.between(since, now).toMinutes();
        return new Finding("STUCK_PENDING", t.getString("dash.diag.stuck.title"), fmt("dash.diag.stuck.message", minutes),
                t.getString("dash.diag.stuck.next"), detail);
    }

    private String fmt(String key, Object... args) {
        return MessageFormat.format(t.getString(key), args);
    }
}
