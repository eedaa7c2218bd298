package com.gatewaywizard.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.gatewaywizard.azure.SimulatorAddress.Fault;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** One check of a simulator's address for the CLI's --cloud simulator=URL and the app's field and flag. */
class SimulatorAddressTest {
    @Test
    void theUrlTheSimulatorPrintsIsTakenWithSpacesAndATrailingSlashDropped() {
        assertEquals(URI.create("http://127.0.0.1:8443"), SimulatorAddress.parse("  http://127.0.0.1:8443/ "));
        assertEquals(URI.create("https://trainer-pc.local:9443"), SimulatorAddress.parse("https://trainer-pc.local:9443"));
        assertEquals(URI.create("HTTP://127.0.0.1:8443"), SimulatorAddress.parse("HTTP://127.0.0.1:8443"));
        assertNull(SimulatorAddress.fault("http://localhost:8443"));
    }

    @Test
    void eachKindOfWrongAddressHasItsFault() {
        assertEquals(Fault.NOT_HTTP, SimulatorAddress.fault("127.0.0.1:8443"));
        assertEquals(Fault.NOT_HTTP, SimulatorAddress.fault(""));
        assertEquals(Fault.NOT_HTTP, SimulatorAddress.fault("ftp://127.0.0.1:8443"));
        assertEquals(Fault.NOT_A_URL, SimulatorAddress.fault("http://127.0.0.1 :8443"));
        assertEquals(Fault.NOT_A_URL, SimulatorAddress.fault("http://"));
        assertEquals(Fault.NOT_A_URL, SimulatorAddress.fault("http://user@127.0.0.1:8443"));
        assertEquals(Fault.BAD_PORT, SimulatorAddress.fault("http://127.0.0.1:99999"));
        assertEquals(Fault.BAD_PORT, SimulatorAddress.fault("http://127.0.0.1:0"));
        assertEquals(Fault.HAS_PATH, SimulatorAddress.fault("http://127.0.0.1:8443/subscriptions"));
        assertEquals(Fault.HAS_PATH, SimulatorAddress.fault("http://127.0.0.1:8443?x=1"));
        assertEquals(Fault.NO_PORT, SimulatorAddress.fault("http://127.0.0.1"));
        assertEquals(Fault.NO_PORT, SimulatorAddress.fault("https://trainer-pc.local/"));
        assertEquals(Fault.IPV6, SimulatorAddress.fault("http://[::1]:18443"));
        assertEquals(Fault.IPV6, SimulatorAddress.fault("http://[::1]"));
    }
}
