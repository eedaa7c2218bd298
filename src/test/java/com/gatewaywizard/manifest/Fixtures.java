package com.gatewaywizard.manifest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.keeper.TestConfigs;
import com.gatewaywizard.spec.GatewaySpec;
import com.gatewaywizard.spec.LivenessProbe;
import com.gatewaywizard.spec.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Shared test inputs: the seed document, the case files, and specs built from the seed's example inputs. */
final class Fixtures {
    static final String SEED_SUBNET = "/subscriptions/<SUBSCRIPTION_ID>/resourceGroups/<RG_NAME>/providers/"
            + "Microsoft.Network/virtualNetworks/<VNET_NAME>/subnets/<SUBNET_NAME>";
    static final String SUBSCRIPTION = "3f2b8c4e-1d2a-4b6c-9e8f-0a1b2c3d4e5f";
    static final String SUBNET = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/rg-network/providers/"
            + "Microsoft.Network/virtualNetworks/vnet-keeper/subnets/snet-aci";
    /** Look like secrets, are test values; tests assert they never leak. */
    static final String PAT = TestConfigs.fakePat("Manifest");
    static final String CONFIG = TestConfigs.valid();

    private Fixtures() {
    }

    static Path shared() {
        String dir = System.getProperty("shared.dir");
        assertTrue(dir != null && Files.isDirectory(Path.of(dir)), "system property shared.dir must point at the shared folder");
        return Path.of(dir);
    }

    static Path caseFile(String name) {
        return shared().resolve("cases/inputs").resolve(name);
    }

    /** The first manifest code block of the seed document, exactly as written there. */
    static String seedManifest() {
        try {
            String md = Files.readString(shared().resolve("seed/keeper-gateway-on-azure-container-instance.md"));
            int start = md.indexOf("```\napiVersion: 2024-05-01-preview\n");
            assertTrue(start >= 0, "the seed's manifest block was not found");
            int end = md.indexOf("```", start + 3);
            return md.substring(start + 4, end);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The spec that reproduces the seed's placeholders. */
    static GatewaySpec seedSpec() {
        return GatewaySpec.builder()
                .region("<AZURE_REGION>")
                .name("<GATEWAY_INSTANCE_NAME>")
                .dockerUser("<DOCKER_HUB_USERNAME>")
                .subnetId(SEED_SUBNET)
                .build();
    }

    /** The seed's example inputs with real-looking values (westeurope, a test name). */
    static GatewaySpec exampleSpec() {
        return GatewaySpec.builder()
                .subscriptionId(SUBSCRIPTION)
                .resourceGroup("rg-keeper")
                .region("westeurope")
                .name("keeper-gateway")
                .subnetId(SUBNET)
                .dockerUser("keeperdemo")
                .dockerPat(Secret.of(PAT))
                .gatewayConfig(Secret.of(CONFIG))
                .build();
    }

    /** Every option on: debug logging, exec probe, user tags, 3 instances. */
    static GatewaySpec allOptionsSpec() {
        return exampleSpec().toBuilder()
                .debugLogging(true)
                .liveness(LivenessProbe.EXEC)
                .cpu(4.0)
                .memoryGb(16.0)
                .image("keeper/gateway:1.8.4")
                .instances(3)
                .tag("environment", "production")
                .tag("cost-center", "0042")
                .build();
    }

    static String resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            assertTrue(in != null, "missing test resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
