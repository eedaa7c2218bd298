package com.gatewaywizard.azure;

/** Registration state of the {@code Microsoft.ContainerInstance} resource provider in a subscription. */
public enum ProviderState {
    REGISTERED, NOT_REGISTERED, REGISTERING, UNREGISTERING, UNKNOWN
}
