package com.gatewaywizard.cli;

import com.gatewaywizard.keeper.TestConfigs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.simulator.ArmSimulator;
import com.gatewaywizard.simulator.SimulatorOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Usage errors and bad input of the Azure commands: exit 2 (or 1 for invalid gateway settings) with a message that
 * names the fix, and not a single request to Azure (the simulator's request log stays empty).
 */
class AzureCommandsUsageTest {
    static ArmSimulator sim;
    static final String PAT = TestConfigs.fakePat("Usage");

    @BeforeAll
    static void start() throws Exception {
        sim = ArmSimulator.start(SimulatorOptions.instant());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void clearLog() {
        sim.requestLog().clear();
    }

    private static CliRun run(Map<String, String> env, String... args) {
        List<String> a = new ArrayList<>(Arrays.asList(args));
        a.add("--cloud");
        a.add("simulator=" + sim.baseUrl());
        return CliRun.run(env, "", a.toArray(String[]::new));
    }

    private static CliRun run(String... args) {
        return run(Map.of(), args);
    }

    private static void assertNoAzureCall() {
        assertEquals(List.of(), sim.requestLog().entries(), "no request may reach Azure");
    }

    @Test
    void deleteWithoutYesIsRefusedBeforeSigningIn() {
        CliRun r = run("delete", "keeper-gateway");
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().contains("add --yes to confirm: gateway-wizard delete keeper-gateway --yes"), r.err());
        assertNoAzureCall();
    }

    @Test
    void unknownOptionIsAUsageErrorThatDoesNotEchoAValue() {
        CliRun r = run("list", "--colour=dckr_pat_oops");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown option --colour"), r.err());
        assertFalse(r.all().contains("dckr_pat_oops"), r.all());
        assertNoAzureCall();
    }

    @Test
    void optionWithoutItsValueIsAUsageError() {
        CliRun r = run("logs", "keeper-gateway", "--tail");
        // --tail is followed by --cloud: a value is missing
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--tail needs a value"), r.err());
        CliRun resource = CliRun.run("list", "--resource-group");
        assertEquals(2, resource.code());
        assertTrue(resource.err().contains("--resource-group needs a value"), resource.err());
        assertNoAzureCall();
    }

    @Test
    void aNumberOptionNeedsANumber() {
        CliRun r = run("logs", "keeper-gateway", "--tail", "lots");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--tail needs a whole number"), r.err());
        assertNoAzureCall();
    }

    @Test
    void secretsAsPlainFlagsAreRefusedWithTheSafeAlternative() {
        CliRun sp = CliRun.run("list", "--auth", "sp", "--tenant", "t", "--client-id", "c", "--client-secret", "s3cr3t-value");
        assertEquals(2, sp.code());
        assertTrue(sp.err().contains("--client-secret is not accepted: use --client-secret-file FILE"), sp.err());
        assertTrue(sp.err().contains("--client-secret-env VAR"), sp.err());
        assertFalse(sp.all().contains("s3cr3t-value"));

        CliRun pat = run("deploy", "--name", "keeper-gateway", "--docker-pat", PAT);
        assertEquals(2, pat.code());
        assertTrue(pat.err().contains("--docker-pat is not accepted: use --docker-pat-file FILE"), pat.err());
        assertFalse(pat.all().contains(PAT));

        CliRun config = run("preflight", "--gateway-config=eyJob3N0bmFtZSI6ImtlZXBlcnNlY3VyaXR5LmNvbSJ9");
        assertEquals(2, config.code());
        assertTrue(config.err().contains("--gateway-config-file FILE"), config.err());
        assertFalse(config.all().contains("eyJob3N0"));
        assertNoAzureCall();
    }

    @Test
    void theClientSecretComesFromAnEnvironmentVariableThatMustBeSet() {
        CliRun r = CliRun.run("list", "--auth", "sp", "--tenant", "t", "--client-id", "c", "--client-secret-env", "SP_SECRET");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("the environment variable SP_SECRET is not set"), r.err());
    }

    @Test
    void aServicePrincipalNeedsTenantClientIdAndOneCredential() {
        CliRun noTenant = CliRun.run("list", "--auth", "sp", "--client-id", "c", "--client-secret-env", "S");
        assertEquals(2, noTenant.code());
        assertTrue(noTenant.err().contains("--auth sp needs --tenant"), noTenant.err());
        CliRun noCredential = CliRun.run("list", "--auth", "sp", "--tenant", "t", "--client-id", "c");
        assertEquals(2, noCredential.code());
        assertTrue(noCredential.err().contains("either --client-secret-file/--client-secret-env or --certificate"));
        CliRun secretWithoutSp = CliRun.run(Map.of("S", "x"), "", "list", "--client-secret-env", "S");
        assertEquals(2, secretWithoutSp.code());
        assertTrue(secretWithoutSp.err().contains("add --auth sp"), secretWithoutSp.err());
    }

    @Test
    void unknownCloudOrSignInMethodIsAUsageError() {
        CliRun cloud = CliRun.run("list", "--cloud", "mars");
        assertEquals(2, cloud.code());
        assertTrue(cloud.err().contains("--cloud must be azure, usgov, china, simulator or simulator=URL"), cloud.err());
        CliRun auth = CliRun.run("list", "--auth", "password");
        assertEquals(2, auth.code());
        assertTrue(auth.err().contains("--auth must be cli, browser, device or sp"), auth.err());
        CliRun url = CliRun.run("list", "--cloud", "simulator=not a url");
        assertEquals(2, url.code());
        assertTrue(url.err().contains("must start with http:// or https://; give the URL 'gateway-wizard simulator' printed"), url.err());
    }

    @Test
    void theSimulatorTakesNoSignInOptions() {
        CliRun r = run("list", "--auth", "device");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--auth is not used with the simulator"), r.err());
        assertNoAzureCall();
    }

    @Test
    void commandsOnOneGatewayNeedExactlyOneName() {
        for (String cmd : List.of("status", "logs", "start", "stop", "restart")) {
            CliRun none = run(cmd);
            assertEquals(2, none.code(), cmd);
            assertTrue(none.err().contains("give the gateway's name"), cmd + ": " + none.err());
            CliRun two = run(cmd, "a", "b");
            assertEquals(2, two.code(), cmd);
            assertTrue(two.err().contains("give one gateway name"), cmd + ": " + two.err());
        }
        CliRun bad = run("status", "Keeper_Gateway!");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("is not a container group name"), bad.err());
        assertFalse(bad.all().contains("Keeper_Gateway!"), "a stray argument is never echoed");
        CliRun pasted = run("restart", "dckr_pat_PastedWhereTheNameGoes0123");
        assertEquals(2, pasted.code());
        assertFalse(pasted.all().contains("PastedWhereTheNameGoes"), "a pasted token is never echoed");
        assertTrue(pasted.err().contains("looks like a Docker Hub access token") && pasted.err().contains("--docker-pat-file"),
                pasted.err());
        assertNoAzureCall();
    }

    @Test
    void logsIntervalIsOnlyForFollow() {
        CliRun r = run("logs", "keeper-gateway", "--interval", "1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--interval is for --follow"), r.err());
    }

    @Test
    void preflightWithABadNameStopsBeforeAzureWithTheProblemAndItsFix() {
        String subnet = "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-keeper/providers/"
                + "Microsoft.Network/virtualNetworks/vnet-keeper/subnets/aci-gateways";
        CliRun r = run(Map.of("PAT", PAT, "CFG", com.gatewaywizard.keeper.TestConfigs.valid()), "preflight",
                "--name", "Keeper_Gateway!", "--location", "westeurope", "--resource-group", "rg-keeper", "--subnet-id", subnet,
                "--docker-user", "keeperdemo", "--docker-pat-env", "PAT", "--gateway-config-env", "CFG");
        assertEquals(1, r.code(), r.all());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("error NAME_\\w+ name: .+ \u2014 .+")), r.out());
        assertTrue(r.out().contains("Azure was not asked"), r.out());
        assertNoAzureCall();
    }

    @Test
    void deployWithoutTheSecretsStopsBeforeAzure() {
        String subnet = "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-keeper/providers/"
                + "Microsoft.Network/virtualNetworks/vnet-keeper/subnets/aci-gateways";
        CliRun r = run("deploy", "--name", "keeper-gateway", "--location", "westeurope", "--resource-group", "rg-keeper",
                "--subnet-id", subnet, "--docker-user", "keeperdemo");
        assertEquals(1, r.code(), r.all());
        assertTrue(r.err().contains("error DOCKER_PAT_REQUIRED"), r.err());
        assertTrue(r.err().contains("nothing was sent to Azure"), r.err());
        assertNoAzureCall();
    }

    @Test
    void everyAzureCommandHasHelpWithTheSharedOptions() {
        for (String cmd : List.of("preflight", "deploy", "list", "status", "logs", "start", "stop", "restart", "delete")) {
            CliRun r = CliRun.run(cmd, "--help");
            assertEquals(0, r.code(), cmd);
            assertTrue(r.out().startsWith("Usage: gateway-wizard " + cmd), cmd);
            assertTrue(r.out().contains("--cloud azure|usgov|china|simulator[=URL]"), cmd);
            assertTrue(r.out().contains("its world lives only as\n") || r.out().contains("its world lives only as"), cmd);
            assertTrue(r.out().contains("--client-secret-file"), cmd);
        }
        assertTrue(CliRun.run("deploy", "--help").out().contains("--docker-pat-file"), "deploy takes render's flags");
    }

    @Test
    void theDeviceCodeAndItsUrlGoToStderrSoStdoutStaysClean() {
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        Console c = new Console(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8), java.io.InputStream.nullInputStream(), Map.of());
        AzureOptions.printDeviceCode(c, new com.gatewaywizard.azure.DeviceCodePrompt("K7QX-2MPL", "https://microsoft.com/devicelogin",
                java.time.Instant.now().plusSeconds(900), "To sign in, use a web browser"));
        assertEquals(0, out.size());
        String e = err.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(e.startsWith("To sign in, open https://microsoft.com/devicelogin and enter the code K7QX-2MPL (before "), e);
    }

    @Test
    void aServicePrincipalCertificateMustExist() {
        CliRun r = CliRun.run("list", "--auth", "sp", "--tenant", "t", "--client-id", "c", "--certificate", "/no/such/cert.pem");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--certificate: no such file /no/such/cert.pem"), r.err());
    }

    @Test
    void helpShowsTheLogFile() {
        CliRun r = CliRun.run("--help");
        assertTrue(r.out().contains("Log file: " + com.gatewaywizard.Logging.logFile()), r.out());
    }
}
