package com.gatewaywizard.azure;

/** A Microsoft Entra tenant the signed-in account can see. */
public record TenantInfo(String id, String displayName, String defaultDomain) {
}
