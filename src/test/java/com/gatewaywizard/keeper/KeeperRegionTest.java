package com.gatewaywizard.keeper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.keeper.Endpoint.Protocol;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeeperRegionTest {

    @ParameterizedTest
    @CsvSource({
        "US, keepersecurity.com, connect.keepersecurity.com, krelay.keepersecurity.com",
        "EU, keepersecurity.eu, connect.keepersecurity.eu, krelay.keepersecurity.eu",
        "AU, keepersecurity.com.au, connect.keepersecurity.com.au, krelay.keepersecurity.com.au",
        "CA, keepersecurity.ca, connect.keepersecurity.ca, krelay.keepersecurity.ca",
        "JP, keepersecurity.jp, connect.keepersecurity.jp, krelay.keepersecurity.jp",
        "GOV, govcloud.keepersecurity.us, connect.keepersecurity.us, krelay.keepersecurity.us",
    })
    void eachRegionHasTheHostsOfKeepersTable(KeeperRegion region, String host, String router, String relay) {
        assertEquals(host, region.hostname());
        assertEquals(router, region.routerHost());
        assertEquals(relay, region.relayHost());
    }

    @Test
    void govCloudReplacesTheGovcloudLabelInsteadOfPrefixingIt() {
        List<String> hosts = KeeperRegion.GOV.endpoints().stream().map(Endpoint::host).distinct().toList();
        assertEquals(List.of("govcloud.keepersecurity.us", "connect.keepersecurity.us", "krelay.keepersecurity.us"), hosts);
        assertEquals("connect.dev.keepersecurity.us", KeeperRegion.routerHost("govcloud.dev.keepersecurity.us"));
    }

    @ParameterizedTest
    @EnumSource(KeeperRegion.class)
    void everyRegionNeedsHttpsRouterAndRelayPortsOnTcpAndUdp(KeeperRegion region) {
        List<Endpoint> e = region.endpoints();
        assertEquals(List.of(
                new Endpoint(region.hostname(), Protocol.TCP, 443, 443, e.get(0).purpose()),
                new Endpoint(region.routerHost(), Protocol.TCP, 443, 443, e.get(1).purpose()),
                new Endpoint(region.relayHost(), Protocol.TCP, 3478, 3478, e.get(2).purpose()),
                new Endpoint(region.relayHost(), Protocol.UDP, 3478, 3478, e.get(3).purpose()),
                new Endpoint(region.relayHost(), Protocol.TCP, 49152, 65535, e.get(4).purpose()),
                new Endpoint(region.relayHost(), Protocol.UDP, 49152, 65535, e.get(5).purpose())), e);
        assertTrue(e.stream().noneMatch(x -> x.purpose().isBlank()));
    }

    @ParameterizedTest
    @CsvSource({
        "keepersecurity.com, US", "US, US", "us, US", "EU, EU", "keepersecurity.eu, EU", "KEEPERSECURITY.EU, EU",
        "https://keepersecurity.eu/api/rest/, EU", "keepersecurity.com.au:443, AU", "keepersecurity.ca., CA",
        "JP, JP", "GOV, GOV", "US_GOV, GOV", "govcloud.keepersecurity.us, GOV", "https://govcloud.keepersecurity.us, GOV",
    })
    void hostnamesRegionCodesAndUrlsMapToTheirRegion(String hostname, KeeperRegion region) {
        assertEquals(Optional.of(region), KeeperRegion.fromHostname(hostname));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "keepersecurity.net", "qa.keepersecurity.com", "connect.keepersecurity.com", "IL5", "example.org"})
    void otherHostsAreNotAPublicRegion(String hostname) {
        assertEquals(Optional.empty(), KeeperRegion.fromHostname(hostname));
    }

    @Test
    void aCustomHostGetsEndpointsByTheSameRule() {
        List<Endpoint> e = KeeperRegion.endpointsFor("https://qa.keepersecurity.com/api");
        assertEquals("qa.keepersecurity.com", e.get(0).host());
        assertEquals("connect.qa.keepersecurity.com", e.get(1).host());
        assertEquals("krelay.qa.keepersecurity.com", e.get(5).host());
    }

    @Test
    void anEndpointDisplaysOnOneLineWithItsPortRange() {
        Endpoint e = new Endpoint("krelay.keepersecurity.eu", Protocol.UDP, 49152, 65535, "relay media");
        assertEquals("krelay.keepersecurity.eu UDP 49152-65535 (relay media)", e.display());
        assertEquals("443", new Endpoint("h", Protocol.TCP, 443, 443, "").ports());
        assertTrue(e.covers(50000) && !e.covers(3478));
    }

    @Test
    void anEndpointRejectsImpossiblePorts() {
        assertThrows(IllegalArgumentException.class, () -> new Endpoint("h", Protocol.TCP, 0, 1, ""));
        assertThrows(IllegalArgumentException.class, () -> new Endpoint("h", Protocol.TCP, 10, 9, ""));
        assertThrows(IllegalArgumentException.class, () -> new Endpoint("h", Protocol.TCP, 1, 65536, ""));
    }

    @Test
    void theEndpointTableHasAHeaderAlignedColumnsAndOneLinePerEndpoint() {
        List<Endpoint> endpoints = KeeperRegion.EU.endpoints();
        String table = Endpoint.table(endpoints);
        List<String> lines = table.lines().toList();
        assertTrue(table.endsWith("\n"));
        assertEquals(2 + endpoints.size(), lines.size());
        assertTrue(lines.get(0).startsWith("Destination") && lines.get(0).contains("Protocol") && lines.get(0).contains("Purpose"));
        int protocolColumn = lines.get(0).indexOf("Protocol");
        int portsColumn = lines.get(0).indexOf("Ports");
        for (int i = 2; i < lines.size(); i++) {
            Endpoint e = endpoints.get(i - 2);
            assertTrue(lines.get(i).startsWith(e.host()), lines.get(i));
            assertEquals(protocolColumn, lines.get(i).indexOf(e.protocol().name(), e.host().length()), lines.get(i));
            assertEquals(portsColumn, lines.get(i).indexOf(e.ports(), protocolColumn + 3), lines.get(i));
            assertTrue(lines.get(i).endsWith(e.purpose()), lines.get(i));
        }
        assertTrue(lines.stream().noneMatch(l -> l.endsWith(" ")), "no trailing spaces to copy");
    }
}
