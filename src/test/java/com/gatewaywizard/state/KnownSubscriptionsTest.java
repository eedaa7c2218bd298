package com.gatewaywizard.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownSubscriptionsTest {
    static final String SUB = "11111111-1111-1111-1111-111111111111";
    static final String OTHER = "22222222-2222-2222-2222-222222222222";

    @Test
    void aListingIsKeptPerCloudAndAccountAcrossRunsAndReplacedByTheNext(@TempDir Path dir) {
        Path file = dir.resolve("known.json");
        KnownSubscriptions k = KnownSubscriptions.at(file);
        k.remember("AZURE", "alice@contoso.com", List.of(new KnownSubscriptions.Listed(SUB, "tenant-a", "Production"),
                new KnownSubscriptions.Listed(OTHER, "tenant-b", "Lab")));

        KnownSubscriptions again = KnownSubscriptions.at(file);
        assertEquals(Optional.of(new KnownSubscriptions.Known("tenant-b", "Lab")), again.lookup("AZURE", "alice@contoso.com", OTHER));
        assertEquals(Optional.of(new KnownSubscriptions.Known("tenant-a", "Production")),
                again.lookup("azure", "ALICE@contoso.com", SUB.toUpperCase()), "ids, clouds and accounts in any case");
        assertEquals(Optional.empty(), again.lookup("AZURE", "bob@contoso.com", SUB), "another account");
        assertEquals(Optional.empty(), again.lookup("AZURE_CHINA", "alice@contoso.com", SUB), "another cloud");

        again.remember("AZURE", "alice@contoso.com", List.of(new KnownSubscriptions.Listed(SUB, "tenant-a", "Production")));
        assertEquals(Optional.empty(), KnownSubscriptions.at(file).lookup("AZURE", "alice@contoso.com", OTHER),
                "a subscription no longer listed is forgotten");
    }

    @Test
    void aForgottenSubscriptionIsGoneAndOthersStay(@TempDir Path dir) {
        Path file = dir.resolve("known.json");
        KnownSubscriptions k = KnownSubscriptions.at(file);
        k.remember("AZURE", "sp", List.of(new KnownSubscriptions.Listed(SUB, "t", "A"), new KnownSubscriptions.Listed(OTHER, "t", "B")));
        k.forget("AZURE", "sp", SUB);
        KnownSubscriptions again = KnownSubscriptions.at(file);
        assertEquals(Optional.empty(), again.lookup("AZURE", "sp", SUB));
        assertTrue(again.lookup("AZURE", "sp", OTHER).isPresent());
    }

    @Test
    void aFileTheEarlierJacksonFormWroteStillLoads(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("known.json"), """
                {
                  "version" : 1,
                  "value" : {
                    "subscriptions" : {
                      "azure|alice@contoso.com|%s" : {
                        "tenantId" : "tenant-a",
                        "displayName" : "Production"
                      },
                      "azure|alice@contoso.com|%s" : {
                        "tenantId" : "tenant-b",
                        "displayName" : null
                      }
                    }
                  }
                }
                """.formatted(SUB, OTHER));
        KnownSubscriptions k = KnownSubscriptions.at(file);
        assertEquals(Optional.of(new KnownSubscriptions.Known("tenant-a", "Production")), k.lookup("AZURE", "alice@contoso.com", SUB));
        assertEquals(Optional.of(new KnownSubscriptions.Known("tenant-b", null)), k.lookup("AZURE", "alice@contoso.com", OTHER));
    }

    @Test
    void aMemberOfTheWrongKindMakesTheFileACacheMissNotACrash(@TempDir Path dir) throws Exception {
        for (String value : java.util.List.of("{\"subscriptions\": []}", "{\"subscriptions\": {\"a|b|c\": 5}}",
                "{\"subscriptions\": {\"a|b|c\": {\"tenantId\": 7}}}", "{\"listedAt\": {\"a|b\": \"soon\"}}", "[]")) {
            Path file = Files.writeString(dir.resolve("known.json"), "{\"version\": 1, \"value\": " + value + "}");
            KnownSubscriptions k = KnownSubscriptions.at(file);
            assertEquals(Optional.empty(), k.lookup("AZURE", "sp", SUB), value);
            k.remember("AZURE", "sp", List.of(new KnownSubscriptions.Listed(SUB, "t", "A")));
            assertTrue(KnownSubscriptions.at(file).lookup("AZURE", "sp", SUB).isPresent(), value);
            Files.delete(file);
        }
    }

    @Test
    void aDamagedFileIsOnlyACacheMiss(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("known.json"), "{not json");
        KnownSubscriptions k = KnownSubscriptions.at(file);
        assertEquals(Optional.empty(), k.lookup("AZURE", "sp", SUB));
        k.remember("AZURE", "sp", List.of(new KnownSubscriptions.Listed(SUB, "t", "A")));
        assertTrue(KnownSubscriptions.at(file).lookup("AZURE", "sp", SUB).isPresent());
    }

    @Test
    void aSimulatorRunReplacesTheListingsOfEarlierSimulatorUrlsAndLeavesAzuresAlone(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("known.json");
        KnownSubscriptions k = KnownSubscriptions.at(file);
        k.remember("AZURE", "alice@contoso.com", List.of(new KnownSubscriptions.Listed(OTHER, "tenant-b", "Lab")));
        for (int port = 40000; port < 40030; port++) {
            k.remember("SIMULATOR http://127.0.0.1:" + port, "simulator", List.of(new KnownSubscriptions.Listed(SUB, "t", "Sim")));
        }
        KnownSubscriptions again = KnownSubscriptions.at(file);
        assertTrue(again.lookup("SIMULATOR http://127.0.0.1:40029", "simulator", SUB).isPresent(), "the latest run");
        assertEquals(Optional.empty(), again.lookup("SIMULATOR http://127.0.0.1:40000", "simulator", SUB), "an earlier run");
        assertTrue(again.lookup("AZURE", "alice@contoso.com", OTHER).isPresent(), "a real cloud's listing stays");
        String text = Files.readString(file);
        java.util.Set<String> urls = new java.util.TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("127\\.0\\.0\\.1:\\d+").matcher(text);
        while (m.find()) {
            urls.add(m.group());
        }
        assertEquals(java.util.Set.of("127.0.0.1:40029"), urls, text);
    }

    @Test
    void theFileKeepsTheMostRecentListingsUpToTheCap(@TempDir Path dir) {
        Path file = dir.resolve("known.json");
        long[] now = {1_000_000L};
        KnownSubscriptions k = KnownSubscriptions.at(file, () -> now[0]);
        int n = KnownSubscriptions.MAX_LISTINGS + 5;
        for (int i = 0; i < n; i++) {
            now[0] += 7_200_000L;
            k.remember("AZURE", "user" + i + "@contoso.com", List.of(new KnownSubscriptions.Listed(SUB, "t", "A")));
            if (i == 10) {
                now[0] += 7_200_000L;
                k.remember("AZURE", "user0@contoso.com", List.of(new KnownSubscriptions.Listed(SUB, "t", "A"))); // used again
            }
        }
        KnownSubscriptions again = KnownSubscriptions.at(file);
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (again.lookup("AZURE", "user" + i + "@contoso.com", SUB).isPresent()) {
                kept++;
            }
        }
        assertEquals(KnownSubscriptions.MAX_LISTINGS, kept);
        assertTrue(again.lookup("AZURE", "user" + (n - 1) + "@contoso.com", SUB).isPresent(), "the newest");
        assertTrue(again.lookup("AZURE", "user0@contoso.com", SUB).isPresent(), "listed again, so recent");
        assertEquals(Optional.empty(), again.lookup("AZURE", "user1@contoso.com", SUB), "the least recently listed is gone");
    }
}
