package com.gatewaywizard.cli;

import com.gatewaywizard.cli.Commands.UsageException;
import com.gatewaywizard.manifest.ArmBody;
import com.gatewaywizard.manifest.ManifestFiles;
import com.gatewaywizard.manifest.ManifestRules;
import com.gatewaywizard.manifest.ManifestYaml;
import com.gatewaywizard.manifest.SecretMode;
import com.gatewaywizard.spec.GatewaySpec;
import com.gatewaywizard.spec.LivenessProbe;
import com.gatewaywizard.spec.Problem;
import com.gatewaywizard.spec.ProblemCodes;
import com.gatewaywizard.spec.SpecValidator;
import com.gatewaywizard.spec.SubnetId;
import com.gatewaywizard.state.SafeFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code gateway-wizard render}: builds a {@link GatewaySpec} from flags and prints the manifest (shareable form,
 * secrets as the seed's placeholders) or writes the full one with {@code --out} (owner-only, atomically; one file
 * per instance). Secrets come only from files, standard input or environment variables.
 */
public final class RenderCommand implements Command {
    private static final String SAFE_PAT = "use --docker-pat-file FILE (or - for standard input) or --docker-pat-env VAR;"
            + " a value on the command line stays in shell history and process listings";
    private static final String SAFE_CONFIG = "use --gateway-config-file FILE (or - for standard input) or"
            + " --gateway-config-env VAR; a value on the command line stays in shell history and process listings";
    /** The manifest does not carry the resource group (az takes it with -g), so render does not need one. */
    private static final Set<String> RESOURCE_GROUP_CODES = Set.of(ProblemCodes.RESOURCE_GROUP_REQUIRED);
    /** A shareable manifest has placeholders for the secrets, so they need not be given. */
    private static final Set<String> SECRET_REQUIRED_CODES = Set.of(ProblemCodes.DOCKER_PAT_REQUIRED,
            ProblemCodes.GATEWAY_CONFIG_REQUIRED);

    static Flags flags() {
        return specFlags(new Flags()).value("--out", "--format").bool("--force");
    }

    /** The flags that describe a gateway; {@code deploy} and {@code preflight} take the same ones. */
    static Flags specFlags(Flags flags) {
        return flags
                .value("--name", "--location", "--subscription", "--resource-group", "--subnet-id", "--docker-user",
                        "--docker-pat-file", "--docker-pat-env", "--gateway-config-file", "--gateway-config-env",
                        "--image", "--cpu", "--memory", "--liveness", "--instances")
                .repeated("--tag")
                .bool("--debug")
                .refuse("--docker-pat", SAFE_PAT)
                .refuse("--docker-password", SAFE_PAT)
                .refuse("--gateway-config", SAFE_CONFIG);
    }

    /**
     * Usage lines of {@link #specFlags}; {@code %s} is where the --subscription and --resource-group lines go (render's
     * own; preflight and deploy list them with the Azure options).
     */
    static final String SPEC_USAGE = """
              --name NAME                container group name; instance k > 1 is NAME-k
              --location REGION          Azure region of the VNet, e.g. westeurope
              --subnet-id ID             resource id of the subnet delegated to Microsoft.ContainerInstance/containerGroups
            %s  --docker-user USER         Docker Hub username
              --docker-pat-file FILE|-   file (or - for standard input) holding the Docker Hub access token
              --docker-pat-env VAR       environment variable holding the Docker Hub access token
              --gateway-config-file FILE|-  file (or -) holding the base64 gateway config (pam gateway new -c b64)
              --gateway-config-env VAR   environment variable holding the gateway config
              --image IMAGE              default keeper/gateway:latest
              --cpu N                    CPU cores, default 2
              --memory GB                memory in GB, default 8
              --debug                    debug logging (KEEPER_GATEWAY_LOG_LEVEL and LOG_LEVEL = debug)
              --liveness none|http|exec  liveness probe, default none (exec runs keeper-gateway health-check)
              --instances K              pool of K container groups (1-10), default 1
              --tag NAME=VALUE           an Azure tag; repeat for more
            """;

    /** Render signs in nowhere, so it cannot look a subscription name up: an id only. */
    static final String RENDER_SCOPE_USAGE = """
              --subscription ID          subscription id, not its name: render does not sign in to look names up
                                         (default: the one in --subnet-id)
              --resource-group RG        resource group (optional: az takes it with -g)
            """;

    @Override
    public String name() {
        return "render";
    }

    @Override
    public String summary() {
        return "print the manifest (keeper-gateway.yml) for a gateway, or write it with --out";
    }

    @Override
    public String usage() {
        return """
                Usage: gateway-wizard render [options]

                Prints the container group manifest of a Keeper Gateway, in the shape of Keeper's ACI guide, ready for
                'az container create --resource-group RG --file keeper-gateway.yml'. Without --out the secrets are the
                guide's placeholders (<DOCKER_HUB_PAT_TOKEN>, <YOUR_BASE64_CONFIG_STRING>), so the output can be shared.

                %s  --out FILE                 write the full manifest, secrets included, to FILE (owner-only);
                                             with K > 1 also FILE-2, FILE-3, ... (keeper-gateway-2.yml);
                                             an existing file is refused unless --force is given
                  --force                    with --out: replace existing files
                  --format yaml|json         yaml (default): the manifest; json: the exact ARM request body that
                                             'gateway-wizard deploy' sends for each instance (the same model)

                Secrets are never accepted as option values (--docker-pat, --gateway-config).
                Exit codes: 0 written (warnings may be printed), 1 invalid input (nothing written), 2 usage error.
                """.formatted(SPEC_USAGE.formatted(RENDER_SCOPE_USAGE));
    }

