package com.gatewaywizard.manifest;

import com.gatewaywizard.spec.Names;
import com.gatewaywizard.spec.Problem;
import com.gatewaywizard.spec.ProblemCodes;
import java.util.Optional;

/** The container group / container name rule of {@link Names}, applied to a name found in a manifest. */
final class NameRules {
    private NameRules() {
    }

    /** A {@code NAME_INVALID} problem for {@code name}, or empty when it is valid or still a placeholder. */
    static Optional<Problem> check(String field, String what, String name) {
        if (Names.isValid(name) || Placeholders.contains(name)) {
            return Optional.empty();
        }
        String why = name.length() > Names.MAX_LENGTH
                ? "it has " + name.length() + " characters, at most " + Names.MAX_LENGTH + " are allowed"
                : "use lowercase letters, digits and single hyphens, not starting or ending with a hyphen";
        return Optional.of(Problem.error(ProblemCodes.NAME_INVALID, field,
                "the " + what + " name '" + ManifestRules.shortKey(name) + "' is not valid: " + why
                        + " (Azure answers with an invalid name / DNS name label error)",
                "use " + Names.suggest(name)));
    }
}
