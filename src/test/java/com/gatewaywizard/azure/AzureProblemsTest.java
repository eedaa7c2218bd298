package com.gatewaywizard.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.management.exception.ManagementError;
import com.azure.core.management.exception.ManagementException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Azure failures and container events in plain words. */
class AzureProblemsTest {

    static ManagementException arm(String code, String message) {
        return new ManagementException("Status code 400, {\"error\":{\"code\":\"" + code + "\"}}", null, new ManagementError(code, message));
    }

    static void plain(Explanation x) {
        assertFalse(x.title().isBlank(), x.toString());
        assertFalse(x.oneLine().contains("\tat "), "no stack trace: " + x);
        assertFalse(x.oneLine().matches("(?s).*\\bat [\\w.$]+\\(\\w+\\.java:\\d+\\).*"), "no stack frame: " + x);
    }

    @Test
    void everyErrorCodeTheSimulatorProducesHasItsOwnSentenceAndNextStep() throws IOException {
        Set<String> codes = new TreeSet<>();
        Pattern p = Pattern.compile("(?:badRequest|conflict|notFound)\\(\"([A-Z]\\w+)\"|new ArmException\\(\\d+, \"([A-Z]\\w+)\"|failureCode = \"([A-Z]\\w+)\"|\"code\", \"([A-Z]\\w+)\"");
        try (var files = Files.list(Path.of("src/main/java/com/gatewaywizard/simulator"))) {
            for (Path f : files.toList()) {
                Matcher m = p.matcher(Files.readString(f));
                while (m.find()) {
                    for (int g = 1; g <= 4; g++) {
                        if (m.group(g) != null) {
                            codes.add(m.group(g));
                        }
                    }
                }
            }
        }
        codes.remove("InvalidScenario"); // the simulator's own admin endpoint, not Azure's
        assertTrue(codes.size() > 40, codes.toString());
        Set<String> known = AzureProblems.knownCodes();
        for (String code : codes) {
            assertTrue(known.contains(code.toLowerCase(Locale.ROOT)), "no sentence for " + code);
            Explanation x = AzureProblems.explain(arm(code, "Azure said something."));
            assertEquals(code, x.code());
            assertFalse(x.title().startsWith("Azure error"), code);
            assertFalse(x.nextStep().isBlank(), code);
            plain(x);
        }
    }

    @Test
    void unknownCodesPassThroughWithAzuresMessage() {
        Explanation x = AzureProblems.explain(arm("SomethingNew", "A brand new failure."));
        assertEquals("SomethingNew", x.code());
        assertEquals("Azure error SomethingNew", x.title());
        assertEquals("A brand new failure.", x.message());
        assertFalse(x.nextStep().isBlank());
    }

    @Test
    void theCasesOfTheSharedCatalogueReadAsTheyShould() {
        assertTrue(AzureProblems.explain(arm("SubnetMissingRequiredDelegation", "Subnet x requires delegation")).nextStep()
                .contains("delegation"));
        Explanation quota = AzureProblems.explain(arm("ContainerGroupQuotaReached", "Resource type 'Microsoft.ContainerInstance/containerGroups' "
                + "container group quota 'StandardCores' exceeded in region 'westeurope'. Limit: '10', Usage: '8' Requested: '4'."));
        assertTrue(quota.message().startsWith("The deployment needs 4 cores, but only 2 of 10 Standard Cores are left"), quota.message());
        assertTrue(quota.nextStep().contains("request more quota"));
        assertTrue(AzureProblems.explain(arm("ContainerGroupTransitioning", "still transitioning")).nextStep().startsWith("Wait"));
        assertTrue(AzureProblems.explain(arm("InvalidContainerGroupUpdate", "cpu")).nextStep().contains("delete"));
        assertTrue(AzureProblems.explain(arm("PrivateIPAddressNotSupported", "x")).nextStep().contains("subnet"));
        assertTrue(AzureProblems.explain(arm("RegistryErrorResponse", "x")).nextStep().contains("Docker Hub username"));
        assertTrue(AzureProblems.explain(arm("InternalServerError", "x")).nextStep().contains("/subnets/"), "case 12: a VNet id");
        assertTrue(AzureProblems.explain(arm("MissingSubscriptionRegistration", "x")).nextStep().startsWith("Register"));
        assertTrue(AzureProblems.explain(arm("InaccessibleImage", "x")).nextStep().contains("image"));
    }

    @Test
    void networkTimeoutsSignInAndCancellationAreNamed() {
        assertEquals(AzureProblems.NETWORK, AzureProblems.explain(new RuntimeException(new UnknownHostException("management.azure.com"))).code());
        assertEquals(AzureProblems.NETWORK, AzureProblems.explain(new java.io.UncheckedIOException(new ConnectException("refused"))).code());
        assertEquals(AzureProblems.TIMEOUT, AzureProblems.explain(new RuntimeException(new java.util.concurrent.TimeoutException())).code());
        assertEquals(AzureProblems.SIGN_IN, AzureProblems.explain(new ClientAuthenticationException("AADSTS7000215: Invalid client secret", null)).code());
        assertEquals(AzureProblems.CANCELLED, AzureProblems.explain(new CancellationException()).code());
        assertEquals(AzureProblems.CANCELLED, AzureProblems.explain(new RuntimeException(new InterruptedException())).code());
        assertEquals("ContainerGroupStopped", AzureProblems.explain(new ExecutionException(arm("ContainerGroupStopped", "x"))).code());
        Explanation odd = AzureProblems.explain(new IllegalStateException("line one\n\tat com.example.Foo.bar(Foo.java:1)"));
        assertEquals(AzureProblems.UNEXPECTED, odd.code());
        assertEquals("IllegalStateException: line one", odd.message());
        plain(odd);
    }

    @Test
    void containerEventsAreExplained() {
        Instant t = Instant.now();
        assertEquals(AzureProblems.DOCKER_RATE_LIMITED, AzureProblems.explainEvent(new EventInfo("keeper-gateway", "Warning", "Failed",
                "Failed to pull image \"keeper/gateway:latest\": toomanyrequests: You have reached your pull rate limit.", 3, t, t)).code());
        assertEquals(AzureProblems.IMAGE_PULL_FAILED, AzureProblems.explainEvent(new EventInfo("keeper-gateway", "Warning", "Failed",
                "Failed to pull image \"keeper/gateway:nope\": manifest unknown", 1, t, t)).code());
        Explanation crash = AzureProblems.explainEvent(new EventInfo("keeper-gateway", "Warning", "BackOff",
                "Back-off restarting failed container", 4, t, t));
        assertEquals(AzureProblems.CRASH_LOOP, crash.code());
        assertTrue(crash.nextStep().contains("GATEWAY_CONFIG"));
        assertEquals("Pulled", AzureProblems.explainEvent(new EventInfo("keeper-gateway", "Normal", "Pulled", "ok", 1, t, t)).code());
        Explanation other = AzureProblems.explainEvent(new EventInfo("group", "Warning", "Evicted", "node drained", 1, t, t));
        assertEquals("Evicted", other.code());
        assertEquals("node drained", other.message());
    }
}
