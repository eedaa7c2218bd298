package com.gatewaywizard.azure;

import com.azure.core.http.rest.PagedIterable;
import com.azure.core.management.exception.ManagementException;
import com.azure.core.util.Context;
import com.azure.resourcemanager.containerinstance.fluent.ContainerGroupsClient;
import com.azure.resourcemanager.containerinstance.fluent.models.ContainerExecResponseInner;
import com.azure.resourcemanager.containerinstance.fluent.models.ContainerGroupInner;
import com.azure.resourcemanager.containerinstance.models.ContainerExecRequest;
import com.azure.resourcemanager.containerinstance.models.ContainerExecRequestTerminalSize;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link GatewayControl} on the SDK's inner clients. */
final class AzureGatewayControl implements GatewayControl {
    private static final Logger LOG = LoggerFactory.getLogger(AzureGatewayControl.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** Parallel GETs of a list refresh; ARM allows far more reads, this keeps a 50-gateway refresh short but polite. */
    private static final int PARALLEL_GETS = 8;

    private final AzureConnection c;
    private final ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_GETS, r -> {
        Thread t = new Thread(r, "gw-status-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    AzureGatewayControl(AzureConnection c) {
        this.c = c;
    }

    void close() {
        pool.shutdownNow();
    }

    private ContainerGroupsClient groups(GatewayRef ref) {
        return c.aci(ref.subscriptionId()).getContainerGroups();
    }

    @Override
    public List<GatewayStatus> list(String subscriptionId, String resourceGroup) {
        ContainerGroupsClient client = c.aci(subscriptionId).getContainerGroups();
        PagedIterable<ContainerGroupInner> all = resourceGroup == null ? client.list() : client.listByResourceGroup(resourceGroup);
        List<GatewayRef> refs = new ArrayList<>();
        try {
            for (ContainerGroupInner g : all) {
                if (Statuses.isGateway(g)) {
                    refs.add(Statuses.ref(subscriptionId, g));
                }
            }
        } catch (ManagementException e) {
            if (e.getValue() != null && "MissingSubscriptionRegistration".equalsIgnoreCase(e.getValue().getCode())) {
                // Microsoft.ContainerInstance is not registered there, so no container group can exist: none to list
                return List.of();
            }
            throw e;
        }
        // The list carries no instance view: one GET per group, in parallel.
        List<Future<GatewayStatus>> futures = new ArrayList<>();
        for (GatewayRef r : refs) {
            futures.add(pool.submit(() -> status(r)));
        }
        List<GatewayStatus> out = new ArrayList<>();
        try {
            for (Future<GatewayStatus> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof ManagementException m && m.getResponse() != null && m.getResponse().getStatusCode() == 404) {
                        continue; // deleted between the list and the GET
                    }
                    throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                }
            }
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("cancelled");
        }
        out.sort(Comparator.comparing(GatewayStatus::pool).thenComparingInt(GatewayStatus::instance)
                .thenComparing(s -> s.ref().name()));
        return out;
    }

    @Override
    public List<GatewayRef> othersNamed(String subscriptionId, String resourceGroup, String name) {
        if (resourceGroup != null) {
            // one group by name: a GET, not a list of the whole resource group
            GatewayRef ref = new GatewayRef(subscriptionId, resourceGroup, name);
            Found f;
            try {
                f = find(ref);
            } catch (ManagementException e) {
                return List.of(); // e.g. no such resource group: then no such group either
            }
            return f == null || f.gateway() ? List.of() : List.of(f.status().ref());
        }
        ContainerGroupsClient client = c.aci(subscriptionId).getContainerGroups();
        PagedIterable<ContainerGroupInner> all = resourceGroup == null ? client.list() : client.listByResourceGroup(resourceGroup);
        List<GatewayRef> out = new ArrayList<>();
        for (ContainerGroupInner g : all) {
            if (g.name() != null && g.name().equalsIgnoreCase(name) && !Statuses.isGateway(g)) {
                out.add(Statuses.ref(subscriptionId, g));
            }
        }
        return out;
    }

    @Override
    public GatewayStatus status(GatewayRef ref) {
        ContainerGroupInner g = groups(ref).getByResourceGroupWithResponse(ref.resourceGroup(), ref.name(), Context.NONE).getValue();
        return Statuses.of(ref, g);
    }

    @Override
    public Found find(GatewayRef ref) {
        ContainerGroupInner g;
        try {
            g = groups(ref).getByResourceGroupWithResponse(ref.resourceGroup(), ref.name(), Context.NONE).getValue();
        } catch (ManagementException e) {
            // no such group; a missing resource group (ResourceGroupNotFound) is an error of its own
            if (e.getResponse() != null && e.getResponse().getStatusCode() == 404 && (e.getValue() == null
                    || !"ResourceGroupNotFound".equalsIgnoreCase(e.getValue().getCode()))) {
                return null;
            }
            throw e;
        }
        return new Found(Statuses.of(ref, g), Statuses.isGateway(g));
    }

