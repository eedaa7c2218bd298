package com.gatewaywizard.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Every choice the user makes for one gateway deployment (a pool of {@link #instances()} container groups).
 * Immutable. It holds raw input as typed: {@link SpecValidator} says what is wrong with it; the manifest code
 * turns a valid spec into the ARM body and the YAML, the one model behind both.
 *
 * <p>Secrets are {@link Secret}s, so {@link #toString()} never shows them.
 */
public record GatewaySpec(
        String subscriptionId,
        String resourceGroup,
        String region,
        String name,
        String subnetId,
        String dockerUser,
        Secret dockerPat,
        Secret gatewayConfig,
        String image,
        double cpu,
        double memoryGb,
        boolean debugLogging,
        LivenessProbe liveness,
        int instances,
        Map<String, String> tags) {

    public static final String DEFAULT_IMAGE = "keeper/gateway:latest";
    public static final double DEFAULT_CPU = 2.0;
    public static final double DEFAULT_MEMORY_GB = 8.0;
    public static final int MAX_INSTANCES = 10;
    /** The container inside every group is named as in the seed, whatever the group's name. */
    public static final String CONTAINER_NAME = "keeper-gateway";

    public GatewaySpec {
        subscriptionId = nz(subscriptionId);
        resourceGroup = nz(resourceGroup);
        region = nz(region);
        name = nz(name);
        subnetId = nz(subnetId);
        dockerUser = nz(dockerUser);
        dockerPat = dockerPat == null ? Secret.EMPTY : dockerPat;
        gatewayConfig = gatewayConfig == null ? Secret.EMPTY : gatewayConfig;
        image = image == null || image.isBlank() ? DEFAULT_IMAGE : image;
        liveness = liveness == null ? LivenessProbe.NONE : liveness;
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Name of instance {@code k} (1-based) of the pool: {@code name} for k=1, {@code name-k} after (as the seed names its second file). */
    public String instanceName(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("instance numbers start at 1");
        }
        return k == 1 ? name : name + "-" + k;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .subscriptionId(subscriptionId).resourceGroup(resourceGroup).region(region).name(name)
                .subnetId(subnetId).dockerUser(dockerUser).dockerPat(dockerPat).gatewayConfig(gatewayConfig)
                .image(image).cpu(cpu).memoryGb(memoryGb).debugLogging(debugLogging).liveness(liveness)
                .instances(instances).tags(tags);
    }

    /** Mutable builder; defaults are the seed's (image {@value #DEFAULT_IMAGE}, 2 CPU, 8 GB, no probe, 1 instance). */
    public static final class Builder {
        private String subscriptionId = "";
        private String resourceGroup = "";
        private String region = "";
        private String name = "";
        private String subnetId = "";
        private String dockerUser = "";
        private Secret dockerPat = Secret.EMPTY;
        private Secret gatewayConfig = Secret.EMPTY;
        private String image = DEFAULT_IMAGE;
        private double cpu = DEFAULT_CPU;
        private double memoryGb = DEFAULT_MEMORY_GB;
        private boolean debugLogging;
        private LivenessProbe liveness = LivenessProbe.NONE;
        private int instances = 1;
        private Map<String, String> tags = new LinkedHashMap<>();

        public Builder subscriptionId(String v) { subscriptionId = v; return this; }
        public Builder resourceGroup(String v) { resourceGroup = v; return this; }
        public Builder region(String v) { region = v; return this; }
        public Builder name(String v) { name = v; return this; }
        public Builder subnetId(String v) { subnetId = v; return this; }
        public Builder dockerUser(String v) { dockerUser = v; return this; }
        public Builder dockerPat(Secret v) { dockerPat = v; return this; }
        public Builder gatewayConfig(Secret v) { gatewayConfig = v; return this; }
        public Builder image(String v) { image = v; return this; }
        public Builder cpu(double v) { cpu = v; return this; }
        public Builder memoryGb(double v) { memoryGb = v; return this; }
        public Builder debugLogging(boolean v) { debugLogging = v; return this; }
        public Builder liveness(LivenessProbe v) { liveness = v; return this; }
        public Builder instances(int v) { instances = v; return this; }
        public Builder tags(Map<String, String> v) { tags = new LinkedHashMap<>(Objects.requireNonNullElse(v, Map.of())); return this; }
        public Builder tag(String k, String v) { tags.put(k, v); return this; }

        public GatewaySpec build() {
            return new GatewaySpec(subscriptionId, resourceGroup, region, name, subnetId, dockerUser, dockerPat,
                    gatewayConfig, image, cpu, memoryGb, debugLogging, liveness, instances, tags);
        }
    }
}
