package com.gatewaywizard.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemVisibleTest {
    @Test
    void controlBidiAndZeroWidthCharactersAreShownAsEscapes() {
        assertEquals("kg\\u202Egw", Problem.visible("kg\u202egw"));
        assertEquals("a\\u200Bb\\u000Dc\\u001B[31m\\u2066\\uFEFF", Problem.visible("a\u200bb\rc\u001b[31m\u2066\ufeff"));
        assertEquals("plain — café 日本", Problem.visible("plain — café 日本"));
    }

    @Test
    void everyProblemMessageIsMadeVisibleWhoeverBuiltIt() {
        GatewaySpec spec = GatewaySpec.builder().name("kg\u202egw").build();
        List<Problem> problems = SpecValidator.validate(spec);
        for (Problem p : problems) {
            for (String s : List.of(p.message(), p.fix(), p.field(), p.format())) {
                assertFalse(s.codePoints().anyMatch(c -> c == 0x202E), s);
            }
        }
        assertFalse(problems.stream().noneMatch(p -> p.message().contains("\\u202E")), problems.toString());
    }
}