    /** One document per instance: the YAML manifest, or the ARM request body the deployer sends (same model). */
    static List<String> documents(GatewaySpec spec, SecretMode mode, String format) {
        if (format.equals("yaml")) {
            return ManifestYaml.writeAll(spec, mode);
        }
        List<String> out = new ArrayList<>();
        for (int k = 1; k <= spec.instances(); k++) {
            out.add(ArmBody.requestBody(ArmBody.of(spec, k, mode)).toPrettyString() + "\n");
        }
        return out;
    }

    @Override
    public int run(List<String> args, Console console) throws UsageException {
        Flags.Parsed f = flags().parse(args);
        boolean full = f.has("--out");
        String out = f.value("--out", "");
        if (full && (out.isBlank() || out.equals("-"))) {
            throw new UsageException("--out needs a file name; leave --out away to print the shareable manifest");
        }
        String format = f.value("--format", "yaml");
        if (!format.equals("yaml") && !format.equals("json")) {
            throw new UsageException("--format must be yaml or json");
        }
        Input input = input(f, new SecretSources(console));
        GatewaySpec spec = input.spec();

        List<Problem> problems = TrainingConfigCommand.trainingToken(problems(f, input, f.has("--resource-group"), full), spec,
                TrainingConfigCommand.Target.MANIFEST);
        problems.forEach(p -> console.err().println(CliWords.of(p)));
        if (Problem.anyError(problems)) {
            return PROBLEM;
        }

        int k = spec.instances();
        if (!full) {
            List<String> manifests = documents(spec, SecretMode.SHAREABLE, format);
            for (int i = 0; i < manifests.size(); i++) {
                if (i > 0 && format.equals("yaml")) {
                    console.out().println("---");
                }
                console.out().print(manifests.get(i));
            }
            return OK;
        }
        Path first = Path.of(out);
        if (Files.isDirectory(first)) {
            console.err().println("error: --out " + out + " is a folder; give a file name such as " + first.resolve("keeper-gateway.yml"));
            return PROBLEM;
        }
        List<String> manifests = documents(spec, SecretMode.FULL, format);
        boolean force = f.flag("--force");
        // Checked for every file before any is written, so a refusal leaves nothing half done.
        for (int i = 1; i <= k; i++) {
            Path file = ManifestFiles.instanceFile(first, i);
            try {
                SafeFiles.requireRegularOrAbsent(file);
            } catch (IOException e) {
                console.err().println("error: --out " + e.getMessage());
                return PROBLEM;
            }
            if (!force && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                console.err().println("error: --out " + file + " already exists; nothing was written — give another"
                        + " file name, or add --force to replace it");
                return PROBLEM;
            }
        }
        for (int i = 1; i <= k; i++) {
            Path file = ManifestFiles.instanceFile(first, i);
            boolean existed = Files.exists(file, LinkOption.NOFOLLOW_LINKS);
            try {
                ManifestFiles.writeOwnerOnly(file, manifests.get(i - 1));
            } catch (SafeFiles.NoPermissionException e) {
                console.err().println("error: cannot write " + file + ": " + e.getMessage() + " — choose another --out");
                return PROBLEM;
            } catch (SafeFiles.NotRegularFileException e) {
                console.err().println("error: --out " + e.getMessage());
                return PROBLEM;
            } catch (IOException e) {
                console.err().println("error: cannot write " + file + ": " + e.getMessage());
                return PROBLEM;
            }
            console.out().println((existed ? "replaced " : "wrote ") + file + (k > 1 ? " (instance " + i + " of " + k + ")" : ""));
        }
        console.err().println("note: the file" + (k > 1 ? "s hold" : " holds") + " the Docker Hub token and the gateway config;"
                + " they are readable by you only. Deploy with: az container create --resource-group <RG> --file " + first
                + " (do not add --debug: it prints the secrets)");
        return OK;
    }

    /**
     * What the {@link #specFlags} give: the gateway as it deploys ({@link SpecValidator#normalize normalized}, not
     * validated) and the gateway config exactly as it was given. Normalizing turns a pasted JSON config into its
     * base64 and drops what was cleaned off it, so the notes about that (GATEWAY_CONFIG_IS_JSON, _CLEANED, _UNWRAPPED)
     * are found only on the given value: {@link #problems(Flags.Parsed, Input, boolean, boolean)} does.
     */
    record Input(GatewaySpec spec, com.gatewaywizard.spec.Secret givenConfig) {
        /** The same input deployed to {@code subscriptionId} (a --subscription name looked up after sign-in). */
        Input inSubscription(String subscriptionId) {
            return new Input(spec.toBuilder().subscriptionId(subscriptionId).build(), givenConfig);
        }

