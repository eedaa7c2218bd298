package com.gatewaywizard.manifest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gatewaywizard.spec.GatewaySpec;
import com.gatewaywizard.spec.Problem;
import java.util.List;
import java.util.Optional;

/**
 * One YAML document of an imported manifest.
 *
 * @param index    1-based position in the file
 * @param line     1-based line where the document starts
 * @param json     the document as the ARM resource JSON (the {@code --file} shape, after converting
 *                 {@code az container show}/{@code export} shapes); unknown fields are kept. It holds secrets when
 *                 the file did: never log it
 * @param spec     the best-effort {@link GatewaySpec} (empty when the document is not a mapping)
 * @param instance the pool instance number this document is (from our tags, else 1)
 * @param problems everything found: YAML pitfalls, {@link ManifestRules}, and what could not be mapped to the spec
 */
public record ImportedDocument(int index, int line, ObjectNode json, Optional<GatewaySpec> spec, int instance,
                               List<Problem> problems) {
    public ImportedDocument {
        problems = List.copyOf(problems);
    }

    public boolean hasErrors() {
        return Problem.anyError(problems);
    }
}
