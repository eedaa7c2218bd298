package com.gatewaywizard.spec;

/**
 * The most CPU and memory one container group may request where it is deployed. {@link #STANDARD_LINUX} is ACI's
 * limit for a standard Linux group; a region's capabilities (read by the Azure layer) may be lower.
 *
 * @param maxCpu      most CPU cores, at least 0.1
 * @param maxMemoryGb most memory in GB, at least 0.1
 */
public record Limits(double maxCpu, double maxMemoryGb) {
    /** Smallest request ACI accepts, and the step of both values. */
    public static final double MIN = 0.1;
    /** Standard SKU, Linux: 4 CPU, 16 GB. */
    public static final Limits STANDARD_LINUX = new Limits(4, 16);

    public Limits {
        if (!(maxCpu >= MIN) || !(maxMemoryGb >= MIN) || Double.isInfinite(maxCpu) || Double.isInfinite(maxMemoryGb)) {
            throw new IllegalArgumentException("limits must be finite and at least " + MIN);
        }
    }
}
