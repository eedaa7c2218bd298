package com.gatewaywizard.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "My_Gateway.Prod|my-gateway-prod",
        "keeper gateway 1|keeper-gateway-1",
        "--a--b--|a-b",
        "  Gate__way  |gate-way",
        "Ünïcödé GW|unicode-gw",
        "gw!@#$%^&*()prod|gwprod",
        "already-valid-1|already-valid-1",
    })
    void suggestionsFollowTheDocumentedSteps(String typed, String suggested) {
        assertEquals(suggested, Names.suggest(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "!!!", "___", "---", "日本語"})
    void nothingUsableFallsBackToKeeperGateway(String typed) {
        assertEquals(Names.FALLBACK, Names.suggest(typed));
        assertEquals("keeper-gateway", Names.suggest(null));
    }

    @Test
    void aLongNameIsCutTo63WithoutATrailingHyphen() {
        String typed = "a".repeat(62) + "-bcd";
        String s = Names.suggest(typed);
        assertEquals("a".repeat(62), s);
        assertEquals(63, Names.suggest("x".repeat(100)).length());
        assertEquals("abc", Names.suggest("abc-def", 4));
    }

    @Test
    void everySuggestionIsAValidName() {
        Random r = new Random(7);
        String chars = "aZ9-_. !é\u00df\t-";
        for (int i = 0; i < 2000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = r.nextInt(90);
            for (int k = 0; k < n; k++) {
                sb.append(chars.charAt(r.nextInt(chars.length())));
            }
            String s = Names.suggest(sb.toString());
            assertTrue(Names.isValid(s), () -> "'" + sb + "' -> '" + s + "'");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "keeper-gateway", "gw-1-2", "0abc"})
    void validNames(String name) {
        assertTrue(Names.isValid(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-a", "a-", "a--b", "A", "a_b", "a.b", "a b"})
    void invalidNames(String name) {
        assertFalse(Names.isValid(name));
        assertFalse(Names.isValid("a".repeat(64)));
    }

    @Test
    void aMaxLengthBelowOneIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Names.suggest("x", 0));
    }
}
