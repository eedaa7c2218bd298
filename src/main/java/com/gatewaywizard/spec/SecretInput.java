package com.gatewaywizard.spec;

/**
 * Cleans a pasted secret (a Docker Hub token, a key) before it is stored or validated.
 *
 * <p>{@link #clean(String)} removes what copying from a terminal, a web page or an e-mail adds around a token:
 * <ul>
 *   <li>whitespace (spaces, tabs, newlines, no-break spaces) at either end;</li>
 *   <li>line breaks inside the value together with the spaces next to them, so a token wrapped over several
 *       lines becomes one line again;</li>
 *   <li>invisible characters: zero-width spaces and joiners, the byte-order mark, soft hyphens.</li>
 * </ul>
 * A space <em>between two words on the same line</em> is kept on purpose: access tokens never contain one, so
 * it is a sign that a password or pass phrase was pasted, and {@link SpecValidator} says so
 * ({@link ProblemCodes#DOCKER_PAT_LOOKS_LIKE_PASSWORD}) instead of silently turning the phrase into a
 * different string.
 */
public final class SecretInput {
    private SecretInput() {
    }

    /** The cleaned value; {@code null} gives {@code ""}. Never logs or keeps the input. */
    public static String clean(String pasted) {
        if (pasted == null || pasted.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(pasted.length());
        int n = pasted.length();
        int i = 0;
        while (i < n) {
            char c = pasted.charAt(i);
            if (isInvisible(c)) {
                i++;
                continue;
            }
            if (isHorizontalSpace(c) || c == '\n' || c == '\r') {
                // Take the whole run of whitespace; drop it if it holds a line break or sits at either end.
                int j = i;
                boolean lineBreak = false;
                while (j < n && (isHorizontalSpace(pasted.charAt(j)) || pasted.charAt(j) == '\n'
                        || pasted.charAt(j) == '\r' || isInvisible(pasted.charAt(j)))) {
                    lineBreak |= pasted.charAt(j) == '\n' || pasted.charAt(j) == '\r';
                    j++;
                }
                boolean atEdge = out.length() == 0 || j == n;
                if (!lineBreak && !atEdge) {
                    for (int k = i; k < j; k++) {
                        if (!isInvisible(pasted.charAt(k))) {
                            out.append(pasted.charAt(k));
                        }
                    }
                }
                i = j;
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** {@link #clean(String)} for a value already held as a {@link Secret}. */
    public static Secret clean(Secret pasted) {
        return pasted == null ? Secret.EMPTY : Secret.of(clean(pasted.reveal()));
    }

    private static boolean isHorizontalSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\f' || c == '\u000B'
                || Character.isSpaceChar(c);
    }

    private static boolean isInvisible(char c) {
        return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD';
    }
}
