package com.gatewaywizard.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The first frame is drawn with first-paint.css instead of AtlantaFX's Primer theme; every rule and colour in it must
 * be the theme's own, light and dark, so the frame does not change colour or size when the theme takes over. Also:
 * every colour app.css looks up for the first frame's banner and header is defined there.
 */
class FirstPaintLooksLikeTheThemeTest {

    @Test
    void everyRuleAndColourOfTheFirstPaintIsTheThemesOwn() throws Exception {
        Map<String, List<String>> first = blocks(read(FirstPaint.class, "first-paint.css"));
        Map<String, List<String>> light = blocks(read(FirstPaint.class, "/atlantafx/base/theme/primer-light.css"));
        Map<String, List<String>> dark = blocks(read(FirstPaint.class, "/atlantafx/base/theme/primer-dark.css"));
        assertFalse(first.isEmpty());
        for (Map.Entry<String, List<String>> rule : first.entrySet()) {
            String selector = rule.getKey();
            boolean isDark = selector.equals(".root.first-paint-dark");
            Map<String, List<String>> theme = isDark ? dark : light;
            List<String> themeRule = theme.get(isDark ? ".root" : selector);
            assertNotNull(themeRule, "the theme has no rule " + selector);
            for (String declaration : rule.getValue()) {
                assertTrue(themeRule.contains(declaration), selector + " { " + declaration + " } is not the theme's: "
                        + themeRule.stream().filter(d -> d.startsWith(declaration.split(":")[0] + ":")).toList());
            }
        }
        // the dark block redefines every colour of the light one
        List<String> lightColours = first.get(".root").stream().filter(d -> d.startsWith("-color-")).map(d -> d.split(":")[0]).toList();
        List<String> darkColours = first.get(".root.first-paint-dark").stream().map(d -> d.split(":")[0]).toList();
        assertTrue(darkColours.containsAll(lightColours), "dark misses " + lightColours + " vs " + darkColours);
    }

    @Test
    void theColoursAppCssLooksUpForTheBannerAndHeaderAreDefined() throws Exception {
        Map<String, List<String>> app = blocks(read(FirstPaint.class, "app.css"));
        String first = read(FirstPaint.class, "first-paint.css");
        for (String selector : List.of(".simulator-banner", ".app-header")) {
            List<String> rule = app.get(selector);
            assertNotNull(rule, selector);
            Matcher m = Pattern.compile("-color-[a-z0-9-]+").matcher(String.join(";", rule));
            while (m.find()) {
                assertTrue(first.contains(m.group() + ":"), selector + " looks up " + m.group() + ", not in first-paint.css");
            }
        }
    }

    private static String read(Class<?> base, String name) throws Exception {
        try (InputStream in = base.getResourceAsStream(name)) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** selector -> its declarations ("name: value", whitespace normalised), for blocks with one selector. */
    private static Map<String, List<String>> blocks(String css) {
        String text = css.replaceAll("(?s)/\\*.*?\\*/", "");
        Map<String, List<String>> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("([^{}]+)\\{([^}]*)}").matcher(text);
        while (m.find()) {
            String selector = m.group(1).trim();
            if (selector.contains(",")) {
                continue;
            }
            List<String> decls = new ArrayList<>();
            for (String d : m.group(2).split(";")) {
                String t = d.trim().replaceAll("\\s*:\\s*", ": ").replaceAll("\\s+", " ");
                if (!t.isEmpty()) {
                    decls.add(t);
                }
            }
            out.computeIfAbsent(selector, k -> new ArrayList<>()).addAll(decls);
        }
        return out;
    }
}