    private String container(GatewayRef ref) {
        return com.gatewaywizard.spec.GatewaySpec.CONTAINER_NAME;
    }

    @Override
    public String logs(GatewayRef ref, Integer tail, boolean timestamps) {
        String content = c.aci(ref.subscriptionId()).getContainers().listLogsWithResponse(ref.resourceGroup(), ref.name(),
                container(ref), tail, timestamps ? Boolean.TRUE : null, Context.NONE).getValue().content();
        return content == null ? "" : content;
    }

    @Override
    public LogFollower follow(GatewayRef ref, boolean timestamps) {
        return new Follower(ref, timestamps);
    }

    /** Reads the whole current-run log each poll and hands out what is new; a restart shows as a shorter log or a higher count. */
    private final class Follower implements LogFollower {
        private final GatewayRef ref;
        private final boolean timestamps;
        private List<String> previous = null;
        private int restarts = -1;

        Follower(GatewayRef ref, boolean timestamps) {
            this.ref = ref;
            this.timestamps = timestamps;
        }

        @Override
        public synchronized LogFollower continueOn(GatewayControl control, GatewayRef other, boolean stamps) {
            if (!(control instanceof AzureGatewayControl a) || !other.equals(ref) || stamps != timestamps) {
                return LogFollower.super.continueOn(control, other, stamps);
            }
            Follower f = a.new Follower(ref, timestamps);
            f.previous = previous;
            f.restarts = restarts;
            return f;
        }

        @Override
        public synchronized LogChunk poll() {
            int count = status(ref).restartCount();
            List<String> lines = split(logs(ref, null, timestamps));
            if (previous == null) {
                previous = lines;
                restarts = count;
                return new LogChunk(lines, false, null, count);
            }
            boolean restarted = count > restarts || lines.size() < previous.size();
            List<String> fresh;
            if (restarted) {
                fresh = lines;
            } else if (previous.isEmpty()) {
                fresh = lines;
            } else if (lines.size() >= previous.size() && lines.get(previous.size() - 1).equals(previous.get(previous.size() - 1))
                    && lines.subList(0, Math.min(3, previous.size())).equals(previous.subList(0, Math.min(3, previous.size())))) {
                fresh = lines.subList(previous.size(), lines.size());
            } else {
                // The log scrolled (ACI keeps a bounded tail): continue after the last line we returned.
                String lastSeen = previous.get(previous.size() - 1);
                int at = lines.lastIndexOf(lastSeen);
                fresh = at >= 0 ? lines.subList(at + 1, lines.size()) : lines;
            }
            previous = lines;
            restarts = Math.max(restarts, count);
            return new LogChunk(new ArrayList<>(fresh), restarted, restarted ? Instant.now() : null, count);
        }
    }

    static List<String> split(String log) {
        if (log == null || log.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(List.of(log.split("\\R", -1)));
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    @Override
    public void start(GatewayRef ref) {
        LOG.info("starting {}", ref.name());
        Polling.await(groups(ref).beginStart(ref.resourceGroup(), ref.name()), c.tuning());
    }

    @Override
    public void stop(GatewayRef ref) {
        LOG.info("stopping {}", ref.name());
        groups(ref).stop(ref.resourceGroup(), ref.name());
    }

    @Override
    public void restart(GatewayRef ref) {
        LOG.info("restarting {}", ref.name());
        // Declared a long-running operation, but ACI answers 204 at once.
        Polling.await(groups(ref).beginRestart(ref.resourceGroup(), ref.name()), c.tuning());
    }

    @Override
    public void delete(GatewayRef ref) {
        LOG.info("deleting {}", ref.name());
        Polling.await(groups(ref).beginDelete(ref.resourceGroup(), ref.name()), c.tuning());
    }

    @Override
    public ConsoleSession console(GatewayRef ref, String command, int rows, int cols, Consumer<String> output, Runnable onClosed) {
        ContainerExecRequest req = new ContainerExecRequest().withCommand(command)
                .withTerminalSize(new ContainerExecRequestTerminalSize().withRows(rows).withCols(cols));
        ContainerExecResponseInner r = c.aci(ref.subscriptionId()).getContainers()
                .executeCommand(ref.resourceGroup(), ref.name(), container(ref), req);
        return WebSocketConsole.open(r.webSocketUri(), r.password(), c.sslContext(), output, onClosed);
    }
}
