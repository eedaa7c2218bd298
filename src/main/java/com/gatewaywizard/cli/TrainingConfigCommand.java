package com.gatewaywizard.cli;

import com.gatewaywizard.keeper.TrainingConfig;
import com.gatewaywizard.spec.GatewaySpec;
import com.gatewaywizard.spec.Problem;
import com.gatewaywizard.spec.ProblemCodes;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code gateway-wizard training-config}: prints a made-up gateway config of the right shape for trying the CLI on
 * the simulator ({@code export GATEWAY_CONFIG="$(gateway-wizard training-config)"}). It is not a credential: its
 * keys are fresh random values no Keeper tenant knows, so a real gateway refuses it.
 */
final class TrainingConfigCommand implements Command {
    /** A Docker Hub user and token of the right shape for the simulator; Docker Hub knows neither. */
    static final String TRAINING_DOCKER_USER = "trainee";
    static final String TRAINING_DOCKER_PAT = "TRAINING-ONLY-FAKE-DOCKER-TOKEN";

    /** Where the gateway is going, which decides how the training token is reported. */
    enum Target {
        /** preflight and deploy on the simulator: it accepts the training token. */
        SIMULATOR,
        /** preflight and deploy on Azure: Docker Hub refuses the training token. */
        AZURE,
        /** a manifest (render, validate), which 'az container create' deploys to Azure. */
        MANIFEST
    }

    /** The training token's one sentence, the same in every command. */
    static final String TRAINING_TOKEN_MESSAGE = "Docker Hub access token is the training token of 'gateway-wizard"
            + " training-config': only the simulator accepts it; Docker Hub refuses it, so a pull on Azure fails.";
    private static final String REAL_TOKEN = "a Read-only personal access token (hub.docker.com: Account settings"
            + " \u2192 Personal access tokens)";

    /**
     * The rules' {@code DOCKER_PAT_NOT_PAT} ("may be your password") said as it is when the token is
     * {@link #TRAINING_DOCKER_PAT}, with one wording in every command: a note on the simulator, which accepts it; a
     * warning for Azure and in a manifest (which az deploys to Azure). Other problems pass unchanged.
     */
    static List<Problem> trainingToken(List<Problem> problems, GatewaySpec spec, Target target) {
        if (!isTrainingToken(spec)) {
            return problems;
        }
        List<Problem> out = new ArrayList<>();
        for (Problem p : problems) {
            out.add(p.code().equals(ProblemCodes.DOCKER_PAT_NOT_PAT) ? trainingToken(p, target) : p);
        }
        return out;
    }

    /** Whether the spec's Docker Hub token is {@link #TRAINING_DOCKER_PAT}. */
    static boolean isTrainingToken(GatewaySpec spec) {
        return TRAINING_DOCKER_PAT.equals(spec.dockerPat().reveal());
    }

    /** {@code p} (a DOCKER_PAT_NOT_PAT about the training token) in the training token's words; its field and line kept. */
    static Problem trainingToken(Problem p, Target target) {
        java.util.regex.Matcher line = java.util.regex.Pattern.compile("^line \\d+: ").matcher(p.message());
        String message = (line.lookingAt() ? line.group() : "") + TRAINING_TOKEN_MESSAGE;
        return switch (target) {
            case SIMULATOR -> Problem.info(ProblemCodes.DOCKER_PAT_NOT_PAT, p.field(), message,
                    "Nothing to do on the simulator; for Azure give " + REAL_TOKEN + " with --docker-pat-file FILE or"
                            + " --docker-pat-env VAR.");
            case AZURE -> Problem.warning(ProblemCodes.DOCKER_PAT_NOT_PAT, p.field(), message,
                    "Give " + REAL_TOKEN + " with --docker-pat-file FILE or --docker-pat-env VAR.");
            case MANIFEST -> Problem.warning(ProblemCodes.DOCKER_PAT_NOT_PAT, p.field(), message,
                    "Give " + REAL_TOKEN + ": to render, with --docker-pat-file FILE or --docker-pat-env VAR; in a manifest,"
                            + " as the registry credential's password.");
        };
    }

    @Override
    public String name() {
        return "training-config";
    }

    @Override
    public String summary() {
        return "print a made-up gateway config for trying the CLI on the simulator (not a credential)";
    }

    @Override
    public String usage() {
        return """
                Usage: gateway-wizard training-config

                Prints a base64 gateway config in the shape 'pam gateway new -c b64' prints, with fresh random keys that
                no Keeper tenant knows: the checks and the simulator accept it, a real gateway refuses it. Use it to
                try the CLI on the simulator:

                  export GATEWAY_CONFIG="$(gateway-wizard training-config)"
                  export DOCKER_PAT=%s       # a training token; use --docker-user %s

                For a real gateway, make the config in Keeper Commander with 'pam gateway new -c b64'.
                Exit codes: 0 printed, 2 usage error.
                """.formatted(TRAINING_DOCKER_PAT, TRAINING_DOCKER_USER);
    }

    @Override
    public int run(List<String> args, Console console) throws Commands.UsageException {
        new Flags().parse(args);
        console.out().println(TrainingConfig.generate());
        return OK;
    }
}
