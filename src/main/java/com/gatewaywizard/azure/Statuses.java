package com.gatewaywizard.azure;

import com.azure.resourcemanager.containerinstance.fluent.models.ContainerGroupInner;
import com.azure.resourcemanager.containerinstance.models.Container;
import com.azure.resourcemanager.containerinstance.models.ContainerState;
import com.azure.resourcemanager.containerinstance.models.Event;
import com.gatewaywizard.AppInfo;
import com.gatewaywizard.manifest.ArmBody;
import com.gatewaywizard.spec.GatewaySpec;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads a container group (as ARM returns it) into the records the UI and CLI show. */
final class Statuses {
    private Statuses() {
    }

    static boolean managedByUs(Map<String, String> tags) {
        return tags != null && AppInfo.TAG_MANAGED_BY_VALUE.equalsIgnoreCase(tags.get(AppInfo.TAG_MANAGED_BY));
    }

    /** Ours by tag, or any group running a Keeper Gateway image. */
    static boolean isGateway(ContainerGroupInner g) {
        if (managedByUs(g.tags())) {
            return true;
        }
        if (g.containers() == null) {
            return false;
        }
        return g.containers().stream().anyMatch(c -> isGatewayImage(c.image()));
    }

    static boolean isGatewayImage(String image) {
        if (image == null) {
            return false;
        }
        String i = image.toLowerCase(Locale.ROOT);
        for (String prefix : List.of("docker.io/", "index.docker.io/", "registry-1.docker.io/")) {
            if (i.startsWith(prefix)) {
                i = i.substring(prefix.length());
            }
        }
        return i.equals("keeper/gateway") || i.startsWith("keeper/gateway:") || i.startsWith("keeper/gateway@");
    }

    /** The gateway container: the one named as in the seed, else the first. */
    static Container gatewayContainer(ContainerGroupInner g) {
        if (g.containers() == null || g.containers().isEmpty()) {
            return null;
        }
        return g.containers().stream().filter(c -> GatewaySpec.CONTAINER_NAME.equals(c.name())).findFirst()
                .orElse(g.containers().get(0));
    }

    static String containerName(ContainerGroupInner g) {
        Container c = gatewayContainer(g);
        return c == null ? GatewaySpec.CONTAINER_NAME : c.name();
    }

    static int restartCount(ContainerGroupInner g) {
        Container c = gatewayContainer(g);
        return c == null || c.instanceView() == null || c.instanceView().restartCount() == null ? 0 : c.instanceView().restartCount();
    }

    static String groupState(ContainerGroupInner g) {
        return g.instanceView() == null ? null : g.instanceView().state();
    }

    static GatewayStatus of(GatewayRef ref, ContainerGroupInner g) {
        Map<String, String> tags = g.tags() == null ? Map.of() : g.tags();
        String pool = tags.getOrDefault(ArmBody.TAG_POOL, ref.name());
        int instance = 1;
        try {
            instance = Math.max(1, Integer.parseInt(tags.getOrDefault(ArmBody.TAG_INSTANCE, "1").trim()));
        } catch (NumberFormatException ignored) {
            // not our tag format: one instance
        }
        Container c = gatewayContainer(g);
        String image = c == null ? null : c.image();
        double cpu = 0;
        double mem = 0;
        if (c != null && c.resources() != null && c.resources().requests() != null) {
            cpu = c.resources().requests().cpu();
            mem = c.resources().requests().memoryInGB();
        }
        String subnet = g.subnetIds() == null || g.subnetIds().isEmpty() ? null : g.subnetIds().get(0).id();
        String ip = g.ipAddress() == null ? null : g.ipAddress().ip();
        if ("0.0.0.0".equals(ip)) {
            ip = null;
        }
        ContainerStateInfo current = null;
        ContainerStateInfo previous = null;
        int restarts = 0;
        if (c != null && c.instanceView() != null) {
            current = state(c.instanceView().currentState());
            previous = state(c.instanceView().previousState());
            restarts = c.instanceView().restartCount() == null ? 0 : c.instanceView().restartCount();
        }
        List<EventInfo> events = events(g);
        Instant created = events.stream().map(EventInfo::firstTimestamp).filter(java.util.Objects::nonNull).min(Comparator.naturalOrder())
                .orElse(null);
        Instant started = current != null && "Running".equalsIgnoreCase(current.state()) ? current.startTime() : null;
        return new GatewayStatus(ref, pool, instance, managedByUs(tags), g.location(), subnet, image, cpu, mem, g.provisioningState(),
                groupState(g), ip, restarts, current, previous, events, tags, created, started, Instant.now(), registryUser(g));
    }

    /** The username of the group's Docker Hub (or first) registry credential, or null. */
    static String registryUser(ContainerGroupInner g) {
        if (g.imageRegistryCredentials() == null) {
            return null;
        }
        return g.imageRegistryCredentials().stream().filter(c -> c.username() != null && !c.username().isBlank())
                .sorted(Comparator.comparing(c -> c.server() != null && c.server().toLowerCase(Locale.ROOT).contains("docker.io") ? 0 : 1))
                .map(c -> c.username().strip()).findFirst().orElse(null);
    }

    static ContainerStateInfo state(ContainerState s) {
        if (s == null) {
            return null;
        }
        return new ContainerStateInfo(s.state(), instant(s.startTime()), instant(s.finishTime()), s.exitCode(), s.detailStatus());
    }

    /** Group and container events, newest first. */
    static List<EventInfo> events(ContainerGroupInner g) {
        List<EventInfo> out = new ArrayList<>();
        if (g.instanceView() != null && g.instanceView().events() != null) {
            g.instanceView().events().forEach(e -> out.add(event("group", e)));
        }
        if (g.containers() != null) {
            for (Container c : g.containers()) {
                if (c.instanceView() != null && c.instanceView().events() != null) {
                    c.instanceView().events().forEach(e -> out.add(event(c.name(), e)));
                }
            }
        }
        // ARM lists events oldest first: reverse, then a stable sort keeps that order among equal timestamps.
        java.util.Collections.reverse(out);
        out.sort(Comparator.comparing((EventInfo e) -> e.lastTimestamp() == null ? Instant.EPOCH : e.lastTimestamp()).reversed());
        return out;
    }

    static EventInfo event(String source, Event e) {
        return new EventInfo(source, e.type(), e.name(), e.message(), e.count() == null ? 1 : e.count(), instant(e.firstTimestamp()),
                instant(e.lastTimestamp()));
    }

    static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    static GatewayRef ref(String subscriptionId, ContainerGroupInner g) {
        String rg = resourceGroupOf(g.id());
        return new GatewayRef(subscriptionId, rg == null ? "" : rg, g.name());
    }

    static String resourceGroupOf(String id) {
        if (id == null) {
            return null;
        }
        String[] parts = id.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].equalsIgnoreCase("resourceGroups")) {
                return parts[i + 1];
            }
        }
        return null;
    }
}
