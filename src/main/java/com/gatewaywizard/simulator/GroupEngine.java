package com.gatewaywizard.simulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Derives a container group's state at a moment from the timestamps of its current activation: provisioning,
 * pulls (with retries and back-off), starts, crash loops with back-off and restart counts, stops. Pure: it reads
 * the group and returns a view, so the state after a restart of the simulator (same timestamps) is the same.
 */
final class GroupEngine {
    /** Loop guard: a crash loop or a pull retry loop is never followed further than this many steps. */
    private static final int MAX_STEPS = 20_000;

    record StateView(String state, long startTime, long finishTime, Integer exitCode, String detailStatus) {
    }

    record ContainerView(String name, boolean hasInstanceView, List<World.EventRecord> events, int restartCount,
            StateView current, StateView previous, long logRunStart, long logUntil, boolean started,
            boolean pullGaveUp, long pullGaveUpAt, long waitingForMountSince) {
    }

    record GroupView(String provisioningState, String state, boolean ipAssigned, Map<String, ContainerView> containers,
            String failureCode, String failureMessage, List<World.EventRecord> groupEvents) {

        boolean transitioning() {
            return "Pending".equals(provisioningState) || "Creating".equals(provisioningState)
                    || "Deleting".equals(provisioningState);
        }
    }

    private final Timing timing;
    private final Function<World.ContainerGroup, Map<String, ContainerProgram>> programs;

    GroupEngine(Timing timing, Function<World.ContainerGroup, Map<String, ContainerProgram>> programs) {
        this.timing = timing;
        this.programs = programs;
    }

    Timing timing() {
        return timing;
    }

    /** When the activation's node is allocated (its IP becomes visible and pulls begin). */
    long allocatedAt(World.ContainerGroup g) {
        World.Activation a = g.activation;
        return switch (a.kind) {
            case "CREATE", "START" -> a.startedAt + timing.step(g.subnetId != null ? Timing.ALLOCATE_VNET : Timing.ALLOCATE_PUBLIC);
            default -> a.startedAt;
        };
    }

    GroupView evaluate(World.ContainerGroup g, long now) {
        boolean stopped = g.stoppedAt > 0;
        long until = stopped ? Math.min(now, g.stoppedAt) : now;
        long allocated = allocatedAt(g);
        Map<String, ContainerProgram> progs = programs.apply(g);
        Map<String, ContainerView> views = new LinkedHashMap<>();
        boolean allStarted = true;
        boolean anyGaveUp = false;
        boolean allTerminated = true;
        boolean allSucceeded = true;
        String failureCode = null;
        String failureMessage = null;
        for (String name : containerNames(g)) {
            ContainerView v = evaluateContainer(g, name, image(g, name), progs.getOrDefault(name, ContainerProgram.IDLE),
                    allocated, until);
            if (stopped) {
                v = stoppedView(g, v);
            }
            views.put(name, v);
            allStarted &= v.started();
            if (v.pullGaveUp()) {
                anyGaveUp = true;
                failureCode = "RegistryErrorResponse";
                failureMessage = "An error response is received from the docker registry '" + registryOf(image(g, name))
                        + "'. Please retry later.";
            }
            boolean terminated = v.current() != null && "Terminated".equals(v.current().state());
            allTerminated &= terminated;
            allSucceeded &= terminated && Integer.valueOf(0).equals(v.current().exitCode());
        }
        List<World.EventRecord> groupEvents = new ArrayList<>();
        long mountSince = views.values().stream().mapToLong(ContainerView::waitingForMountSince).filter(x -> x >= 0).min().orElse(-1);
        boolean mountGaveUp = false;
        if (mountSince >= 0) {
            long at = mountSince;
            for (int k = 0; at <= until && k < MAX_STEPS; k++) {
                merge(groupEvents, new World.EventRecord("FailedMount", "Output: mount error(2): Permission denied", "Normal", at));
                at += timing.backoff(Timing.PULL_BACKOFF_FIRST, Timing.PULL_BACKOFF_MAX, k);
            }
            if (until - g.activation.startedAt >= timing.loop(Timing.PROVISIONING_TIMEOUT)) {
                mountGaveUp = true;
                failureCode = "FailedMount";
                failureMessage = "Failed to mount the Azure Files volume: mount error(2): Permission denied.";
            }
        }
        String provisioning;
        String state;
        if (g.deletingSince > 0) {
            provisioning = "Deleting";
            state = stopped ? "Stopped" : allStarted ? "Running" : "Pending";
        } else if (stopped) {
            provisioning = "Succeeded";
            state = "Stopped";
        } else if (anyGaveUp || mountGaveUp) {
            provisioning = "Failed";
            state = "Pending";
        } else if (allStarted) {
            provisioning = "Succeeded";
            String policy = g.restartPolicy();
            state = allTerminated && !"Always".equalsIgnoreCase(policy) ? (allSucceeded ? "Succeeded" : "Failed") : "Running";
        } else {
            provisioning = until < allocated || "RESTART".equals(g.activation.kind) ? "Pending" : "Creating";
            state = "Pending";
        }
        boolean ip = !stopped && until >= allocated && g.ip != null;
        return new GroupView(provisioning, state, ip, views, failureCode, failureMessage, groupEvents);
    }

