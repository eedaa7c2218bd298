package com.gatewaywizard.keeper;

import com.gatewaywizard.spec.Problem;
import com.gatewaywizard.spec.Secret;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link GatewayConfig#decode(String)} found.
 *
 * @param config   the config, present when there is no error (warnings and infos may remain)
 * @param problems errors, then warnings, then infos about the pasted text; field {@code gatewayConfig}
 * @param cleaned  the pasted text after cleaning (colour codes, separators, quotes and whitespace removed). When
 *                 {@code config} is present this is the value to deploy, canonical standard base64 (for pasted JSON,
 *                 its base64 encoding); otherwise it is only the cleaned input, kept as a {@link Secret} too.
 */
public record DecodeResult(Optional<GatewayConfig> config, List<Problem> problems, Secret cleaned) {

    public DecodeResult {
        config = Objects.requireNonNullElse(config, Optional.empty());
        problems = List.copyOf(problems);
        cleaned = cleaned == null ? Secret.EMPTY : cleaned;
    }

    /** A config was decoded and nothing blocks its use. */
    public boolean ok() {
        return config.isPresent();
    }

    /** The codes of {@link #problems()}, in order (handy in tests and the CLI). */
    public List<String> codes() {
        return problems.stream().map(Problem::code).toList();
    }
}
