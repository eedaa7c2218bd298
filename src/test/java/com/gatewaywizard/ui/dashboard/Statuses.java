package com.gatewaywizard.ui.dashboard;

import com.gatewaywizard.azure.ContainerStateInfo;
import com.gatewaywizard.azure.EventInfo;
import com.gatewaywizard.azure.GatewayRef;
import com.gatewaywizard.azure.GatewayStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Hand-made statuses for the view-model tests (the records the azure layer returns; nothing is mocked). */
final class Statuses {
    static final String SUB = "11111111-1111-1111-1111-111111111111";
    static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

    private Statuses() {
    }

    static GatewayStatus of(String name, String pool, int k, String state, String prov, String ip, int restarts) {
        return new GatewayStatus(new GatewayRef(SUB, "rg-keeper", name), pool, k, true, "westeurope",
                "/subscriptions/" + SUB + "/resourceGroups/rg-keeper/providers/Microsoft.Network/virtualNetworks/vnet-keeper/subnets/aci-gateways",
                "keeper/gateway:latest", 2, 8, prov, state, ip, restarts,
                new ContainerStateInfo("Running", T0, null, null, null), null, List.of(), Map.of(), T0, T0, Instant.now());
    }

    static GatewayStatus running(String name) {
        return of(name, name, 1, "Running", "Succeeded", "10.10.1.4", 0);
    }

    static GatewayStatus with(GatewayStatus s, String state, String prov, int restarts, ContainerStateInfo current,
            ContainerStateInfo previous, List<EventInfo> events, Instant created) {
        return new GatewayStatus(s.ref(), s.pool(), s.instance(), s.managedByUs(), s.region(), s.subnetId(), s.image(),
                s.cpu(), s.memoryGb(), prov, state, s.ip(), restarts, current, previous, events, s.tags(), created,
                s.containerStarted(), Instant.now(), s.registryUser());
    }
}
