package com.gatewaywizard.state.keychain;

import com.gatewaywizard.spec.Secret;
import java.util.Optional;

/** The keychain of a system without a supported store: never available, says why. */
final class NoKeychain implements Keychain {
    private final String reason;

    NoKeychain(String reason) {
        this.reason = reason;
    }

    @Override
    public String name() {
        return "the OS keychain";
    }

    @Override
    public Availability availability() {
        return Availability.no(name(), reason);
    }

    @Override
    public void store(KeychainKey key, Secret value) throws KeychainException {
        throw new KeychainException("The OS keychain is not available: " + reason + ".");
    }

    @Override
    public Optional<Secret> lookup(KeychainKey key) throws KeychainException {
        throw new KeychainException("The OS keychain is not available: " + reason + ".");
    }

    @Override
    public boolean delete(KeychainKey key) throws KeychainException {
        throw new KeychainException("The OS keychain is not available: " + reason + ".");
    }
}
