package com.gatewaywizard.simulator;

import java.util.function.UnaryOperator;

/** Shell-style {@code $NAME} / {@code ${NAME}} expansion shared by the console shell and the container scripts. */
final class ShellWords {
    private ShellWords() {
    }

    /** Replaces each {@code $NAME} and {@code ${NAME}} in {@code word} by {@code lookup(NAME)}; a lone {@code $} stays. */
    static String expand(String word, UnaryOperator<String> lookup) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '$' && i + 1 < word.length()) {
                int j = i + 1;
                boolean braced = word.charAt(j) == '{';
                if (braced) {
                    j++;
                }
                int k = j;
                while (k < word.length() && (Character.isLetterOrDigit(word.charAt(k)) || word.charAt(k) == '_')) {
                    k++;
                }
                if (k > j) {
                    out.append(lookup.apply(word.substring(j, k)));
                    i = braced && k < word.length() && word.charAt(k) == '}' ? k : k - 1;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }
}
