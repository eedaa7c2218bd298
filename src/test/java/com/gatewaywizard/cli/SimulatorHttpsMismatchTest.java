package com.gatewaywizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.simulator.ArmSimulator;
import com.gatewaywizard.simulator.SimulatorOptions;
import org.junit.jupiter.api.Test;

/**
 * An https:// address given for a simulator that serves http: the simulator closes the TLS handshake within seconds
 * (it used to hang until the client gave up, about 50 s, and that was blamed on Azure being slow), the handshake is
 * not retried, and the message says to use the http:// address.
 */
class SimulatorHttpsMismatchTest {

    @Test
    void anHttpsAddressForAPlainHttpSimulatorSaysToUseHttpNotThatAzureIsSlow() throws Exception {
        try (ArmSimulator sim = ArmSimulator.start(SimulatorOptions.instant())) {
            String wrong = "https://127.0.0.1:" + sim.port();
            CliRun r = CliRun.run("list", "--cloud", "simulator=" + wrong);
            assertEquals(1, r.code(), r.all());
            assertTrue(r.err().contains("does not speak https") && r.err().contains("http://"), r.err());
            assertTrue(!r.err().contains("took too long"), "the simulator closed the handshake, it did not hang: " + r.err());
        }
    }
}
