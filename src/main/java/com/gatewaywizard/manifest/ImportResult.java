package com.gatewaywizard.manifest;

import com.gatewaywizard.spec.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What {@link ManifestReader} made of one file.
 *
 * @param documents the YAML documents that could be read, in order
 * @param problems  problems of the file as a whole: parse errors (with line and column), size and complexity
 *                  limits, several documents in one file
 */
public record ImportResult(List<ImportedDocument> documents, List<Problem> problems) {
    /** Codes meaning the file (or part of it) could not be read at all. */
    public static final Set<String> UNREADABLE_CODES = Set.of(
            ManifestReader.YAML_PARSE_ERROR, ManifestReader.FILE_TOO_LARGE, ManifestReader.YAML_TOO_COMPLEX);

    public ImportResult {
        documents = List.copyOf(documents);
        problems = List.copyOf(problems);
    }

    /** True when the file, or a document in it, could not be parsed. */
    public boolean unreadable() {
        return problems.stream().anyMatch(p -> UNREADABLE_CODES.contains(p.code()))
                || documents.stream().anyMatch(d -> d.problems().stream().anyMatch(p -> UNREADABLE_CODES.contains(p.code())));
    }

    /** Every problem: the file's first, then each document's. */
    public List<Problem> allProblems() {
        List<Problem> all = new ArrayList<>(problems);
        documents.forEach(d -> all.addAll(d.problems()));
        return all;
    }

    public boolean hasErrors() {
        return Problem.anyError(allProblems());
    }
}
