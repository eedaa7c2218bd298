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
    void aDamagedFileIsOnlyACacheMiss(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("known.json"), "{not json");
        KnownSubscriptions k = KnownSubscriptions.at(file);
        assertEquals(Optional.empty(), k.lookup("AZURE", "sp", SUB));
        k.remember("AZURE", "sp", List.of(new KnownSubscriptions.Listed(SUB, "t", "A")));
        assertTrue(KnownSubscriptions.at(file).lookup("AZURE", "sp", SUB).isPresent());
    }
}
