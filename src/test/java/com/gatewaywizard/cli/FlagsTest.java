package com.gatewaywizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.cli.Commands.UsageException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlagsTest {
    private static Flags flags() {
        return new Flags().value("--name", "--cpu", "--n").repeated("--tag").bool("--debug")
                .refuse("--docker-pat", "use --docker-pat-file");
    }

    @Test
    void valuesBooleansAndRepeatedFlagsInBothForms() throws UsageException {
        Flags.Parsed p = flags().parse(List.of("--name", "gw", "--tag=a=1", "--tag", "b=2", "--debug", "--cpu=-1.5"));
        assertEquals("gw", p.value("--name", ""));
        assertEquals(List.of("a=1", "b=2"), p.values("--tag"));
        assertTrue(p.flag("--debug"));
        assertEquals(-1.5, p.number("--cpu", 2));
        assertFalse(flags().parse(List.of("--debug=false")).flag("--debug"));
        assertFalse(flags().parse(List.of()).flag("--debug"));
        assertEquals(7, flags().parse(List.of()).integer("--n", 7));
    }

    @Test
    void unknownMissingRepeatedAndStrayArgumentsAreUsageErrors() {
        assertTrue(assertThrows(UsageException.class, () -> flags().parse(List.of("--nme", "x"))).getMessage().contains("--nme"));
        assertTrue(assertThrows(UsageException.class, () -> flags().parse(List.of("--name"))).getMessage().contains("needs a value"));
        assertThrows(UsageException.class, () -> flags().parse(List.of("--name", "--debug")));
        assertThrows(UsageException.class, () -> flags().parse(List.of("--name", "a", "--name", "b")));
        assertThrows(UsageException.class, () -> flags().parse(List.of("stray")));
        assertThrows(UsageException.class, () -> flags().parse(List.of("--debug=maybe")));
        assertThrows(UsageException.class, () -> flags().parse(List.of("-x")));
        assertThrows(UsageException.class, () -> flags().parse(List.of("--cpu", "two")).number("--cpu", 2));
        assertThrows(UsageException.class, () -> flags().parse(List.of("--cpu", "NaN")).number("--cpu", 2));
        assertThrows(UsageException.class, () -> flags().parse(List.of("--n", "1.5")).integer("--n", 1));
    }

    @Test
    void refusedFlagsPointToTheSafeAlternativeAndNoMessageEchoesAValue() {
        String secret = "dckr_pat_NEVER_ECHO";
        for (List<String> args : List.of(List.of("--docker-pat", secret), List.of("--docker-pat=" + secret),
                List.of("--unknown=" + secret), List.of(secret), List.of("--" + secret + "=x"), List.of("--cpu", secret))) {
            UsageException e = assertThrows(UsageException.class, () -> flags().parse(args).number("--cpu", 2));
            assertFalse(e.getMessage().contains(secret), e.getMessage());
        }
        assertTrue(assertThrows(UsageException.class, () -> flags().parse(List.of("--docker-pat", "x"))).getMessage()
                .contains("--docker-pat-file"));
    }

    @Test
    void positionalsWhenAllowedAndAfterDoubleDash() throws UsageException {
        Flags.Parsed p = new Flags().bool("--debug").positionals().parse(List.of("a.yml", "--debug", "-", "--", "--b.yml"));
        assertEquals(List.of("a.yml", "-", "--b.yml"), p.positionals());
        assertTrue(p.flag("--debug"));
    }
}
