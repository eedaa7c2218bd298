package com.gatewaywizard.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeenIpsTest {
    private static final String A = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerInstance/containerGroups/a";
    private static final String B = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerInstance/containerGroups/b";

    private static Map<String, String> ips(String... pairs) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void aChangeSeenByALaterRunIsReportedWithTheOldAddressUntilAcknowledged(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("seen-ips.json");
        assertEquals(Map.of(), SeenIps.at(file).observe(ips(A, "10.0.0.4", B, "10.0.0.5")), "first sight: nothing changed");
        assertTrue(AtomicFiles.isOwnerOnly(file));

        SeenIps second = SeenIps.at(file); // the next app run
        assertEquals(Map.of(A, "10.0.0.4"), second.observe(ips(A, "10.0.0.6", B, "10.0.0.5")));
        assertEquals(Map.of(A, "10.0.0.4"), second.observe(ips(A, null, B, "10.0.0.5")), "stopped: still flagged, nothing recorded");
        assertEquals(Map.of(A.toUpperCase(), "10.0.0.4"), SeenIps.at(file).observe(ips(A.toUpperCase(), "10.0.0.6")),
                "ARM ids are case-insensitive (answered with the caller's spelling); the flag survives another run");

        second.acknowledge(A);
        assertEquals(Map.of(), SeenIps.at(file).observe(ips(A, "10.0.0.6", B, "10.0.0.5")), "acknowledged, in the file too");
        assertEquals(Map.of(A, "10.0.0.6"), SeenIps.at(file).observe(ips(A, "10.0.0.7")), "a new change flags again");
    }

    @Test
    void aCorruptFileIsSetAsideAndTheAddressesStartAfresh(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("seen-ips.json");
        Files.writeString(file, "{not json");
        assertEquals(Map.of(), SeenIps.at(file).observe(ips(A, "10.0.0.4")));
        assertEquals(Map.of(A, "10.0.0.4"), SeenIps.at(file).observe(ips(A, "10.0.0.9")));
    }
}
