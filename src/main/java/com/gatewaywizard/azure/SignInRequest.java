package com.gatewaywizard.azure;

import com.gatewaywizard.spec.Secret;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Everything {@code Azure.connect} needs to sign in. Fields a method does not use may be null: tenant for the
 * interactive methods (null = "organizations"), client id/secret/certificate for service principals only,
 * {@code simulatorUrl} for {@link CloudKind#SIMULATOR} only, {@code deviceCode} for {@link SignInMethod#DEVICE_CODE}.
 */
public record SignInRequest(
        CloudKind cloud,
        URI simulatorUrl,
        SignInMethod method,
        String tenantId,
        String clientId,
        Secret clientSecret,
        Path certificate,
        Secret certificatePassword,
        Consumer<DeviceCodePrompt> deviceCode) {

    public SignInRequest {
        Objects.requireNonNull(cloud, "cloud");
        Objects.requireNonNull(method, "method");
        clientSecret = clientSecret == null ? Secret.EMPTY : clientSecret;
        certificatePassword = certificatePassword == null ? Secret.EMPTY : certificatePassword;
        deviceCode = deviceCode == null ? p -> { } : deviceCode;
        if (cloud == CloudKind.SIMULATOR && simulatorUrl == null) {
            throw new IllegalArgumentException("the simulator cloud needs the simulator's URL");
        }
    }

    /** Sign in to the built-in simulator at {@code baseUrl} (e.g. {@code http://127.0.0.1:PORT}). */
    public static SignInRequest simulator(URI baseUrl) {
        return new SignInRequest(CloudKind.SIMULATOR, baseUrl, SignInMethod.SIMULATOR, null, null, null, null, null, null);
    }

    public static SignInRequest of(CloudKind cloud, SignInMethod method) {
        return new SignInRequest(cloud, null, method, null, null, null, null, null, null);
    }
}
