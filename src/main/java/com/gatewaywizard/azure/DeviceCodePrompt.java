package com.gatewaywizard.azure;

import java.time.Instant;

/**
 * What the user must do to finish a device-code sign-in: open {@code verificationUrl} and enter {@code userCode}
 * before {@code expiresAt}. Handed to the caller's callback; never printed by the SDK.
 */
public record DeviceCodePrompt(String userCode, String verificationUrl, Instant expiresAt, String message) {
}