        /** The normalized spec with the gateway config as given: what the input rules check. */
        GatewaySpec asGiven() {
            return spec.toBuilder().gatewayConfig(givenConfig).build();
        }
    }

    /** The gateway the {@link #specFlags} describe; secrets from files or variables. See {@link Input}. */
    static Input input(Flags.Parsed f, SecretSources secrets) throws UsageException {
        return input(f, secrets, true);
    }

    /**
     * As {@link #input(Flags.Parsed, SecretSources)}; with {@code subscriptionFlag} false the subscription is the one
     * in --subnet-id whatever --subscription says (a subscription name, looked up later by preflight and deploy).
     */
    static Input input(Flags.Parsed f, SecretSources secrets, boolean subscriptionFlag) throws UsageException {
        LivenessProbe probe = LivenessProbe.fromCliName(f.value("--liveness", "none"))
                .orElseThrow(() -> new UsageException("--liveness must be none, http or exec"));
        GatewaySpec.Builder b = GatewaySpec.builder()
                .name(f.value("--name", ""))
                .region(f.value("--location", ""))
                .subnetId(f.value("--subnet-id", ""))
                .resourceGroup(f.value("--resource-group", ""))
                .dockerUser(f.value("--docker-user", ""))
                .dockerPat(secrets.read(f, "--docker-pat-file", "--docker-pat-env"))
                .gatewayConfig(secrets.read(f, "--gateway-config-file", "--gateway-config-env"))
                .image(f.value("--image", GatewaySpec.DEFAULT_IMAGE))
                .cpu(f.number("--cpu", GatewaySpec.DEFAULT_CPU))
                .memoryGb(f.number("--memory", GatewaySpec.DEFAULT_MEMORY_GB))
                .debugLogging(f.flag("--debug"))
                .liveness(probe)
                .instances(f.integer("--instances", 1));
        for (String tag : f.values("--tag")) {
            int eq = tag.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("--tag needs NAME=VALUE");
            }
            b.tag(tag.substring(0, eq), tag.substring(eq + 1));
        }
        String subscription = subscriptionFlag ? f.value("--subscription", "") : "";
        if (subscription.isEmpty()) {
            subscription = SubnetId.subscriptionOf(f.value("--subnet-id", "")).orElse("");
        }
        b.subscriptionId(subscription);
        GatewaySpec given = b.build();
        return new Input(SpecValidator.normalize(given), given.gatewayConfig());
    }

    /**
     * {@link #problems(GatewaySpec, GatewaySpec, boolean, boolean)} of the input, plus what only the flags show (a tag
     * given twice).
     */
    static List<Problem> problems(Flags.Parsed f, Input input, boolean resourceGroupGiven, boolean full) {
        List<Problem> out = problems(input.asGiven(), input.spec(), resourceGroupGiven, full);
        List<String> names = f.values("--tag").stream().map(t -> t.substring(0, Math.max(0, t.indexOf('=')))).toList();
        out.addAll(SpecValidator.repeatedTags(names));
        return out;
    }

    /**
     * The input rules' problems for what render needs (on {@code given}, so the gateway config's notes about how it was
     * given are kept), plus the manifest rules' findings on the body {@code spec} (normalized) makes.
     */
    static List<Problem> problems(GatewaySpec given, GatewaySpec spec, boolean resourceGroupGiven, boolean full) {
        List<Problem> out = new ArrayList<>();
        for (Problem p : SpecValidator.validate(given)) {
            if (!resourceGroupGiven && RESOURCE_GROUP_CODES.contains(p.code())) {
                continue;
            }
            if (!full && SECRET_REQUIRED_CODES.contains(p.code())) {
                continue;
            }
            out.add(p);
        }
        boolean specErrors = Problem.anyError(out);
        Set<String> specFields = new java.util.HashSet<>();
        out.forEach(p -> specFields.add(p.field()));
        var body = ArmBody.of(spec, 1, full ? SecretMode.FULL : SecretMode.SHAREABLE);
        for (Problem p : ManifestRules.check(body)) {
            boolean placeholderSecret = !full && p.code().equals(ManifestRules.PLACEHOLDER_VALUE)
                    && (p.field().endsWith(".password") || p.field().endsWith(".secureValue"));
            // what the spec rules already explain (a missing input, named by its flag) would only repeat it in
            // manifest terms
            boolean restated = RESTATES.getOrDefault(p.code(), Set.of()).stream().anyMatch(specFields::contains);
            if (placeholderSecret || restated || (p.isError() && specErrors)) {
                continue;
            }
            out.add(p);
        }
        return out;
    }

    /** Manifest findings about the inputs of these spec fields: left out when the spec rules report those fields. */
    static final java.util.Map<String, Set<String>> RESTATES = java.util.Map.of(
            ManifestRules.REGISTRY_CREDENTIALS_MISSING, Set.of("dockerUser", "dockerPat"),
            ManifestRules.LOCATION_MISSING, Set.of("region"),
            ManifestRules.GATEWAY_CONFIG_MISSING, Set.of("gatewayConfig"));
}
