package com.gatewaywizard.cli;

import com.gatewaywizard.azure.ContainerStateInfo;
import com.gatewaywizard.azure.EventInfo;
import com.gatewaywizard.azure.Explanation;
import com.gatewaywizard.azure.GatewayStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The human-readable forms of the Azure commands' output. */
final class Human {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private Human() {
    }

    /** Local wall-clock time, {@code HH:mm:ss}. */
    static String clock(Instant t) {
        return t == null ? "--:--:--" : CLOCK.format(t);
    }

    static String dateTime(Instant t) {
        return t == null ? "-" : DATE_TIME.format(t);
    }

    static String orDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }

    static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    /** The group's state, with the provisioning state when they differ (e.g. "Pending (provisioning Creating)"). */
    static String state(GatewayStatus s) {
        String state = orDash(s.state());
        String prov = s.provisioningState();
        if (prov != null && !prov.isBlank() && !prov.equalsIgnoreCase("Succeeded") && !prov.equalsIgnoreCase(s.state())) {
            return state + " (provisioning " + prov + ")";
        }
        return state;
    }

    /** One row per gateway: name, resource group, state, IP, restarts, region (and subscription when several). */
    static List<String> table(List<GatewayStatus> gateways, boolean withSubscription) {
        List<String[]> rows = new ArrayList<>();
        rows.add(withSubscription
                ? new String[] {"NAME", "RESOURCE GROUP", "STATE", "IP", "RESTARTS", "REGION", "SUBSCRIPTION"}
                : new String[] {"NAME", "RESOURCE GROUP", "STATE", "IP", "RESTARTS", "REGION"});
        for (GatewayStatus g : gateways) {
            String[] r = {g.ref().name(), g.ref().resourceGroup(), state(g), orDash(g.ip()),
                    String.valueOf(g.restartCount()), orDash(g.region())};
            if (withSubscription) {
                r = java.util.Arrays.copyOf(r, 7);
                r[6] = g.ref().subscriptionId();
            }
            rows.add(r);
        }
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < cols; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        List<String> out = new ArrayList<>();
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < cols; i++) {
                sb.append(r[i]);
                if (i < cols - 1) {
                    sb.append(" ".repeat(width[i] - r[i].length() + 2));
                }
            }
            out.add(sb.toString().stripTrailing());
        }
        return out;
    }

    /** {@code gateway-wizard status NAME}: state, network, image, container runs, events and what a warning means. */
    static List<String> status(GatewayStatus s, List<Explanation> warnings) {
        List<String> out = new ArrayList<>();
        out.add(s.ref().name() + "  (" + s.ref().resourceGroup() + ", " + orDash(s.region()) + ")");
        out.add("  state        " + state(s));
        out.add("  ip           " + orDash(s.ip()));
        out.add("  image        " + orDash(s.image()) + "  (" + number(s.cpu()) + " CPU, " + number(s.memoryGb()) + " GB)");
        out.add("  container    " + container(s.current()) + "; restarts " + s.restartCount());
        if (s.previous() != null && s.previous().state() != null) {
            out.add("  previous     " + container(s.previous()));
        }
        if (s.pool() != null && !s.pool().equals(s.ref().name())) {
            out.add("  pool         " + s.pool() + " (instance " + s.instance() + ")");
        }
        if (!s.managedByUs()) {
            out.add("  note         not created by Gateway Wizard (no managed-by tag)");
        }
        out.add("  id           " + s.ref().id());
        if (!s.events().isEmpty()) {
            out.add("  events (newest first):");
            java.util.Set<String> explained = new java.util.HashSet<>();
            for (EventInfo e : s.events()) {
                out.add("    " + clock(e.lastTimestamp() != null ? e.lastTimestamp() : e.firstTimestamp()) + "  "
                        + pad(orDash(e.type()), 7) + " " + pad(orDash(e.name()), 8) + " " + orDash(e.message())
                        + (e.count() > 1 ? " (x" + e.count() + ")" : ""));
                String meaning = "Warning".equalsIgnoreCase(e.type())
                        ? CliWords.meaning(e.type(), e.name(), e.message(), e.count()) : null;
                if (meaning != null && explained.add(meaning) && warnings.stream().noneMatch(x -> CliWords.of(x).equals(meaning))) {
                    out.add("             means: " + meaning);
                }
            }
        }
        for (Explanation x : warnings) {
            out.add("  problem      " + CliWords.of(x));
        }
        return out;
    }

    static String container(ContainerStateInfo c) {
        if (c == null || c.state() == null) {
            return "-";
        }
        StringBuilder sb = new StringBuilder(c.state());
        if (c.detailStatus() != null && !c.detailStatus().isBlank() && !c.detailStatus().equalsIgnoreCase(c.state())) {
            sb.append(" (").append(c.detailStatus()).append(')');
        }
        if (c.exitCode() != null && !"Running".equalsIgnoreCase(c.state())) {
            sb.append(", exit code ").append(c.exitCode());
        }
        if (c.startTime() != null) {
            sb.append(", started ").append(dateTime(c.startTime()));
        }
        if (c.finishTime() != null) {
            sb.append(", finished ").append(dateTime(c.finishTime()));
        }
        return sb.toString();
    }

    private static String pad(String s, int n) {
        return s.length() >= n ? s : s + " ".repeat(n - s.length());
    }
}
