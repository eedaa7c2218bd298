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

    /**
     * The rules' {@code DOCKER_PAT_NOT_PAT} ("may be your password") said as it is when the token is
     * {@link #TRAINING_DOCKER_PAT}: on the simulator a note that it is the training token, accepted there only; on a
     * real cloud (or in a manifest for az) a warning that Docker Hub refuses it. Other problems pass unchanged.
     */
    static List<Problem> trainingToken(List<Problem> problems, GatewaySpec spec, boolean simulator) {
        if (!TRAINING_DOCKER_PAT.equals(spec.dockerPat().reveal())) {
            return problems;
        }
        String fix = "a Read-only personal access token (hub.docker.com: Account settings \u2192 Personal access tokens)"
                + " with --docker-pat-file FILE or --docker-pat-env VAR.";
        Problem replacement = simulator
                ? Problem.info(ProblemCodes.DOCKER_PAT_NOT_PAT, "dockerPat", "Docker Hub access token is the training token"
                        + " (gateway-wizard training-config --help): accepted by the simulator only.", "For Azure, give " + fix)
                : Problem.warning(ProblemCodes.DOCKER_PAT_NOT_PAT, "dockerPat", "Docker Hub access token is the training token"
                        + " of 'gateway-wizard training-config', which only the simulator accepts: Docker Hub refuses it, so the"
                        + " image pull fails.", "Give " + fix);
        List<Problem> out = new ArrayList<>();
        for (Problem p : problems) {
            out.add(p.code().equals(ProblemCodes.DOCKER_PAT_NOT_PAT) ? replacement : p);
        }
        return out;
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
