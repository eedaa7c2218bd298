package com.gatewaywizard.cli;

import com.gatewaywizard.cli.Commands.UsageException;
import com.gatewaywizard.manifest.ImportResult;
import com.gatewaywizard.manifest.ImportedDocument;
import com.gatewaywizard.manifest.ManifestReader;
import com.gatewaywizard.spec.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code gateway-wizard validate FILE...}: imports each manifest as {@code az container create --file} would read
 * it and prints every problem, one per line: {@code FILE: error CODE field: message — fix}, or
 * {@code FILE#2: …} for the second document of a file that holds several.
 */
public final class ValidateCommand implements Command {
    /**
     * A JSON config in a manifest: the wizard's "it deploys the base64 encoding" does not hold here, as
     * {@code az container create} passes the value on as it is.
     */
    static final String MANIFEST_JSON_CONFIG_FIX = "az container create passes this value to the gateway as it is: replace"
            + " it with the base64 form (`pam gateway new ... -c b64` prints it; 'gateway-wizard render --out' writes it so).";

    @Override
    public String name() {
        return "validate";
    }

    @Override
    public String summary() {
        return "check manifest files (YAML or az container show/export output) and print their problems";
    }

    @Override
    public String usage() {
        return """
                Usage: gateway-wizard validate FILE... (- reads standard input)

                Reads each container group manifest as 'az container create --file' reads it (YAML 1.1), also the output of
                'az container show' and 'az container export', and prints every problem found, one per line:
                  FILE: SEVERITY CODE field: message — fix
                  FILE#N: ...   for document N of a file that holds several (---)
                Files without problems are listed as 'FILE: ok'.

                Exit codes: 0 no errors (warnings may be printed), 1 a file has errors,
                            2 a file cannot be read or parsed (the problem gives line and column).
                """;
    }

    @Override
    public int run(List<String> args, Console console) throws UsageException {
        List<String> files = new Flags().positionals().parse(args).positionals();
        if (files.isEmpty()) {
            throw new UsageException("give at least one manifest file");
        }
        int exit = OK;
        boolean stdinUsed = false;
        for (String file : files) {
            ImportResult result;
            try {
                if (file.equals("-")) {
                    if (stdinUsed) {
                        throw new UsageException("standard input (-) can be read only once");
                    }
                    stdinUsed = true;
                    byte[] bytes = console.in().readNBytes(ManifestReader.MAX_BYTES + 1);
                    result = ManifestReader.read(bytes);
                } else {
                    result = ManifestReader.read(Path.of(file));
                }
            } catch (NoSuchFileException e) {
                console.err().println(file + ": error: no such file");
                exit = USAGE;
                continue;
            } catch (IOException e) {
                console.err().println(Problem.visible(file) + ": error: cannot read it (" + (Files.isDirectory(Path.of(file)) ? "it is a folder"
                        : e instanceof java.nio.file.AccessDeniedException ? "no permission" : "a read error") + ")");
                exit = USAGE;
                continue;
            }
            print(file, result, console);
            if (result.unreadable()) {
                exit = USAGE;
            } else if (result.hasErrors() && exit == OK) {
                exit = PROBLEM;
            }
        }
        return exit;
    }

    private static void print(String file, ImportResult result, Console console) {
        if (result.allProblems().isEmpty()) {
            console.out().println(file + ": ok");
            return;
        }
        for (Problem p : result.problems()) {
            console.out().println(file + ": " + CliWords.of(p));
        }
        boolean several = result.documents().size() > 1;
        for (ImportedDocument d : result.documents()) {
            String prefix = several ? file + "#" + d.index() : file;
            boolean training = d.spec().map(TrainingConfigCommand::isTrainingToken).orElse(false);
            for (Problem p : d.problems()) {
                if (training && p.code().equals(com.gatewaywizard.spec.ProblemCodes.DOCKER_PAT_NOT_PAT)) {
                    // the same words as render, preflight and deploy (a manifest goes to Azure: a warning)
                    p = TrainingConfigCommand.trainingToken(p, TrainingConfigCommand.Target.MANIFEST);
                } else if (p.code().equals(com.gatewaywizard.spec.ProblemCodes.GATEWAY_CONFIG_IS_JSON)) {
                    p = new Problem(p.severity(), p.code(), p.field(), p.message(), MANIFEST_JSON_CONFIG_FIX);
                }
                console.out().println(prefix + ": " + CliWords.of(p));
            }
        }
    }
}
