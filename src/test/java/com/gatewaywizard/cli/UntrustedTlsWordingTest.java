package com.gatewaywizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.simulator.ArmSimulator;
import com.gatewaywizard.simulator.SimulatorOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An https endpoint whose certificate this computer does not trust (here: a simulator whose CA is in another folder
 * than the data folder's) is not "nothing answered" — the answer came, the certificate is the problem — and the next
 * step says what to do about it.
 */
class UntrustedTlsWordingTest {
    @Test
    void aCertificateThatIsNotTrustedIsSaidSoWithTheEndpoint(@TempDir Path elsewhere) throws Exception {
        try (ArmSimulator sim = ArmSimulator.start(SimulatorOptions.instant().withTls(true).withTlsDir(elsewhere))) {
            CliRun r = CliRun.run("list", "--cloud=simulator=" + sim.baseUrl());
            assertEquals(1, r.code(), r.all());
            assertTrue(r.err().contains("Connection not trusted") && r.err().contains(sim.baseUrl().replaceAll("/$", "")),
                    r.err());
            assertTrue(r.err().contains("simulator --tls"), r.err());
            assertFalse(r.err().contains("Nothing answered") || r.err().contains("refused or dropped"), r.err());
        }
    }
}
