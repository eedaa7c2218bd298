package com.gatewaywizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.simulator.ArmSimulator;
import com.gatewaywizard.simulator.SeedWorld;
import com.gatewaywizard.simulator.SimulatorOptions;
import com.gatewaywizard.spec.Problem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreflightWordingTest {
    @Test
    void theSummaryCountsErrorsWarningsAndNotesEachByName() {
        List<Problem> p = List.of(Problem.error("A", "", "a", ""), Problem.warning("B", "", "b", ""),
                Problem.info("C", "", "c", ""), Problem.info("D", "", "d", ""));
        assertEquals("1 error, 1 warning, 2 notes", PreflightCommand.counts(p));
        assertEquals("2 notes", PreflightCommand.counts(p.subList(2, 4)));
        assertEquals("", PreflightCommand.counts(List.of()));
        assertTrue(Commands.find("preflight").orElseThrow().summary().contains("--delegate-subnet"));
    }

    @Test
    void theDelegationHintComesAfterTheErrorItRefersTo() throws Exception {
        try (ArmSimulator sim = ArmSimulator.start(SimulatorOptions.instant())) {
            ByteArrayOutputStream both = new ByteArrayOutputStream();
            PrintStream ps = new PrintStream(both, true, StandardCharsets.UTF_8);
            List<String> args = new ArrayList<>(AzureCommandsSimulatorTest.deployArgs("preflight", "gw-hint",
                    SeedWorld.SUBNET_UNDELEGATED));
            args.add("--cloud=simulator=" + sim.baseUrl());
            int code = Commands.run(args, new Console(ps, ps, new ByteArrayInputStream(new byte[0]), AzureCommandsSimulatorTest.ENV));
            String out = both.toString(StandardCharsets.UTF_8);
            assertEquals(1, code, out);
            int error = out.indexOf("SUBNET_NOT_DELEGATED");
            int hint = out.indexOf("hint: add --delegate-subnet");
            assertTrue(error >= 0 && hint > error, out);
            assertTrue(out.contains("preflight: 1 error"), out);
        }
    }
}
