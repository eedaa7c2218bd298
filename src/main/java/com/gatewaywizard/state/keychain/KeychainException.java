package com.gatewaywizard.state.keychain;

import java.io.IOException;

/** A keychain operation that failed; the message is plain words for the user and never holds a secret. */
public final class KeychainException extends IOException {
    public KeychainException(String message) {
        super(message);
    }
}
