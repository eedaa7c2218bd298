package com.gatewaywizard.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.manifest.YamlTokens.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every run of the manifest view is readable in both AtlantaFX themes: the colour app.css gives each
 * {@code yaml-*} class, resolved in the theme's own stylesheet, has a WCAG contrast of at least 4.5:1 against the
 * code view's background and against a selected line (secrets: against their chip's background over those).
 */
class YamlColoursContrastTest {
    private static final Pattern VAR = Pattern.compile("(-color-[a-z0-9-]+)\\s*:\\s*([^;]+);");
    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^}]*)}");

    private static String resource(String name) throws IOException {
        try (InputStream in = YamlColoursContrastTest.class.getResourceAsStream(name)) {
            assertTrue(in != null, "missing " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The theme's variables, first definition wins (the .root block comes first). */
    private static Map<String, String> themeVars(String css) {
        Map<String, String> vars = new HashMap<>();
        Matcher m = VAR.matcher(css);
        while (m.find()) {
            vars.putIfAbsent(m.group(1), m.group(2).trim());
        }
        return vars;
    }

    /** app.css: class selector → property → value, for the rules naming that class last in a selector. */
    private static Map<String, Map<String, String>> rules(String css) {
        Map<String, Map<String, String>> out = new HashMap<>();
        Matcher m = RULE.matcher(css.replaceAll("(?s)/\\*.*?\\*/", ""));
        while (m.find()) {
            for (String selector : m.group(1).split(",")) {
                String[] parts = selector.trim().split("\\s+");
                String last = parts[parts.length - 1];
                Map<String, String> props = out.computeIfAbsent(last, k -> new HashMap<>());
                for (String decl : m.group(2).split(";")) {
                    int colon = decl.indexOf(':');
                    if (colon > 0) {
                        props.put(decl.substring(0, colon).trim(), decl.substring(colon + 1).trim());
                    }
                }
            }
        }
        return out;
    }

    /** r, g, b in 0..255 and alpha 0..1. */
    private static double[] colour(String value, Map<String, String> vars) {
        String v = value.trim();
        for (int i = 0; v.startsWith("-color-") && i < 10; i++) {
            String next = vars.get(v);
            assertTrue(next != null, "theme has no " + v);
            v = next.trim();
        }
        if (v.startsWith("#")) {
            String h = v.substring(1);
            if (h.length() == 3) {
                h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
            }
            return new double[] {Integer.parseInt(h.substring(0, 2), 16), Integer.parseInt(h.substring(2, 4), 16),
                    Integer.parseInt(h.substring(4, 6), 16), 1};
        }
        Matcher m = Pattern.compile("rgba?\\(([^)]*)\\)").matcher(v);
        assertTrue(m.find(), "cannot read the colour " + value + " = " + v);
        String[] p = m.group(1).split(",");
        return new double[] {Double.parseDouble(p[0].trim()), Double.parseDouble(p[1].trim()), Double.parseDouble(p[2].trim()),
                p.length > 3 ? Double.parseDouble(p[3].trim()) : 1};
    }

    private static double[] over(double[] top, double[] below) {
        double a = top[3];
        return new double[] {top[0] * a + below[0] * (1 - a), top[1] * a + below[1] * (1 - a), top[2] * a + below[2] * (1 - a), 1};
    }

    private static double luminance(double[] c) {
        double[] l = new double[3];
        for (int i = 0; i < 3; i++) {
            double s = c[i] / 255;
            l[i] = s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
    }

    static double contrast(double[] a, double[] b) {
        double x = luminance(a);
        double y = luminance(b);
        return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
    }

    @ParameterizedTest
    @ValueSource(strings = {"primer-light", "primer-dark"})
    void everyRunOfTheManifestViewHasEnoughContrastInTheTheme(String theme) throws IOException {
        Map<String, String> vars = themeVars(resource("/atlantafx/base/theme/" + theme + ".css"));
        Map<String, Map<String, String>> css = rules(resource("/com/gatewaywizard/ui/app.css"));
        double[] page = colour(vars.get("-color-bg-default"), vars);
        double[] view = over(colour(css.get(".code-view").get("-fx-background-color"), vars), page);
        double[] selected = over(colour(css.get(".list-cell.code-line:selected").get("-fx-background-color"), vars), view);
        String defaultFill = css.get(".yaml-run").get("-fx-fill");
        List<String> weak = new ArrayList<>();
        for (Kind k : Kind.values()) {
            if (k == Kind.SPACE) {
                continue;
            }
            Map<String, String> own = css.getOrDefault("." + k.styleClass(), Map.of());
            String fg = k.isSecret() ? own.get("-fx-text-fill") : own.getOrDefault("-fx-fill", defaultFill);
            assertTrue(fg != null, k + " has a colour");
            for (double[] bg : List.of(view, selected)) {
                double[] behind = k.isSecret() ? over(colour(own.get("-fx-background-color"), vars), bg) : bg;
                double ratio = contrast(colour(fg, vars), behind);
                if (ratio < 4.5) {
                    weak.add(String.format("%s %s: %.2f", k, bg == view ? "on the view" : "on a selected line", ratio));
                }
            }
        }
        double[] number = colour(css.get(".code-line-number").get("-fx-text-fill"), vars);
        if (contrast(number, view) < 4.5) {
            weak.add("line numbers");
        }
        assertTrue(weak.isEmpty(), theme + ": below 4.5:1: " + weak);
    }
}