    private ContainerView stoppedView(World.ContainerGroup g, ContainerView v) {
        List<World.EventRecord> events = new ArrayList<>(v.events());
        if (v.started()) {
            merge(events, new World.EventRecord("Killing", "Stopping container " + v.name(), "Normal", g.stoppedAt));
        }
        long start = v.current() != null ? v.current().startTime() : g.stoppedAt;
        StateView current = new StateView("Terminated", start, g.stoppedAt, 0, "Completed");
        return new ContainerView(v.name(), v.hasInstanceView() || v.started(), sorted(events), v.restartCount(), current,
                v.previous(), v.logRunStart(), g.stoppedAt, v.started(), v.pullGaveUp(), v.pullGaveUpAt(), -1);
    }

    private ContainerView evaluateContainer(World.ContainerGroup g, String name, String image, ContainerProgram program,
            long allocated, long until) {
        World.Activation a = g.activation;
        List<World.EventRecord> events = new ArrayList<>();
        for (World.EventRecord e : g.carriedEvents.getOrDefault(name, List.of())) {
            events.add(e.copy());
        }
        int restarts = g.carriedRestarts.getOrDefault(name, 0);
        boolean carried = !events.isEmpty();
        StateView carriedPrevious = g.carriedPrevious.get(name);
        long t = a.startedAt;
        switch (a.kind) {
            case "RESTART" -> {
                merge(events, new World.EventRecord("Killing", "Stopping container " + name, "Normal", t));
                t += timing.step(Timing.RESTART);
                restarts += 1;
            }
            case "UPDATE" -> {
                if (carried) {
                    merge(events, new World.EventRecord("Killing", "Stopping container " + name, "Normal", t));
                }
                t += timing.step(Timing.RESTART);
            }
            default -> t = allocated;
        }
        if (until < t) {
            // Still allocating: no instance view yet for a fresh node (as ACI shows while Pending).
            boolean hasView = carried;
            StateView waiting = hasView ? new StateView("Waiting", 0, 0, null, "") : null;
            return new ContainerView(name, hasView, sorted(events), restarts, waiting, hasView ? carriedPrevious : null, -1, until,
                    false, false, 0, -1);
        }
        if (!"RESTART".equals(a.kind)) {
            // Image pulls, with Docker Hub's 429 and back-off where the activation says so.
            int attempt = 0;
            String pullMessage = "pulling image \"" + image + "\"";
            while (true) {
                merge(events, new World.EventRecord("Pulling", pullMessage, "Normal", t));
                int failing = a.failedPulls.getOrDefault(name, 0);
                boolean fails = failing < 0 || attempt < failing;
                if (fails) {
                    long failedAt = t + timing.loop(Timing.PULL_FAIL);
                    if (until < failedAt) {
                        return waiting(name, events, restarts, "", until);
                    }
                    merge(events, new World.EventRecord("Failed", pullFailureMessage(image, failing < 0), "Warning", failedAt));
                    if (failedAt - a.startedAt >= timing.loop(Timing.PROVISIONING_TIMEOUT) || attempt >= MAX_STEPS) {
                        return new ContainerView(name, true, sorted(events), restarts,
                                new StateView("Waiting", 0, 0, null, "ImagePullBackOff"), null, -1, until, false, true, failedAt, -1);
                    }
                    merge(events, new World.EventRecord("BackOff", "Back-off pulling image \"" + image + "\"", "Normal", failedAt));
                    long next = failedAt + timing.backoff(Timing.PULL_BACKOFF_FIRST, Timing.PULL_BACKOFF_MAX, attempt);
                    if (until < next) {
                        return waiting(name, events, restarts, "ImagePullBackOff", until);
                    }
                    t = next;
                    attempt++;
                    continue;
                }
                long pulled = t + timing.step(Timing.PULL);
                if (until < pulled) {
                    return waiting(name, events, restarts, "", until);
                }
                merge(events, new World.EventRecord("Pulled", "Successfully pulled image \"" + image + "\"", "Normal", pulled));
                t = pulled;
                break;
            }
        }
        if (g.mountFailure) {
            // The image is there but the Azure Files share cannot be mounted: the container never starts.
            return new ContainerView(name, true, sorted(events), restarts, new StateView("Waiting", 0, 0, null, ""), null, -1,
                    until, false, false, 0, t);
        }
        long started = t + timing.step(Timing.START);
        if (until < started) {
            return waiting(name, events, restarts, "", until);
        }
        // The process runs; it may exit, and the restart policy decides what happens next.
        String policy = g.restartPolicy();
        long runStart = started;
        StateView previous = carriedPrevious;
        for (int k = 0; k < MAX_STEPS; k++) {
            merge(events, new World.EventRecord("Started", "Started container", "Normal", runStart));
            ContainerProgram.Run run = program.run(runStart, until, timing);
            if (!run.exited()) {
                return new ContainerView(name, true, sorted(events), restarts, new StateView("Running", runStart, 0, null, ""),
                        previous, runStart, until, true, false, 0, -1);
            }
            StateView ended = new StateView("Terminated", runStart, run.exitAt(), run.exitCode(),
                    run.exitCode() == 0 ? "Completed" : "Error");
            boolean restart = "Always".equalsIgnoreCase(policy) || ("OnFailure".equalsIgnoreCase(policy) && run.exitCode() != 0);
            if (!restart) {
                return new ContainerView(name, true, sorted(events), restarts, ended, previous, runStart, until, true, false, 0, -1);
            }
            merge(events, new World.EventRecord("BackOff", "Back-off restarting failed container", "Warning", run.exitAt()));
            long next = run.exitAt() + timing.backoff(Timing.CRASH_BACKOFF_FIRST, Timing.CRASH_BACKOFF_MAX, k);
            if (until < next) {
                return new ContainerView(name, true, sorted(events), restarts,
                        new StateView("Waiting", 0, 0, null, "CrashLoopBackOff: Back-off restarting failed"), ended, runStart,
                        until, true, false, 0, -1);
            }
            previous = ended;
            restarts++;
            runStart = next;
        }
        return new ContainerView(name, true, sorted(events), restarts, new StateView("Running", runStart, 0, null, ""),
                previous, runStart, until, true, false, 0, -1);
    }

