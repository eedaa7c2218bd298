package com.gatewaywizard.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SecretInputTest {
    private static final String TOKEN = "dckr_pat_AbCdEfGhIjKlMnOpQrStUvWxYz0";

    @ParameterizedTest
    @ValueSource(strings = {
        " dckr_pat_AbCdEfGhIjKlMnOpQrStUvWxYz0 ",
        "dckr_pat_AbCdEfGhIjKlMnOpQrStUvWxYz0\n",
        "\t\r\ndckr_pat_AbCdEfGhIjKlMnOpQrStUvWxYz0\r\n",
        "dckr_pat_AbCdEfGhIj\nKlMnOpQrStUvWxYz0",
        "dckr_pat_AbCdEfGhIj  \n  KlMnOpQrStUvWxYz0",
        "\u200Bdckr_pat_AbCdEfGhIj\uFEFFKlMnOpQrStUvWxYz0\u00A0",
    })
    void surroundingWhitespaceLineBreaksAndInvisibleCharactersAreRemoved(String pasted) {
        assertEquals(TOKEN, SecretInput.clean(pasted));
    }

    @Test
    void aSpaceBetweenWordsOnOneLineIsKeptSoAPassPhraseIsNoticed() {
        assertEquals("correct horse  battery", SecretInput.clean("  correct horse  battery\n"));
    }

    @Test
    void nullAndSecretsAreHandled() {
        assertEquals("", SecretInput.clean((String) null));
        assertEquals(Secret.of(TOKEN), SecretInput.clean(Secret.of(" " + TOKEN + "\n")));
        assertEquals(Secret.EMPTY, SecretInput.clean((Secret) null));
    }
}
