package com.gatewaywizard.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.azure.ContainerStateInfo;
import com.gatewaywizard.azure.EventInfo;
import com.gatewaywizard.azure.GatewayStatus;
import com.gatewaywizard.ui.Texts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosisTest {
    private final Diagnosis d = new Diagnosis(Texts.bundle(), null, Duration.ofMinutes(5));
    private final Instant now = Instant.parse("2026-12-03T10:30:00Z");

    private static List<String> codes(List<Finding> f) {
        return f.stream().map(Finding::code).toList();
    }

    @Test
    void aHealthyGatewayHasNoFindings() {
        assertEquals(List.of(), d.of(Statuses.running("a"), List.of("INFO gateway: Gateway is ONLINE"), null, now));
    }

    @Test
    void aDockerHub429PullSaysToAddThePat() {
        GatewayStatus s = Statuses.with(Statuses.running("a"), "Pending", "Creating", 0,
                new ContainerStateInfo("Waiting", null, null, null, "ErrImagePull"), null,
                List.of(new EventInfo("keeper-gateway", "Warning", "Failed",
                        "Failed to pull image \"keeper/gateway:latest\": toomanyrequests: You have reached your pull rate limit (429 Too Many Requests)",
                        3, now, now)), now.minusSeconds(60));
        List<Finding> f = d.of(s, List.of(), null, now);
        assertEquals(List.of("DOCKER_RATE_LIMIT"), codes(f));
        assertTrue(f.get(0).nextStep().contains("PAT"));
    }

    @Test
    void aDockerHub429ForAnAccountWithCredentialsDoesNotSayToAddCredentials() {
        GatewayStatus s = Statuses.with(Statuses.running("a"), "Pending", "Creating", 0,
                new ContainerStateInfo("Waiting", null, null, null, "ErrImagePull"), null,
                List.of(new EventInfo("keeper-gateway", "Warning", "Failed",
                        "Failed to pull image \"keeper/gateway:latest\": 429 Too Many Requests - Server message: toomanyrequests:"
                                + " You have reached your pull rate limit as an authenticated user. https://www.docker.com/increase-rate-limit",
                        2, now, now)), now.minusSeconds(60));
        List<Finding> f = d.of(s, List.of(), null, now);
        assertEquals(List.of("DOCKER_RATE_LIMIT_ACCOUNT"), codes(f));
        assertTrue(f.get(0).message().contains("account given"), f.get(0).message());
        assertTrue(f.get(0).nextStep().startsWith("Wait"), f.get(0).nextStep());
        assertTrue(!f.get(0).nextStep().contains("PAT"), f.get(0).nextStep());
        com.gatewaywizard.azure.Explanation x = com.gatewaywizard.azure.AzureProblems.explainEvent(s.events().get(0));
        assertTrue(x.message().contains("account given") && x.nextStep().startsWith("Wait"), x.oneLine());
        com.gatewaywizard.azure.Explanation anonymous = com.gatewaywizard.azure.AzureProblems.explainEvent(new EventInfo("keeper-gateway",
                "Warning", "Failed", "toomanyrequests: You have reached your unauthenticated pull rate limit.", 1, now, now));
        assertTrue(anonymous.nextStep().contains("Docker Hub username"), anonymous.oneLine());
    }

    @Test
    void anOldFailedPullOfAContainerThatNowRunsIsNotReported() {
        GatewayStatus s = Statuses.with(Statuses.running("a"), "Running", "Succeeded", 0,
                new ContainerStateInfo("Running", now.minusSeconds(30), null, null, null), null,
                List.of(new EventInfo("keeper-gateway", "Warning", "Failed", "toomanyrequests: 429 Too Many Requests", 3, now, now)),
                now.minusSeconds(600));
        assertEquals(List.of(), d.of(s, List.of(), null, now));
    }

    @Test
    void aRestartLoopQuotesTheGatewaysConfigErrorLine() {
        GatewayStatus s = Statuses.with(Statuses.running("a"), "Running", "Succeeded", 4,
                new ContainerStateInfo("Waiting", null, null, null, "CrashLoopBackOff"),
                new ContainerStateInfo("Terminated", now.minusSeconds(40), now.minusSeconds(30), 1, "Error"),
                List.of(new EventInfo("keeper-gateway", "Warning", "BackOff", "Back-off restarting failed container", 4, now, now)),
                now.minusSeconds(600));
        List<String> log = List.of("INFO    gateway: Keeper Gateway 1.8.4 starting",
                "ERROR   gateway.config: Could not load config data: not valid base64",
                "ERROR   gateway: Cannot start without a valid gateway configuration; exiting with code 1");
        List<Finding> f = d.of(s, log, null, now);
        assertTrue(codes(f).contains("RESTART_LOOP"), codes(f).toString());
        Finding loop = f.stream().filter(x -> x.code().equals("RESTART_LOOP")).findFirst().orElseThrow();
        assertEquals("ERROR   gateway.config: Could not load config data: not valid base64", loop.detail());
        assertTrue(loop.nextStep().contains("pam gateway new"));
        assertTrue(loop.message().contains("exit code 1"));
    }

    @Test
    void stuckPendingWithNoEventsListsTheRegionsKeeperEndpoints() {
        GatewayStatus s = Statuses.with(Statuses.running("a"), "Pending", "Creating", 0,
                new ContainerStateInfo("Waiting", null, null, null, null), null, List.of(), now.minus(Duration.ofMinutes(12)));
        List<Finding> f = d.of(s, List.of(), "keepersecurity.eu", now);
        assertEquals(List.of("STUCK_PENDING"), codes(f));
        assertTrue(f.get(0).message().contains("12 minutes"));
        assertTrue(f.get(0).detail().contains("connect.keepersecurity.eu"), f.get(0).detail());
        assertTrue(f.get(0).nextStep().contains("network security group"));
    }

    @Test
    void aShortWaitIsNotStuck() {
        GatewayStatus s = Statuses.with(Statuses.running("a"), "Pending", "Creating", 0,
                new ContainerStateInfo("Waiting", null, null, null, null), null, List.of(), now.minus(Duration.ofMinutes(2)));
        assertEquals(List.of(), d.of(s, List.of(), null, now));
    }

    @Test
    void probeFailuresAndQuotaAreNamed() {
        GatewayStatus s = Statuses.with(Statuses.running("a"), "Running", "Succeeded", 1, null, null,
                List.of(new EventInfo("keeper-gateway", "Warning", "Unhealthy", "Liveness probe failed: HTTP probe failed with statuscode: 503", 3, now, now),
                        new EventInfo("group", "Warning", "Failed", "ContainerGroupQuotaReached: quota exceeded", 1, now, now)),
                now.minusSeconds(600));
        assertEquals(List.of("PROBE_FAILED", "QUOTA"), codes(d.of(s, List.of(), null, now)));
    }

    @Test
    void theAzureLayersExplanationIsUsedForEventsOurRulesDoNotKnow() {
        Diagnosis withLayer = new Diagnosis(Texts.bundle(),
                e -> new com.gatewaywizard.azure.Explanation("InaccessibleImage", "Image not reachable", "The registry could not be reached.", "Check outbound access to the registry."),
                Duration.ofMinutes(5));
        GatewayStatus s = Statuses.with(Statuses.running("a"), "Pending", "Creating", 0, null, null,
                List.of(new EventInfo("group", "Warning", "Failed", "InaccessibleImage: registry timeout", 1, now, now)), now);
        List<Finding> f = withLayer.of(s, List.of(), null, now);
        assertEquals(List.of("InaccessibleImage"), codes(f));
        assertEquals("Check outbound access to the registry.", f.get(0).nextStep());
    }
}
