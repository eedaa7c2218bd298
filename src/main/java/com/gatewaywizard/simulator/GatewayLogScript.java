package com.gatewaywizard.simulator;

import com.gatewaywizard.keeper.KeeperRegion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scripted log of a Keeper Gateway container: start-up lines, the region it connects to (from the config's
 * hostname when the config could be decoded), a relay check that notices an NSG blocking UDP, then a heartbeat
 * every {@link Timing#HEARTBEAT}. A missing EULA or a malformed config logs the error and exits with code 1.
 * Keeper publishes no text of these lines; they are shaped like a Python service's log (level, logger, message).
 */
final class GatewayLogScript implements ContainerProgram {
    static final String DEFAULT_VERSION = "1.8.4";
    private static final Pattern VERSION_TAG = Pattern.compile(":(\\d+\\.\\d+\\.\\d+)$");

    private final World.ContainerBehaviour behaviour;
    private final String image;
    private final double cpu;
    private final double memoryInGB;

    GatewayLogScript(World.ContainerBehaviour behaviour, String image, double cpu, double memoryInGB) {
        this.behaviour = behaviour;
        this.image = image;
        this.cpu = cpu;
        this.memoryInGB = memoryInGB;
    }

    static String regionName(String hostname) {
        return KeeperRegion.fromHostname(hostname).map(Enum::name).orElse("custom");
    }

    String version() {
        Matcher m = VERSION_TAG.matcher(image);
        return m.find() ? m.group(1) : DEFAULT_VERSION;
    }

    @Override
    public Run run(long start, long until, Timing timing) {
        List<LogLine> lines = new ArrayList<>();
        long step = timing.loop(Timing.LOG_STEP);
        long[] t = {start};
        boolean debug = "debug".equalsIgnoreCase(behaviour.logLevel);
        Emitter out = (level, logger, message) -> {
            if (t[0] <= until) {
                lines.add(new LogLine(t[0], String.format("%-7s %s: %s", level, logger, message)));
            }
            t[0] += step;
        };
        out.line("INFO", "gateway", "Keeper Gateway " + version() + " starting (Rocky Linux 9.5, Python 3.11)");
        out.line("INFO", "gateway", "Log level: " + (debug ? "DEBUG" : "INFO"));
        if (!behaviour.eulaAccepted) {
            out.line("ERROR", "gateway", "The Keeper Gateway EULA has not been accepted. Set ACCEPT_EULA=Y to accept it.");
            return new Run(visible(lines, until), exitAt(t[0], start, timing, until), 1);
        }
        out.line("INFO", "gateway", "EULA accepted (ACCEPT_EULA=Y)");
        out.line("INFO", "gateway.config", "Reading configuration from GATEWAY_CONFIG");
        if (!behaviour.configOk) {
            out.line("ERROR", "gateway.config", "Could not load config data: " + behaviour.configProblem);
            out.line("ERROR", "gateway", "Cannot start without a valid gateway configuration; exiting with code 1");
            return new Run(visible(lines, until), exitAt(t[0], start, timing, until), 1);
        }
        String host = behaviour.configHost;
        if (host != null) {
            out.line("INFO", "gateway.config", "Keeper region " + regionName(host) + " (" + host + ")");
        } else {
            out.line("INFO", "gateway.config", "Configuration loaded");
        }
        String router = host == null ? "the Keeper router" : KeeperRegion.routerHost(host);
        if (debug) {
            out.line("DEBUG", "gateway.net", "Resolving " + router);
        }
        out.line("INFO", "gateway.router", "Connecting to " + router + " (wss, port 443)");
        out.line("INFO", "gateway.router", "Connected to " + router);
        if (host != null) {
            String relay = KeeperRegion.relayHost(host);
            out.line("INFO", "gateway.relay", "TCP 3478 to " + relay + ": ok");
            if (behaviour.udpBlocked) {
                out.line("WARNING", "gateway.relay", "UDP 3478 to " + relay + ": timed out. Outbound UDP 3478 and "
                        + "49152-65535 look blocked; sessions will fall back to TCP and may be slow");
            } else {
                out.line("INFO", "gateway.relay", "UDP 3478 to " + relay + ": ok");
            }
        }
        out.line("INFO", "gateway", String.format(Locale.ROOT, "Gateway is ONLINE (%s CPU, %s GB memory)", num(cpu), num(memoryInGB)));
        long firstBeat = t[0];
        long period = timing.loop(Timing.HEARTBEAT);
        if (until >= firstBeat) {
            long beats = (until - firstBeat) / period + 1;
            // Only the last lines matter to the logs API's tail; keep at most MAX_LINES heartbeats.
            long from = Math.max(0, beats - ShellScript.MAX_LINES);
            for (long k = from; k < beats; k++) {
                long at = firstBeat + k * period;
                lines.add(new LogLine(at, String.format("%-7s %s: %s", "INFO", "gateway.router",
                        "Heartbeat: connected, latency " + latency(start, k) + " ms, active sessions 0")));
            }
        }
        return new Run(lines, -1, 0);
    }

    private static long exitAt(long afterLastLine, long start, Timing timing, long until) {
        long exit = Math.max(afterLastLine, start + timing.loop(Timing.CRASH_RUN));
        return exit <= until ? exit : -1;
    }

    private static List<LogLine> visible(List<LogLine> lines, long until) {
        return lines.stream().filter(l -> l.at() <= until).toList();
    }

    private static int latency(long seed, long k) {
        long x = (seed ^ (k * 0x9E3779B97F4A7C15L)) * 0xBF58476D1CE4E5B9L;
        return 18 + (int) Math.floorMod(x >>> 33, 17);
    }

    private static String num(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    @FunctionalInterface
    private interface Emitter {
        void line(String level, String logger, String message);
    }
}