    private ContainerView waiting(String name, List<World.EventRecord> events, int restarts, String detail, long until) {
        return new ContainerView(name, true, sorted(events), restarts, new StateView("Waiting", 0, 0, null, detail), null, -1,
                until, false, false, 0, -1);
    }

    /** Adds an occurrence: same name and message as an earlier event increments its count (as Kubernetes does). */
    static void merge(List<World.EventRecord> events, World.EventRecord occurrence) {
        for (World.EventRecord e : events) {
            if (e.name.equals(occurrence.name) && e.message.equals(occurrence.message)) {
                e.count += occurrence.count;
                e.first = Math.min(e.first, occurrence.first);
                e.last = Math.max(e.last, occurrence.last);
                return;
            }
        }
        events.add(occurrence.copy());
    }

    private static List<World.EventRecord> sorted(List<World.EventRecord> events) {
        List<World.EventRecord> copy = new ArrayList<>(events);
        copy.sort(Comparator.comparingLong(e -> e.first));
        return copy;
    }

    static List<String> containerNames(World.ContainerGroup g) {
        List<String> names = new ArrayList<>();
        for (var c : g.resource.path("properties").path("containers")) {
            names.add(c.path("name").asText());
        }
        return names;
    }

    static String image(World.ContainerGroup g, String container) {
        for (var c : g.resource.path("properties").path("containers")) {
            if (c.path("name").asText().equals(container)) {
                return c.path("properties").path("image").asText();
            }
        }
        return "";
    }

    /**
     * containerd's message for a Docker Hub 429, as the container's {@code Failed} event shows it. Anonymous pulls
     * hit the unauthenticated limit; authenticated ones (the docker-rate-limit scenario) the account's limit.
     */
    static String pullFailureMessage(String image, boolean anonymous) {
        String ref = image.contains("/") ? image : "library/" + image;
        String repo = ref.replaceFirst("^(docker\\.io|index\\.docker\\.io|registry-1\\.docker\\.io)/", "");
        int colon = repo.lastIndexOf(':');
        String name = colon > repo.lastIndexOf('/') ? repo.substring(0, colon) : repo;
        String tag = colon > repo.lastIndexOf('/') ? repo.substring(colon + 1) : "latest";
        return "Failed to pull image \"" + image + "\": rpc error: code = Unknown desc = failed to pull and unpack image \"docker.io/"
                + name + ":" + tag + "\": failed to resolve reference \"docker.io/" + name + ":" + tag
                + "\": unexpected status from HEAD request to https://registry-1.docker.io/v2/" + name + "/manifests/" + tag
                + ": 429 Too Many Requests - Server message: toomanyrequests: "
                + (anonymous ? "You have reached your unauthenticated pull rate limit. https://www.docker.com/increase-rate-limit"
                        : "You have reached your pull rate limit as an authenticated user. https://www.docker.com/increase-rate-limit");
    }

    /** The registry host of an image reference; Docker Hub for references without one. */
    static String registryOf(String image) {
        int slash = image.indexOf('/');
        if (slash > 0) {
            String first = image.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                return first.equals("docker.io") || first.equals("registry-1.docker.io") ? "index.docker.io" : first;
            }
        }
        return "index.docker.io";
    }
}
