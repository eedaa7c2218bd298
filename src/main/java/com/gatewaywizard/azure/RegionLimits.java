package com.gatewaywizard.azure;

/** The largest standard Linux container group a region offers (ACI capabilities API). */
public record RegionLimits(String region, double maxCpu, double maxMemoryGb) {
}
