package com.gatewaywizard.azure;

import com.gatewaywizard.keeper.KeeperRegion;
import com.gatewaywizard.keeper.TestConfigs;
import com.gatewaywizard.simulator.ArmSimulator;
import com.gatewaywizard.simulator.SeedWorld;
import com.gatewaywizard.simulator.SimulatorOptions;
import com.gatewaywizard.spec.GatewaySpec;
import com.gatewaywizard.spec.LivenessProbe;
import com.gatewaywizard.spec.Secret;
import java.io.IOException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A simulator and a session on it, for the azure layer's tests (real SDK over HTTP). Either started at once
 * ({@link #start}, closed by the test) or one per test class:
 * {@code @RegisterExtension static final Sim s = Sim.perClass();} starts it before the class's tests (and its
 * {@code @BeforeAll} methods) and closes it after them.
 */
final class Sim implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
    static final String PAT = TestConfigs.fakePat("Sim");
    static final String CONFIG = TestConfigs.valid(KeeperRegion.EU);

    private final SimulatorOptions options;
    private final AzureTuning tuning;
    ArmSimulator sim;
    AzureServices az;

    private Sim(SimulatorOptions options, AzureTuning tuning) {
        this.options = options;
        this.tuning = tuning;
    }

    static Sim start() {
        return start(SimulatorOptions.instant(), AzureTuning.fast());
    }

    static Sim start(SimulatorOptions options) {
        return start(options, AzureTuning.fast());
    }

    static Sim start(SimulatorOptions options, AzureTuning tuning) {
        Sim s = new Sim(options, tuning);
        s.open();
        return s;
    }

    /** The instant simulator and a fast session, for one test class (see the class comment). */
    static Sim perClass() {
        return new Sim(SimulatorOptions.instant(), AzureTuning.fast());
    }

    private void open() {
        try {
            sim = ArmSimulator.start(options);
            az = Azure.connect(SignInRequest.simulator(sim.uri()), tuning, sim.clientSslContext());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        open();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    static String subnet(String name) {
        return SeedWorld.subnetId(SeedWorld.PRODUCTION, name);
    }

    /** A valid spec for Production, rg-keeper, westeurope, subnet aci-gateways, 1 CPU / 2 GB, with Docker Hub credentials. */
    static GatewaySpec.Builder spec(String name) {
        return GatewaySpec.builder().subscriptionId(SeedWorld.PRODUCTION).resourceGroup(SeedWorld.RESOURCE_GROUP)
                .region(SeedWorld.LOCATION).name(name).subnetId(subnet(SeedWorld.SUBNET_ACI)).dockerUser("hubuser")
                .dockerPat(Secret.of(PAT)).gatewayConfig(Secret.of(CONFIG)).image("keeper/gateway:1.8.4").cpu(1).memoryGb(2)
                .liveness(LivenessProbe.NONE).instances(1);
    }

    GatewayRef ref(String name) {
        return new GatewayRef(SeedWorld.PRODUCTION, SeedWorld.RESOURCE_GROUP, name);
    }

    long requests(String method, String pathPart) {
        return sim.requestLog().entries().stream().filter(e -> e.method().equals(method) && e.path().contains(pathPart)).count();
    }

    /** Collects deploy events (thread-safe). */
    static final class Events implements DeployListener {
        final List<DeployEvent> all = new CopyOnWriteArrayList<>();

        @Override
        public void onEvent(DeployEvent e) {
            all.add(e);
        }

        List<DeployStep> steps(String instance) {
            return all.stream().filter(e -> e.instance().equals(instance)).map(DeployEvent::step).toList();
        }

        boolean has(String instance, DeployStep step) {
            return steps(instance).contains(step);
        }
    }

    @Override
    public void close() {
        az.close();
        sim.close();
    }
}
