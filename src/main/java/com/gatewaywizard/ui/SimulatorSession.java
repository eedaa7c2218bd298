package com.gatewaywizard.ui;

import com.gatewaywizard.azure.SignInRequest;
import com.gatewaywizard.azure.SimulatorAddress;
import com.gatewaywizard.simulator.ArmSimulator;
import com.gatewaywizard.simulator.SimulatorOptions;
import java.io.IOException;
import java.net.URI;

/**
 * The in-process training simulator: started on first use (off the FX thread), kept for the rest of the session,
 * closed when the app ends.
 */
public final class SimulatorSession implements AutoCloseable {
    private final SimulatorOptions options;
    private ArmSimulator simulator;

    public SimulatorSession(SimulatorOptions options) {
        this.options = options;
    }

    /** Starts the simulator if needed and returns its base URL. Blocking: call off the FX thread. */
    public synchronized URI ensureStarted() throws IOException {
        if (simulator == null) {
            simulator = ArmSimulator.start(options);
        }
        return simulator.uri();
    }

    /**
     * The sign-in request for the simulator the user chose: {@code address} blank means this app's built-in one
     * ({@code session}, started if needed), else a separately started {@code gateway-wizard simulator} at that URL
     * (checked by {@link SimulatorAddress#parse}; the built-in one is then not started). Blocking: call off the FX thread.
     */
    public static SignInRequest request(SimulatorSession session, String address) throws IOException {
        if (address != null && !address.isBlank()) {
            return SignInRequest.simulator(SimulatorAddress.parse(address));
        }
        if (session == null) {
            throw new IllegalStateException(Texts.get("signin.no.simulator"));
        }
        return SignInRequest.simulator(session.ensureStarted());
    }

    /** The running simulator, or null before {@link #ensureStarted()}. */
    public synchronized ArmSimulator simulator() {
        return simulator;
    }

    @Override
    public synchronized void close() {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }
}
