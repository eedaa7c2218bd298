package com.gatewaywizard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gatewaywizard.keeper.KeeperRegion;
import com.gatewaywizard.keeper.TestConfigs;

/** Container-group bodies shaped like the product's (the seed manifest), for tests. */
final class Gateways {
    /** A well-formed EU config (generated with real key sizes by the keeper package's TestConfigs). */
    static final String CONFIG = TestConfigs.valid(KeeperRegion.EU);

    private Gateways() {
    }

    /** The reference gateway: private IP 443 in a subnet, Docker Hub credentials, secure GATEWAY_CONFIG, /dev/shm. */
    static ObjectNode body(String subscription, String subnet) {
        return body(subscription, subnet, "westeurope", 1.0, 2.0);
    }

    static ObjectNode body(String subscription, String subnet, String location, double cpu, double memory) {
        String json = """
                {"location": "%s",
                 "properties": {
                   "osType": "Linux", "restartPolicy": "Always", "sku": "Standard",
                   "imageRegistryCredentials": [{"server": "index.docker.io", "username": "hubuser", "password": "hub-token-123"}],
                   "containers": [{"name": "keeper-gateway", "properties": {
                      "image": "keeper/gateway:latest",
                      "ports": [{"port": 443, "protocol": "TCP"}],
                      "resources": {"requests": {"cpu": %s, "memoryInGB": %s}},
                      "environmentVariables": [
                        {"name": "ACCEPT_EULA", "value": "Y"},
                        {"name": "GATEWAY_CONFIG", "secureValue": "%s"}],
                      "volumeMounts": [{"name": "devshm", "mountPath": "/dev/shm"}]}}],
                   "ipAddress": {"type": "Private", "ports": [{"port": 443, "protocol": "TCP"}]},
                   "subnetIds": [{"id": "%s"}],
                   "volumes": [{"name": "devshm", "emptyDir": {}}]}}
                """.formatted(location, cpu, memory, CONFIG, SeedWorld.subnetId(subscription, subnet));
        try {
            return (ObjectNode) ArmJson.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
