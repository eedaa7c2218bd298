package com.gatewaywizard.azure;

/** StandardCores quota of ACI in one region of one subscription. */
public record CoreUsage(String region, long used, long limit) {
    public long free() {
        return Math.max(0, limit - used);
    }
}
