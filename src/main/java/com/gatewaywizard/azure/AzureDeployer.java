package com.gatewaywizard.azure;

import com.azure.core.management.exception.ManagementException;
import com.azure.core.management.polling.PollResult;
import com.azure.core.util.Context;
import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.SyncPoller;
import com.azure.resourcemanager.containerinstance.fluent.ContainerGroupsClient;
import com.azure.resourcemanager.containerinstance.fluent.models.ContainerGroupInner;
import com.gatewaywizard.manifest.ArmBody;
import com.gatewaywizard.spec.GatewaySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Deployer} on the SDK's inner model: each instance's body is {@link ArmBody#toSdkModel} of the same JSON the
 * YAML preview shows, sent with {@code beginCreateOrUpdate}; progress is read with GETs of the group (they carry the
 * instance view and its events) at a short, backing-off interval rather than the SDK's 30 s poll.
 */
final class AzureDeployer implements Deployer {
    private static final Logger LOG = LoggerFactory.getLogger(AzureDeployer.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final AzureConnection c;

    AzureDeployer(AzureConnection c) {
        this.c = c;
    }

    @Override
    public DeployResult deploy(GatewaySpec spec, DeployListener listener) {
        List<Integer> ks = new ArrayList<>();
        for (int k = 1; k <= Math.max(1, spec.instances()); k++) {
            ks.add(k);
        }
        return run(spec, ks, listener);
    }

    @Override
    public DeployResult deployInstance(GatewaySpec spec, int k, DeployListener listener) {
        if (k < 1) {
            throw new IllegalArgumentException("instance numbers start at 1");
        }
        return run(spec, List.of(k), listener);
    }

    private DeployResult run(GatewaySpec spec, List<Integer> ks, DeployListener listener) {
        Objects.requireNonNull(spec, "spec");
        DeployListener l = safe(listener == null ? DeployListener.NONE : listener);
        if (ks.size() == 1) {
            return new DeployResult(List.of(deployOne(spec, ks.get(0), l)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(ks.size(), 10), r -> {
            Thread t = new Thread(r, "gw-deploy-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        List<Future<InstanceResult>> futures = new ArrayList<>();
        for (int k : ks) {
            futures.add(pool.submit(() -> deployOne(spec, k, l)));
        }
        List<InstanceResult> results = new ArrayList<>();
        boolean cancelled = false;
        for (int i = 0; i < futures.size(); i++) {
            String name = spec.instanceName(ks.get(i));
            if (cancelled) {
                results.add(null);
                continue;
            }
            try {
                results.add(futures.get(i).get());
            } catch (InterruptedException e) {
                cancelled = true;
                results.add(null);
            } catch (ExecutionException e) {
                results.add(new InstanceResult(name, false, null, AzureProblems.explain(e.getCause())));
            } catch (CancellationException e) {
                results.add(null);
            }
        }
        if (cancelled) {
            futures.forEach(f -> f.cancel(true));
        }
        pool.shutdownNow();
        boolean interrupted = Thread.interrupted();
        try {
            // Nothing more is sent once we return: wait for requests in flight to end.
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i) == null) {
                Future<InstanceResult> f = futures.get(i);
                InstanceResult r = null;
                if (f.isDone() && !f.isCancelled()) {
                    try {
                        r = f.get();
                    } catch (Exception ignored) {
                        // fall through to cancelled
                    }
                }
                results.set(i, r != null ? r : cancelledResult(spec.instanceName(ks.get(i)), null));
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return new DeployResult(results);
    }

    private static DeployListener safe(DeployListener l) {
        return e -> {
            try {
                l.onEvent(e);
            } catch (RuntimeException ex) {
                LOG.warn("a deploy listener failed: {}", ex.getClass().getSimpleName());
            }
        };
    }

    private static InstanceResult cancelledResult(String name, GatewayStatus last) {
        return new InstanceResult(name, false, last, AzureProblems.explain(new CancellationException()));
    }

    private InstanceResult deployOne(GatewaySpec spec, int k, DeployListener l) {
        String name = spec.instanceName(k);
        GatewayRef ref = new GatewayRef(spec.subscriptionId(), spec.resourceGroup(), name);
        GatewayStatus[] last = {null};
        try {
            ContainerGroupInner body = ArmBody.toSdkModel(ArmBody.of(spec, k));
            ContainerGroupsClient client = c.aci(spec.subscriptionId()).getContainerGroups();
            ContainerGroupInner existing = getOrNull(client, ref);
            int baseline = 0;
            Map<String, EventInfo> earlierEvents = new HashMap<>();
            boolean put = true;
            if (existing != null) {
                GatewayStatus s = Statuses.of(ref, existing);
                last[0] = s;
                baseline = s.restartCount();
                for (EventInfo e : s.events()) {
                    earlierEvents.merge(eventKey(e), e, (a, b) -> a.count() >= b.count() ? a : b);
                }
                boolean busy = isBusy(s);
                put = !busy;
                String earlier = earlierEvents.isEmpty() ? "" : "; its " + earlierEvents.size() + " earlier event"
                        + (earlierEvents.size() == 1 ? " is" : "s are") + " not repeated, only new ones are shown";
                l.onEvent(event(name, DeployStep.EXISTS, (busy
                        ? "Found " + name + " still " + word(s) + " from an earlier deploy: watching it, not sending it again"
                        : "Found " + name + " (" + word(s) + "): updating it in place") + earlier));
            }
            Polling.checkInterrupted();
            SyncPoller<PollResult<ContainerGroupInner>, ContainerGroupInner> poller = null;
            if (put) {
                LOG.info("deploying {} to {}/{} in {}", name, spec.resourceGroup(), spec.region(), spec.subscriptionId());
                poller = client.beginCreateOrUpdate(spec.resourceGroup(), name, body);
                l.onEvent(event(name, DeployStep.ACCEPTED, "Azure accepted " + name));
            }
            return watch(ref, client, poller, baseline, earlierEvents, l, last);
        } catch (Throwable e) {
            if (AzureProblems.isCancellation(e) || Thread.currentThread().isInterrupted()) {
                l.onEvent(new DeployEvent(name, DeployStep.CANCELLED, "Cancelled", Instant.now(), null));
                return cancelledResult(name, last[0]);
            }
            Explanation x = AzureProblems.explain(e);
            LOG.info("deploying {} failed: {}", name, x.code());
            l.onEvent(new DeployEvent(name, DeployStep.FAILED, x.oneLine(), Instant.now(), x));
            return new InstanceResult(name, false, last[0], x);
        }
    }

    static ContainerGroupInner getOrNull(ContainerGroupsClient client, GatewayRef ref) {
        try {
            return client.getByResourceGroupWithResponse(ref.resourceGroup(), ref.name(), Context.NONE).getValue();
        } catch (ManagementException e) {
            if (e.getResponse() != null && e.getResponse().getStatusCode() == 404) {
                return null;
            }
            throw e;
        }
    }

    /**
     * Whether an event the watch sees is news: {@code before} is the same event (source, name, message) as last
     * seen, by this watch or, before the deploy began, on the existing group; null when never. A repeat shows as a
     * higher count or a later timestamp, as Azure reports the same event happening again.
     */
    static boolean isNew(EventInfo e, EventInfo before) {
        if (before == null) {
            return true;
        }
        return e.count() > before.count() || (e.lastTimestamp() != null && before.lastTimestamp() != null
                && e.lastTimestamp().isAfter(before.lastTimestamp()));
    }

    private static String eventKey(EventInfo e) {
        return e.source() + "|" + e.name() + "|" + e.message();
    }

    private static boolean isBusy(GatewayStatus s) {
        String p = s.provisioningState() == null ? "" : s.provisioningState().toLowerCase(Locale.ROOT);
        return p.equals("pending") || p.equals("creating") || p.equals("updating") || p.equals("repairing");
    }

    private static String word(GatewayStatus s) {
        String p = s.provisioningState() == null ? "unknown" : s.provisioningState();
        return s.state() == null ? p : p + ", " + s.state();
    }

    private static DeployEvent event(String name, DeployStep step, String message) {
        return new DeployEvent(name, step, message, Instant.now(), null);
    }

    private InstanceResult watch(GatewayRef ref, ContainerGroupsClient client,
            SyncPoller<PollResult<ContainerGroupInner>, ContainerGroupInner> poller, int baseline,
            Map<String, EventInfo> earlierEvents, DeployListener l, GatewayStatus[] last) {
        AzureTuning t = c.tuning();
        String name = ref.name();
        Duration wait = t.pollInitial();
        long deadline = System.nanoTime() + t.deployTimeout().toNanos();
        String lastProvisioning = null;
        Map<String, EventInfo> seen = new HashMap<>();
        long runningSince = -1;
        while (true) {
            Polling.checkInterrupted();
            ContainerGroupInner g = client.getByResourceGroupWithResponse(ref.resourceGroup(), name, Context.NONE).getValue();
            GatewayStatus s = Statuses.of(ref, g);
            last[0] = s;
            String prov = s.provisioningState();
            if (prov != null && !prov.equals(lastProvisioning)) {
                lastProvisioning = prov;
                l.onEvent(event(name, DeployStep.PROVISIONING, prov));
            }
            List<EventInfo> events = new ArrayList<>(s.events());
            java.util.Collections.reverse(events); // newest first → oldest first, ties kept in ARM's order
            events.sort(Comparator.comparing((EventInfo e) -> e.lastTimestamp() == null ? Instant.EPOCH : e.lastTimestamp()));
            int failedPulls = 0;
            EventInfo pullFailure = null;
            for (EventInfo e : events) {
                String key = eventKey(e);
                EventInfo before = seen.put(key, e);
                if (isNew(e, before != null ? before : earlierEvents.get(key))) {
                    l.onEvent(event(name, DeployStep.EVENT, e.name() + (e.message() == null || e.message().isBlank() ? "" : ": " + e.message())
                            + (e.count() > 1 ? " (" + e.count() + "x)" : "")));
                }
                String code = AzureProblems.explainEvent(e).code();
                if (code.equals(AzureProblems.DOCKER_RATE_LIMITED) || code.equals(AzureProblems.IMAGE_PULL_FAILED)) {
                    // only the pulls that failed since this deploy began: a retry must not inherit the earlier failures
                    EventInfo earlier = earlierEvents.get(key);
                    failedPulls += Math.max(0, e.count() - (earlier == null ? 0 : earlier.count()));
                    pullFailure = e;
                }
            }
            if ("Failed".equalsIgnoreCase(prov)) {
                return fail(name, s, provisioningFailure(poller, pullFailure), l);
            }
            if (pullFailure != null && failedPulls >= t.pullFailuresStuck()) {
                Explanation e = AzureProblems.explainEvent(pullFailure);
                Explanation stuck = new Explanation(e.code(), e.title(), e.message() + " Gateway Wizard stopped waiting after "
                        + failedPulls + " failed pulls; Azure keeps retrying until you delete or redeploy the gateway.", e.nextStep());
                return fail(name, s, stuck, l);
            }
            boolean succeeded = "Succeeded".equalsIgnoreCase(prov);
            if (succeeded && crashing(s, baseline)) {
                return fail(name, s, diagnoseCrash(ref, s), l);
            }
            if (succeeded && s.running() && s.current() != null && "Running".equalsIgnoreCase(s.current().state())) {
                if (runningSince < 0) {
                    runningSince = System.nanoTime();
                    l.onEvent(event(name, DeployStep.RUNNING, "Running" + (s.ip() == null ? "" : " at " + s.ip())));
                }
                if (System.nanoTime() - runningSince >= t.settle().toNanos()) {
                    return new InstanceResult(name, true, s, null);
                }
            } else if (succeeded && s.stopped()) {
                return fail(name, s, new Explanation("Stopped", "The gateway was stopped", "Someone stopped the container group while it deployed.",
                        "Start it from the dashboard."), l);
            }
            if (System.nanoTime() > deadline) {
                return fail(name, s, new Explanation(AzureProblems.STUCK, "The gateway did not start",
                        "After " + t.deployTimeout().toMinutes() + " minutes the container group is still " + word(s) + ".",
                        "Open its events in the dashboard; if there are none, check that the subnet's NSG, route table or firewall "
                                + "allow outbound traffic to Docker Hub and Keeper."), l);
            }
            Polling.sleep(wait);
            wait = t.next(wait);
        }
    }

    private static InstanceResult fail(String name, GatewayStatus s, Explanation x, DeployListener l) {
        LOG.info("deploying {} failed: {}", name, x.code());
        l.onEvent(new DeployEvent(name, DeployStep.FAILED, x.oneLine(), Instant.now(), x));
        return new InstanceResult(name, false, s, x);
    }

    /** Restarted since the deploy began, waiting in a crash loop, or terminated with an error under restart policy Always. */
    static boolean crashing(GatewayStatus s, int baseline) {
        if (s.restartCount() > baseline) {
            return true;
        }
        ContainerStateInfo cur = s.current();
        if (cur == null) {
            return false;
        }
        String detail = cur.detailStatus() == null ? "" : cur.detailStatus();
        if ("Waiting".equalsIgnoreCase(cur.state()) && detail.toLowerCase(Locale.ROOT).contains("crashloop")) {
            return true;
        }
        return "Terminated".equalsIgnoreCase(cur.state()) && cur.exitCode() != null && cur.exitCode() != 0 && !s.stopped();
    }

    /** Why the gateway keeps exiting: its exit code and the error lines of its log. */
    private Explanation diagnoseCrash(GatewayRef ref, GatewayStatus s) {
        List<String> errors = new ArrayList<>();
        // The log is the current run's: right after a restart it may not have reached its error yet, so look a few times.
        Duration wait = c.tuning().pollInitial();
        long until = System.nanoTime() + c.tuning().settle().toNanos();
        for (int attempt = 0; errors.isEmpty() && attempt < 8; attempt++) {
            if (attempt > 0) {
                if (System.nanoTime() > until) {
                    break;
                }
                Polling.sleep(wait);
                wait = c.tuning().next(wait);
            }
            try {
                String log = c.aci(ref.subscriptionId()).getContainers().listLogsWithResponse(ref.resourceGroup(), ref.name(),
                        GatewaySpec.CONTAINER_NAME, 200, false, Context.NONE).getValue().content();
                errors.addAll(errorLines(log));
            } catch (RuntimeException e) {
                if (AzureProblems.isCancellation(e)) {
                    throw e;
                }
                LOG.debug("could not read the log of {}: {}", ref.name(), e.getClass().getSimpleName());
                break;
            }
        }
        ContainerStateInfo ended = s.previous() != null && s.previous().exitCode() != null ? s.previous() : s.current();
        String exit = ended != null && ended.exitCode() != null ? " with code " + ended.exitCode() : "";
        String said = errors.isEmpty() ? "" : " Its log says: " + String.join(" / ", errors);
        boolean config = errors.stream().anyMatch(e -> e.toLowerCase(Locale.ROOT).contains("config"));
        if (config) {
            return new Explanation(AzureProblems.GATEWAY_CONFIG_REJECTED, "The gateway rejected its configuration",
                    "The gateway exits" + exit + " because it cannot load GATEWAY_CONFIG, and Azure restarts it in a loop (restarts: "
                            + s.restartCount() + ")." + said,
                    "Copy the gateway's base64 configuration again from Keeper (the whole text, on one line) and redeploy.");
        }
        return new Explanation(AzureProblems.CRASH_LOOP, "The gateway keeps exiting",
                "The gateway exits" + exit + " and Azure restarts it in a loop (restarts: " + s.restartCount() + ")." + said,
                "Read the gateway's log in the dashboard; check ACCEPT_EULA=Y and the gateway configuration, then redeploy.");
    }

    /** Up to three error lines of a gateway log, without their level word. */
    static List<String> errorLines(String log) {
        List<String> errors = new ArrayList<>();
        if (log == null) {
            return errors;
        }
        for (String line : log.split("\\R")) {
            String low = line.toLowerCase(Locale.ROOT);
            if ((low.startsWith("error") || low.startsWith("critical") || low.contains(" error ")) && errors.size() < 3) {
                errors.add(line.replaceFirst("^(ERROR|CRITICAL)\\s+", "").strip());
            }
        }
        return errors;
    }

    /** The operation's own error (e.g. RegistryErrorResponse) when there is a poller; else what the events tell. */
    private static Explanation provisioningFailure(SyncPoller<PollResult<ContainerGroupInner>, ContainerGroupInner> poller,
            EventInfo pullFailure) {
        if (poller != null) {
            try {
                PollResponse<PollResult<ContainerGroupInner>> r = poller.poll();
                if (r.getStatus().isComplete() && !r.getStatus().equals(com.azure.core.util.polling.LongRunningOperationStatus.SUCCESSFULLY_COMPLETED)) {
                    ManagementException m = Polling.failure(r);
                    if (!"Failed".equals(m.getValue().getCode())) {
                        return AzureProblems.arm(m.getValue().getCode(), m.getValue().getMessage(), 0);
                    }
                }
            } catch (RuntimeException e) {
                if (AzureProblems.isCancellation(e)) {
                    throw e;
                }
                LOG.debug("could not read the failed operation: {}", e.getClass().getSimpleName());
            }
        }
        if (pullFailure != null) {
            return AzureProblems.explainEvent(pullFailure);
        }
        return new Explanation("Failed", "Azure could not create the gateway", "The container group's provisioning failed.",
                "Open its events in the dashboard, correct the cause and deploy again.");
    }
}
