package com.gatewaywizard.bench;

import com.gatewaywizard.keeper.TestConfigs;
import com.gatewaywizard.manifest.ArmBody;
import com.gatewaywizard.manifest.ManifestYaml;
import com.gatewaywizard.manifest.SecretMode;
import com.gatewaywizard.spec.GatewaySpec;
import com.gatewaywizard.spec.LivenessProbe;
import com.gatewaywizard.spec.Secret;
import java.util.ArrayList;
import java.util.List;

/**
 * YAML render time: {@link ArmBody} then {@link ManifestYaml} for the seed's example with every option on, as the
 * wizard's preview does on each edit. The first render in a fresh JVM (class loading included) in a child process,
 * and the warm per-render time (median of 5 batches of 500).
 */
final class RenderBench {
    private final Bench bench;

    RenderBench(Bench bench) {
        this.bench = bench;
    }

    static GatewaySpec spec() {
        String subscription = "3f2b8c4e-1d2a-4b6c-9e8f-0a1b2c3d4e5f";
        return GatewaySpec.builder()
                .subscriptionId(subscription)
                .resourceGroup("rg-keeper")
                .region("westeurope")
                .name("keeper-gateway")
                .subnetId("/subscriptions/" + subscription + "/resourceGroups/rg-network/providers/"
                        + "Microsoft.Network/virtualNetworks/vnet-keeper/subnets/snet-aci")
                .dockerUser("keeperdemo")
                .dockerPat(Secret.of(TestConfigs.fakePat("Bench")))
                .gatewayConfig(Secret.of(TestConfigs.valid()))
                .debugLogging(true)
                .liveness(LivenessProbe.EXEC)
                .tag("environment", "production")
                .build();
    }

    static String render(GatewaySpec spec) {
        return ManifestYaml.write(ArmBody.of(spec, 1, SecretMode.MASKED));
    }

    void run() throws Exception {
        GatewaySpec spec = spec();
        List<Double> perRenderUs = new ArrayList<>();
        int sink = 0;
        for (int batch = 0; batch <= Bench.RUNS; batch++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 500; i++) {
                sink += render(spec).length();
            }
            double us = (System.nanoTime() - t0) / 1000.0 / 500;
            if (batch > 0) {
                perRenderUs.add(us);
            }
        }
        List<Double> cold = new ArrayList<>();
        for (int i = 0; i < Bench.RUNS; i++) {
            cold.add(coldRender());
        }
        bench.row("YAML render (ArmBody + ManifestYaml), warm", String.format(java.util.Locale.ROOT, "%.0f µs",
                Bench.median(perRenderUs)), "", "", "");
        bench.row("YAML render, first in a fresh JVM (class loading included)", Bench.ms(Bench.median(cold)), "", "",
                "");
        if (sink == 42) {
            System.out.println(); // keeps the renders from being optimised away
        }
    }

    private double coldRender() throws Exception {
        String cp = System.getProperty("java.class.path");
        List<String> cmd = List.of(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", cp, ColdRender.class.getName());
        Bench.Proc p = Bench.run(cmd, bench.base, 60_000);
        String line = p.await(ColdRender.MARK);
        p.finish();
        if (line == null) {
            throw new IllegalStateException("the cold render printed nothing: " + p.output());
        }
        return Double.parseDouble(line.substring(ColdRender.MARK.length()).strip());
    }

    /** Child process: one render, timed from just before the first use of the manifest classes. */
    public static final class ColdRender {
        static final String MARK = "RENDER_MS ";

        public static void main(String[] args) {
            long t0 = System.nanoTime();
            String yaml = render(spec());
            double ms = (System.nanoTime() - t0) / 1e6;
            if (yaml.isEmpty()) {
                throw new IllegalStateException("empty manifest");
            }
            System.out.println(MARK + ms);
        }
    }
}
