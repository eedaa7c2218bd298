package com.gatewaywizard.azure;

/** How the user proves who they are. {@link #SIMULATOR} needs no credential and works only with {@link CloudKind#SIMULATOR}. */
public enum SignInMethod {
    SIMULATOR,
    /** The token of a prior {@code az login} (needs {@code az} on PATH). */
    AZURE_CLI,
    /** A system browser window (MSAL interactive flow). */
    BROWSER,
    /** A code shown in the app, entered at the verification URL on any device. */
    DEVICE_CODE,
    SERVICE_PRINCIPAL_SECRET,
    SERVICE_PRINCIPAL_CERTIFICATE
}
