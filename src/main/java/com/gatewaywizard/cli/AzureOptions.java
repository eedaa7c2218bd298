package com.gatewaywizard.cli;

import com.gatewaywizard.azure.CloudKind;
import com.gatewaywizard.azure.DeviceCodePrompt;
import com.gatewaywizard.azure.SignInMethod;
import com.gatewaywizard.azure.SignInRequest;
import com.gatewaywizard.cli.Commands.UsageException;
import com.gatewaywizard.spec.Secret;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The options every Azure command shares: which cloud, how to sign in, which subscription and resource group, and
 * the output switches {@code --json} and {@code --verbose}. Secrets (a service principal's client secret, a
 * certificate's password) come only from a file, standard input or an environment variable.
 *
 * @param cloud          the cloud to sign in to
 * @param simulatorUrl   for {@link CloudKind#SIMULATOR}: the running simulator's URL, or null to start one in-process
 * @param request        everything but the simulator URL when that is started in-process (then null)
 * @param subscription   {@code --subscription} (an id or a display name), or null
 * @param resourceGroup  {@code --resource-group}, or null
 */
record AzureOptions(CloudKind cloud, URI simulatorUrl, SignInRequest request, String subscription, String resourceGroup,
        boolean json, boolean verbose) {

    /**
     * Where a command's first request goes, for an explanation that names it: the simulator's URL, else the cloud's
     * Resource Manager endpoint ({@code signIn}: its sign-in endpoint). Null for a simulator started in-process.
     */
    String endpoint(boolean signIn) {
        if (simulatorUrl != null) {
            return simulatorUrl.toString();
        }
        com.azure.core.management.AzureEnvironment env = switch (cloud) {
            case AZURE -> com.azure.core.management.AzureEnvironment.AZURE;
            case US_GOVERNMENT -> com.azure.core.management.AzureEnvironment.AZURE_US_GOVERNMENT;
            case CHINA -> com.azure.core.management.AzureEnvironment.AZURE_CHINA;
            case SIMULATOR -> null;
        };
        return env == null ? null : signIn ? env.getActiveDirectoryEndpoint() : env.getResourceManagerEndpoint();
    }

    /** Environment variable that gives the default of {@code --cloud} (e.g. a trainer's running simulator). */
    static final String CLOUD_ENV = "GATEWAY_WIZARD_CLOUD";
    /** The Azure SDK's and az's variable for the default subscription. */
    static final String SUBSCRIPTION_ENV = "AZURE_SUBSCRIPTION_ID";

    private static final String SAFE_SECRET = "use --client-secret-file FILE (or - for standard input) or"
            + " --client-secret-env VAR; a value on the command line stays in shell history and process listings";
    private static final String SAFE_CERT_PASSWORD = "use --certificate-password-file FILE or --certificate-password-env VAR;"
            + " a value on the command line stays in shell history and process listings";

    /**
     * The --subscription line of the commands that act on gateways (list, status, logs, start, stop, restart,
     * delete): an id or a display name, looked up in the subscription listing.
     */
    static final String SUBSCRIPTION_USAGE = """
              --subscription ID|NAME     the subscription: its id, or its name as 'az account list' shows it
                                         (default: $AZURE_SUBSCRIPTION_ID, else all you can see)
            """;

    /** The usage lines of the shared options with the usual --subscription line. */
    static final String USAGE = usage(SUBSCRIPTION_USAGE);

    /** The usage lines of the shared options, for each command's {@code --help}, with this --subscription line. */
    static String usage(String subscriptionLine) {
        return USAGE_TEMPLATE.formatted(subscriptionLine);
    }

    private static final String USAGE_TEMPLATE = """
            Azure options:
              --cloud azure|usgov|china|simulator[=URL]
                                         the cloud (default: $GATEWAY_WIZARD_CLOUD, else azure). 'simulator' alone starts
                                         the built-in simulator inside this command at demo speed: its world lives only as
                                         long as the command. To list, watch or restart gateways across commands, run
                                         'gateway-wizard simulator' and pass --cloud simulator=http://127.0.0.1:PORT
              --auth cli|browser|device|sp
                                         how to sign in (default cli: the account of 'az login'). device prints a code and
                                         a URL on stderr; sp is a service principal (--tenant, --client-id and a secret or
                                         a certificate)
              --tenant ID                the Microsoft Entra tenant (id or domain)
              --client-id ID             the service principal's application (client) id
              --client-secret-file FILE|-   file (or - for standard input) holding the service principal's secret
              --client-secret-env VAR    environment variable holding the service principal's secret
              --certificate FILE         PEM or PFX certificate of the service principal, instead of a secret
              --certificate-password-file FILE|-, --certificate-password-env VAR   its password, if it has one
            %s  --resource-group RG        the resource group
              --json                     machine-readable output on stdout
              --verbose                  debug lines in the log file
            """;

    /** Adds the shared options to {@code flags}. */
    static Flags addTo(Flags flags) {
        return flags
                .value("--cloud", "--auth", "--tenant", "--client-id", "--client-secret-file", "--client-secret-env",
                        "--certificate", "--certificate-password-file", "--certificate-password-env", "--subscription",
                        "--resource-group")
                .bool("--json", "--verbose")
                .refuse("--client-secret", SAFE_SECRET)
                .refuse("--password", SAFE_SECRET)
                .refuse("--secret", SAFE_SECRET)
                .refuse("--certificate-password", SAFE_CERT_PASSWORD);
    }

    /** Reads the shared options; everything a usage error can be found here, before any sign-in. */
    static AzureOptions parse(Flags.Parsed f, Console console, SecretSources secrets) throws UsageException {
        String cloudText = f.value("--cloud").orElseGet(() -> {
            String env = console.env().get(CLOUD_ENV);
            return env == null || env.isBlank() ? "azure" : env.strip();
        });
        CloudKind cloud;
        URI simUrl = null;
        int eq = cloudText.indexOf('=');
        String word = (eq < 0 ? cloudText : cloudText.substring(0, eq)).toLowerCase(Locale.ROOT);
        switch (word) {
            case "azure", "azurecloud", "public" -> cloud = CloudKind.AZURE;
            case "usgov", "azureusgovernment" -> cloud = CloudKind.US_GOVERNMENT;
            case "china", "azurechinacloud" -> cloud = CloudKind.CHINA;
            case "simulator", "sim" -> cloud = CloudKind.SIMULATOR;
            default -> throw new UsageException("--cloud must be azure, usgov, china, simulator or simulator=URL");
        }
        if (eq >= 0) {
            if (cloud != CloudKind.SIMULATOR) {
                throw new UsageException("--cloud takes a URL only for the simulator: --cloud simulator=http://127.0.0.1:PORT");
            }
            simUrl = simulatorUrl(cloudText.substring(eq + 1).strip());
        }

        String subscription = f.value("--subscription").orElseGet(() -> console.env().get(SUBSCRIPTION_ENV));
        if (subscription != null && subscription.isBlank()) {
            subscription = null;
        }
        String rg = f.value("--resource-group").filter(s -> !s.isBlank()).orElse(null);
        boolean json = f.flag("--json");
        boolean verbose = f.flag("--verbose");

        if (cloud == CloudKind.SIMULATOR) {
            for (String n : new String[] {"--auth", "--tenant", "--client-id", "--client-secret-file", "--client-secret-env",
                    "--certificate", "--certificate-password-file", "--certificate-password-env"}) {
                if (f.has(n)) {
                    throw new UsageException(n + " is not used with the simulator, which needs no sign-in; leave it away");
                }
            }
            SignInRequest request = simUrl == null ? null : SignInRequest.simulator(simUrl);
            return new AzureOptions(cloud, simUrl, request, subscription, rg, json, verbose);
        }

        String tenant = f.value("--tenant").filter(s -> !s.isBlank()).orElse(null);
        String clientId = f.value("--client-id").filter(s -> !s.isBlank()).orElse(null);
        String auth = f.value("--auth", "cli").toLowerCase(Locale.ROOT);
        boolean spGiven = f.has("--client-secret-file") || f.has("--client-secret-env") || f.has("--certificate");
        SignInMethod method;
        Secret secret = Secret.EMPTY;
        Path certificate = null;
        Secret certPassword = Secret.EMPTY;
        switch (auth) {
            case "cli", "az", "azure-cli" -> method = SignInMethod.AZURE_CLI;
            case "browser", "interactive" -> method = SignInMethod.BROWSER;
            case "device", "device-code" -> method = SignInMethod.DEVICE_CODE;
            case "sp", "service-principal" -> {
                if (tenant == null) {
                    throw new UsageException("--auth sp needs --tenant (the tenant id of the service principal)");
                }
                if (clientId == null) {
                    throw new UsageException("--auth sp needs --client-id (the application id of the service principal)");
                }
                boolean secretGiven = f.has("--client-secret-file") || f.has("--client-secret-env");
                if (secretGiven == f.has("--certificate")) {
                    throw new UsageException("--auth sp needs either --client-secret-file/--client-secret-env or --certificate");
                }
                if (secretGiven) {
                    method = SignInMethod.SERVICE_PRINCIPAL_SECRET;
                    secret = secrets.read(f, "--client-secret-file", "--client-secret-env");
                    if (secret.isEmpty()) {
                        throw new UsageException("the client secret given is empty");
                    }
                } else {
                    method = SignInMethod.SERVICE_PRINCIPAL_CERTIFICATE;
                    certificate = Path.of(f.value("--certificate").orElseThrow());
                    if (!Files.isRegularFile(certificate)) {
                        throw new UsageException("--certificate: no such file " + certificate);
                    }
                    certPassword = secrets.read(f, "--certificate-password-file", "--certificate-password-env");
                }
            }
            default -> throw new UsageException("--auth must be cli, browser, device or sp");
        }
        if (method != SignInMethod.SERVICE_PRINCIPAL_SECRET && method != SignInMethod.SERVICE_PRINCIPAL_CERTIFICATE && spGiven) {
            throw new UsageException("--client-secret-…/--certificate are for a service principal: add --auth sp");
        }
        SignInRequest request = new SignInRequest(cloud, null, method, tenant, clientId, secret, certificate, certPassword,
                p -> printDeviceCode(console, p));
        return new AzureOptions(cloud, null, request, subscription, rg, json, verbose);
    }

    private static URI simulatorUrl(String text) throws UsageException {
        try {
            return com.gatewaywizard.azure.SimulatorAddress.parse(text); // the same check as the app's Simulator address
        } catch (com.gatewaywizard.azure.SimulatorAddress.InvalidException e) {
            String fix = "give the URL 'gateway-wizard simulator' printed, e.g. --cloud simulator=http://127.0.0.1:8443";
            throw new UsageException("--cloud simulator=URL: " + switch (e.fault()) {
                case NOT_HTTP -> "the address must start with http:// or https://; " + fix;
                case NOT_A_URL -> "the address is not a URL (no spaces, no user name); " + fix;
                case BAD_PORT -> "the port must be from 1 to 65535; " + fix;
                case HAS_PATH -> "the address must be only scheme, host and port (nothing after the port); " + fix;
                case NO_PORT -> "the address needs its port (host and port are required); " + fix;
                case IPV6 -> "an IPv6 address is not supported (the simulator listens on 127.0.0.1); use"
                        + " --cloud simulator=http://127.0.0.1:PORT with the port it printed";
            });
        }
    }

    /** Device-code sign-in: the code and the URL go to stderr, so stdout (and --json) stays clean. */
    static void printDeviceCode(Console console, DeviceCodePrompt p) {
        StringBuilder sb = new StringBuilder("To sign in, open ").append(p.verificationUrl())
                .append(" and enter the code ").append(p.userCode());
        if (p.expiresAt() != null) {
            sb.append(" (before ").append(DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault())
                    .format(p.expiresAt())).append(')');
        }
        console.err().println(sb);
        console.err().flush();
    }
}
