package com.gatewaywizard.azure;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.management.exception.ManagementException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Azure failures and container events in plain words with a next step. ARM error codes known from Azure (and every
 * code the simulator produces) get our own sentence; unknown codes pass through as code + Azure's message. Never a
 * stack trace; messages are cut to one paragraph.
 */
public final class AzureProblems {
    /** Our own codes (ARM's are used as they are). */
    public static final String CANCELLED = "Cancelled";
    public static final String TIMEOUT = "Timeout";
    public static final String NETWORK = "NetworkError";
    /** The endpoint answered, but its TLS certificate is not one this computer trusts (a simulator's own CA, a proxy). */
    public static final String TLS_UNTRUSTED = "CertificateNotTrusted";
    /** An https:// address given for a simulator started without --tls: it closed the TLS handshake. */
    public static final String SIMULATOR_SERVES_HTTP = "SimulatorServesHttp";
    public static final String SIGN_IN = "SignInFailed";
    /** Azure CLI sign-in on a computer without {@code az} (or with it out of reach). */
    public static final String AZURE_CLI_MISSING = "AzureCliNotFound";
    /** Azure CLI sign-in when {@code az} is there but nobody ran {@code az login}. */
    public static final String AZURE_CLI_NOT_SIGNED_IN = "AzureCliNotSignedIn";
    public static final String INVALID_INPUT = "InvalidInput";
    public static final String UNEXPECTED = "UnexpectedError";
    public static final String DOCKER_RATE_LIMITED = "DockerHubRateLimited";
    public static final String IMAGE_PULL_FAILED = "ImagePullFailed";
    public static final String CRASH_LOOP = "CrashLoop";
    public static final String GATEWAY_CONFIG_REJECTED = "GatewayConfigRejected";
    public static final String STUCK = "DeploymentStuck";

    private static final int MAX_MESSAGE = 600;
    private static final Pattern QUOTA = Pattern.compile("Limit: '([\\d.]+)', Usage: '([\\d.]+)'\\s*,?\\s*Requested: '([\\d.]+)'");

    private record Entry(String title, String message, String next) {
    }

    private static final Map<String, Entry> CODES = new HashMap<>();

    private static void code(String code, String title, String message, String next) {
        CODES.put(code.toLowerCase(Locale.ROOT), new Entry(title, message, next));
    }

    static {
        String fixManifest = "Correct the value Azure names in the message (the wizard's Review step shows the manifest) and deploy again.";
        // Network and subnet
        code("SubnetMissingRequiredDelegation", "Subnet not delegated to Container Instances",
                "Azure only places container groups in a subnet delegated to Microsoft.ContainerInstance/containerGroups.",
                "Let Gateway Wizard add the delegation on the Network step (needs Network Contributor on the subnet), or pick a delegated subnet.");
        code("SubnetDelegationsCannotChangeWhenSubnetUsedByResource", "Subnet is used by other resources",
                "The subnet already holds other resources (a VM's network card, a private endpoint…), so it cannot be delegated to Container Instances.",
                "Pick an empty subnet, or create a new subnet just for the gateways and delegate it.");
        code("InUseSubnetCannotBeUpdated", "Subnet is in use", "Azure does not change a subnet that resources are using.",
                "Pick another subnet, or remove what uses it first.");
        code("InUseSubnetCannotBeDeleted", "Subnet is in use", "Azure does not delete a subnet that resources are using.",
                "Delete the container groups in it first.");
        code("SubnetIsFull", "Subnet has no free address", "Every IP address of the subnet is taken.",
                "Pick a larger subnet or delete gateways you no longer need.");
        code("NetcfgSubnetRangeOutsideVnet", "Subnet range outside the VNet", null, "Use an address range inside the virtual network's address space.");
        code("NetcfgSubnetRangesOverlap", "Subnet ranges overlap", null, "Use an address range no other subnet of the VNet uses.");
        code("NetcfgInvalidSubnet", "Subnet is not valid", null, "Check the subnet's address range.");
        code("InvalidCIDRNotation", "Address range is not valid", null, "Write it as CIDR, for example 10.10.5.0/24.");
        code("InvalidServiceNameOnDelegation", "Delegation is not valid", null, "Delegate to Microsoft.ContainerInstance/containerGroups.");
        code("SecurityRuleParameterContainsUnsupportedValue", "Security rule is not valid", null, "Correct the rule the message names.");
        code("InvalidAddressSpace", "Address space is not valid", null, "Give the virtual network at least one address range.");
        code("PrivateIPAddressNotSupported", "Private IP needs a subnet",
                "A container group with a private IP address must name the subnet it lives in (subnetIds).",
                "Choose a subnet on the Network step and deploy again.");
        code("LinkedInvalidPropertyId", "Subnet id is not valid",
                "The subnet id is not a full Azure resource id of a subnet.",
                "Pick the subnet from the list on the Network step instead of typing its id.");
        code("InvalidResourceReference", "Subnet or network not found",
                "Azure cannot find a resource the deployment refers to (usually the subnet).",
                "Check that the VNet and subnet exist in this subscription and region, then pick the subnet again.");
        // Subscription and provider
        code("MissingSubscriptionRegistration", "Container Instances not registered",
                "The subscription has not registered the Microsoft.ContainerInstance resource provider, which Azure needs before it creates container groups.",
                "Register it (Gateway Wizard offers to; needs Contributor on the subscription), wait a minute, then deploy again.");
        code("SubscriptionNotFound", "Subscription not found", null,
                "Check the subscription id, and that your account can see it (sign in to the right tenant).");
        code("ResourceGroupNotFound", "Resource group not found", null, "Pick an existing resource group or create it on the first step.");
        code("InvalidResourceGroup", "Resource group name is not valid", null,
                "Use up to 90 letters, digits, '-', '_', '.', '(' or ')', not ending in a period.");
        code("InvalidResourceGroupLocation", "Resource group exists in another region",
                "A resource group of that name already exists in a different region.", "Use the existing group's region or another name.");
        code("LocationRequired", "Region missing", null, "Choose a region.");
        code("LocationNotAvailableForResourceType", "Region does not offer Container Instances", null,
                "Choose one of the regions the wizard lists for Container Instances.");
        code("LocationNotAvailableForResourceGroup", "Region not available", null, "Choose another region for the resource group.");
        // Container groups
        code("InvalidContainerGroupUpdate", "Change needs a new container group",
                "Azure cannot change CPU, memory or GPU of an existing container group in place.",
                "Keep the current size, or delete the gateway and deploy it again with the new size.");
        code("ContainerGroupTransitioning", "Gateway is busy",
                "Azure is still creating, starting, stopping or updating this container group.",
                "Wait until its state settles (usually under a minute), then try again.");
        code("ContainerGroupStopped", "Gateway is stopped", "A stopped container group cannot be restarted.", "Start it instead.");
        code("ContainerGroupQuotaReached", "Not enough Container Instances quota", null,
                "Stop or delete container groups you do not need in that region, choose another region, or request more quota "
                        + "(Azure portal → Quotas → Container Instances → Standard Cores).");
        code("ServiceUnavailable", "Size not available in this region",
                "The region cannot run a container group of the requested CPU and memory right now.",
                "Choose a smaller size (at most the region's maximum) or another region.");
        code("InaccessibleImage", "Image cannot be pulled",
                "Azure could not pull the container image: the name or tag is wrong, or the registry refused the credentials.",
                "Check the image (keeper/gateway:<tag>) and the Docker Hub username and access token, then deploy again.");
        code("RegistryErrorResponse", "Docker Hub refused the image pull",
                "Docker Hub answered with an error, usually 429 Too Many Requests: it rate-limits anonymous pulls coming from Azure.",
                "Enter your Docker Hub username and a personal access token on the Registry step and deploy again.");
        code("FailedMount", "Volume could not be mounted", null, "Check the storage account, share name and key of the volume.");
        code("InvalidContainerName", "Container name is not valid", null, fixManifest);
        code("InvalidContainerGroupName", "Gateway name is not valid",
                "Names are 1–63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit.",
                "Use the name the wizard suggests.");
        code("InvalidEnvironmentVariable", "Environment variable is not valid",
                "Each variable needs exactly one of 'value' and 'secureValue'.", fixManifest);
        code("MissingIpAddressPorts", "IP address without ports", "An IP address needs at least one port (the gateway uses 443/TCP).",
                fixManifest);
        code("ResourceSomeRequestsNotSpecified", "CPU or memory missing", null, "Set both CPU and memory.");
        code("InvalidResourceRequests", "CPU or memory is not valid", null, "Use the sizes the Options step allows.");
        code("InvalidVolume", "Volume is not valid", null, fixManifest);
        code("InvalidVolumeMount", "Volume mount is not valid", null, fixManifest);
        code("InvalidOsType", "Operating system is not valid", null, "Use Linux.");
        code("InvalidRestartPolicy", "Restart policy is not valid", null, "Use Always, OnFailure or Never.");
        code("ContainerNotFound", "Container not found", null, "Refresh the gateway list; the group may have been changed or deleted.");
        code("ResourceNotFound", "Not found", "Azure has no such resource (it may have been deleted).", "Refresh the list.");
        code("NotFound", "Not found", null, "Refresh the list.");
        code("Canceled", "Operation cancelled by Azure",
                "Azure cancelled the operation, usually because another change to the same resource superseded it.",
                "Refresh and try again if the change is still needed.");
        // ARM request level
        code("SubscriptionRequestsThrottled", "Azure is throttling requests", "Too many requests were made to the subscription in a short time.",
                "Wait a minute and try again.");
        code("TooManyRequests", "Azure is throttling requests", null, "Wait a minute and try again.");
        code("InternalServerError", "Azure had an internal error", null,
                "Try again in a minute. If it keeps failing on deploy, check that the subnet id ends in /subnets/<name>, not at the VNet.");
        code("AuthenticationFailed", "Sign-in no longer valid", null, "Sign in again.");
        code("InvalidAuthenticationToken", "Sign-in no longer valid", null, "Sign in again.");
        code("ExpiredAuthenticationToken", "Sign-in expired", null, "Sign in again.");
        code("InvalidAuthenticationTokenTenant", "Signed in to another tenant", null,
                "Sign in to the tenant of this subscription (choose the tenant when signing in).");
        code("AuthorizationFailed", "Not allowed",
                "Your account lacks the Azure role this action needs.",
                "Ask for Contributor on the resource group (and Network Contributor on the subnet to delegate it).");
        code("LinkedAuthorizationFailed", "Not allowed on a linked resource",
                "Your account may create the gateway but not use the subnet it refers to.",
                "Ask for Network Contributor (or the subnets/join/action permission) on the subnet.");
        code("InvalidRequestContent", "Azure could not read the request", null, fixManifest);
        code("InvalidRequestFormat", "Azure could not read the request", null, fixManifest);
        code("InvalidParameter", "A parameter is not valid", null, fixManifest);
        code("MissingApiVersionParameter", "Request without API version", null, "Update Gateway Wizard.");
        code("InvalidApiVersionParameter", "API version not supported here", null, "Update Gateway Wizard.");
        code("InvalidAddressPrefixFormat", "Address range is not valid", null, "Write it as CIDR, for example 10.10.5.0/24.");
        code("CanceledAndSupersededDueToAnotherOperation", "Superseded by another change",
                "Another change to the same network replaced this one before it finished.", "Refresh; repeat the change if it is still needed.");
        code("InvalidSkipToken", "List could not be continued", null, "Refresh the list.");
        code("InvalidRequest", "Azure could not read the request", null, fixManifest);
        code("MethodNotAllowed", "Operation not supported", null, "Update Gateway Wizard.");
    }

    private AzureProblems() {
    }

    /** Every ARM code with a sentence of its own (lower case). */
    static java.util.Set<String> knownCodes() {
        return java.util.Set.copyOf(CODES.keySet());
    }

    /** A failure of any Azure call, in plain words. */
    public static Explanation explain(Throwable error) {
        return explain(error, null, false);
    }

    /**
     * As {@link #explain(Throwable)}; when the failure is that no answer came and the error does not say from where
     * (our HTTP pipeline marks its requests with {@link EndpointUnreachableException}; a sign-in library's do not),
     * the message names {@code triedEndpoint} (null: "the Azure endpoint"), and {@code simulator} says it is a
     * simulator's URL.
     */
    public static Explanation explain(Throwable error, String triedEndpoint, boolean simulator) {
        if (error == null) {
            return new Explanation(UNEXPECTED, "Something went wrong", "", "Try again.");
        }
        Throwable t = unwrap(error);
        if (isCancellation(error)) {
            return new Explanation(CANCELLED, "Cancelled", "The operation was cancelled.", "Start it again when you are ready.");
        }
        if (t instanceof ManagementException m) {
            String code = m.getValue() != null && m.getValue().getCode() != null ? m.getValue().getCode() : null;
            String msg = m.getValue() != null ? m.getValue().getMessage() : null;
            int status = m.getResponse() == null ? 0 : m.getResponse().getStatusCode();
            if (code == null || code.isBlank()) {
                return byStatus(status, firstLine(m.getMessage()));
            }
            return arm(code, msg, status);
        }
        if (t instanceof AzureCli.NotFoundException || (isIdentityFailure(t) && t.getMessage() != null
                && t.getMessage().contains("Azure CLI not installed"))) {
            return new Explanation(AZURE_CLI_MISSING, "Azure CLI not found",
                    "The Azure CLI (az) was not found on this computer.",
                    "Install it and run 'az login', or choose another sign-in method.");
        }
        if ((t instanceof ClientAuthenticationException || isIdentityFailure(t)) && t.getMessage() != null
                && t.getMessage().contains("AzureCliCredential") && t.getMessage().contains("az login")) {
            return new Explanation(AZURE_CLI_NOT_SIGNED_IN, "Not signed in to the Azure CLI",
                    "The Azure CLI (az) is installed, but no account is signed in to it.",
                    "Run 'az login' in a terminal, then sign in again; or choose another sign-in method.");
        }
        if (t instanceof ClientAuthenticationException || isIdentityFailure(t)) {
            return new Explanation(SIGN_IN, "Sign-in failed", clean(firstLine(t.getMessage())),
                    "Sign in again; with Azure CLI sign-in run 'az login' first; check the tenant, client id and secret or certificate.");
        }
        if (t instanceof HttpResponseException h) {
            int status = h.getResponse() == null ? 0 : h.getResponse().getStatusCode();
            return byStatus(status, firstLine(h.getMessage()));
        }
        if (t instanceof Polling.WaitTimeoutException || t instanceof TimeoutException || t instanceof HttpTimeoutException
                || hasCause(error, HttpTimeoutException.class) || hasCause(error, TimeoutException.class)) {
            return new Explanation(TIMEOUT, "Azure took too long", clean(firstLine(t.getMessage())),
                    "Check the state in the dashboard, then try again.");
        }
        if (hasCause(error, javax.net.ssl.SSLException.class)) {
            EndpointUnreachableException u = cause(error, EndpointUnreachableException.class);
            String at = u != null ? u.endpoint() : triedEndpoint != null ? EndpointUnreachableException.origin(triedEndpoint)
                    : "the Azure endpoint";
            boolean sim = u != null ? u.simulator() : simulator;
            if (sim && handshakeClosedByPeer(error)) {
                return new Explanation(SIMULATOR_SERVES_HTTP, "The simulator does not speak https there",
                        "The simulator at " + at + " closed the TLS handshake: it was started without --tls and serves plain http.",
                        "Use the http:// address 'gateway-wizard simulator' printed, or start it with --tls.");
            }
            return new Explanation(TLS_UNTRUSTED, "Connection not trusted", "The TLS connection to " + at
                    + " failed: its certificate is not trusted here, or the handshake was refused.", sim
                    ? "Run the command as the user that started 'gateway-wizard simulator --tls' (it keeps the simulator's CA"
                            + " in that user's data folder), or use the simulator's http:// URL."
                    : "If a company proxy inspects TLS, add its CA to Java's trust store (or ask IT); check the date and"
                            + " time of this computer, then try again.");
        }
        if (hasCause(error, ConnectException.class) || t instanceof IOException || t instanceof UncheckedIOException
                || hasCause(error, IOException.class)) {
            EndpointUnreachableException u = cause(error, EndpointUnreachableException.class);
            return unreachable(u != null ? u.endpoint() : triedEndpoint, u != null ? u.simulator() : simulator,
                    nameNotResolved(error, 0));
        }
        if (t instanceof IllegalArgumentException) {
            return new Explanation(INVALID_INPUT, "Input not accepted", clean(firstLine(t.getMessage())), "Correct the input and try again.");
        }
        return new Explanation(UNEXPECTED, "Something went wrong",
                t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + clean(firstLine(t.getMessage()))),
                "Try again; if it keeps happening, send the log file (it holds no secrets) to your administrator.");
    }

    /**
     * "Azure cannot be reached" naming the endpoint tried ({@code scheme://host[:port]}; null: not known). For a
     * simulator's URL the next step is to start it or check the port, not the internet connection.
     */
    public static Explanation unreachable(String endpoint, boolean simulator, boolean nameNotResolved) {
        String where = endpoint == null || endpoint.isBlank() ? null : EndpointUnreachableException.origin(endpoint);
        if (simulator) {
            String at = where == null ? "the simulator's URL" : where;
            return new Explanation(NETWORK, "Azure cannot be reached", nameNotResolved
                    ? "The host name of the simulator's URL " + (where == null ? "" : where + " ") + "could not be resolved."
                    : "Nothing answered at " + at + " (the simulator's URL): the connection was refused or dropped.",
                    nameNotResolved
                            ? "Check the host in the simulator's URL: 'gateway-wizard simulator' prints the URL it listens on"
                                    + " (http://127.0.0.1:PORT)."
                            : "Start the simulator with 'gateway-wizard simulator' (it prints the URL it listens on), or check"
                                    + " the port in the simulator's URL, then try again.");
        }
        String at = where == null ? "the Azure endpoint" : where;
        return nameNotResolved
                ? new Explanation(NETWORK, "Azure cannot be reached", "The name of " + at + " could not be resolved.",
                        "Check the internet connection, proxy and DNS, then try again.")
                : new Explanation(NETWORK, "Azure cannot be reached", "The connection to " + at + " failed or was dropped.",
                        "Check the internet connection and proxy, then try again.");
    }

    /** An ARM error code and message in plain words. */
    public static Explanation arm(String code, String armMessage, int status) {
        String msg = clean(firstLine(armMessage));
        Entry e = CODES.get(code.toLowerCase(Locale.ROOT));
        if (e == null) {
            return new Explanation(code, "Azure error " + code, msg,
                    status >= 500 ? "Try again in a minute." : "Read Azure's message, correct the cause, then try again.");
        }
        String message = e.message() == null ? msg : e.message() + (msg.isEmpty() ? "" : " Azure: " + msg);
        if (code.equalsIgnoreCase("ContainerGroupQuotaReached") && armMessage != null) {
            Matcher m = QUOTA.matcher(armMessage);
            if (m.find()) {
                double limit = Double.parseDouble(m.group(1));
                double usage = Double.parseDouble(m.group(2));
                message = "The deployment needs " + num(Double.parseDouble(m.group(3))) + " cores, but only "
                        + num(Math.max(0, limit - usage)) + " of " + num(limit) + " Standard Cores are left in the region. Azure: " + msg;
            }
        }
        return new Explanation(code, e.title(), message, e.next());
    }

    private static Explanation byStatus(int status, String message) {
        String msg = clean(message);
        return switch (status) {
            case 401 -> new Explanation("AuthenticationFailed", "Sign-in no longer valid", msg, "Sign in again.");
            case 403 -> arm("AuthorizationFailed", message, status);
            case 404 -> new Explanation("NotFound", "Not found", msg, "Refresh the list.");
            case 409 -> new Explanation("Conflict", "Azure refused the change", msg, "Wait a moment and try again.");
            case 429 -> arm("TooManyRequests", message, status);
            default -> status >= 500 ? new Explanation("ServerError", "Azure had an internal error", msg, "Try again in a minute.")
                    : new Explanation("HttpError" + (status > 0 ? status : ""), "Azure refused the request", msg,
                            "Read Azure's message, correct the cause, then try again.");
        };
    }

    /** The TLS handshake ended because the other side closed the connection (as a plain-http server does). */
    public static boolean handshakeClosedByPeer(Throwable error) {
        for (Throwable x = error; x != null; x = x.getCause() == x ? null : x.getCause()) {
            String m = x.getMessage() == null ? "" : x.getMessage().toLowerCase(Locale.ROOT);
            if (x instanceof java.io.EOFException || m.contains("terminated the handshake")
                    || (x instanceof javax.net.ssl.SSLException && m.contains("closed") && !m.contains("certificate"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a Docker Hub 429 was for pulls with credentials ("…your pull rate limit as an authenticated user"), not
     * the anonymous limit ("…your unauthenticated pull rate limit"): adding credentials is then not the fix.
     */
    public static boolean byAuthenticatedUser(String lowerCaseMessage) {
        return lowerCaseMessage.contains("authenticated user") && !lowerCaseMessage.contains("unauthenticated");
    }

    /** A container or group event, in plain words. */
    public static Explanation explainEvent(EventInfo e) {
        String name = e.name() == null ? "" : e.name();
        String message = e.message() == null ? "" : e.message();
        String m = message.toLowerCase(Locale.ROOT);
        String repeated = e.count() > 1 ? " (" + e.count() + " times)" : "";
        switch (name.toLowerCase(Locale.ROOT)) {
            case "failed":
                if ((m.contains("429") || m.contains("toomanyrequests") || m.contains("too many requests") || m.contains("rate limit"))
                        && byAuthenticatedUser(m)) {
                    return new Explanation(DOCKER_RATE_LIMITED, "Docker Hub rate limit",
                            "Docker Hub refused the image pull with 429 Too Many Requests" + repeated
                                    + ": the Docker Hub account given has used up its own pull limit.",
                            "Wait: Azure tries the pull again by itself and it goes through once Docker Hub's limit resets"
                                    + " (within hours); for more pulls, use an account whose Docker Hub plan allows more.");
                }
                if (m.contains("429") || m.contains("toomanyrequests") || m.contains("too many requests") || m.contains("rate limit")) {
                    return new Explanation(DOCKER_RATE_LIMITED, "Docker Hub rate limit",
                            "Docker Hub refused the image pull with 429 Too Many Requests" + repeated
                                    + ": it limits anonymous pulls, and Azure's shared addresses hit that limit.",
                            "Enter your Docker Hub username and a personal access token on the Registry step and deploy again.");
                }
                if (m.contains("unauthorized") || m.contains("authentication required") || m.contains("denied")) {
                    return new Explanation(IMAGE_PULL_FAILED, "Docker Hub refused the credentials", clean(message),
                            "Check the Docker Hub username and access token (not the password), then deploy again.");
                }
                if (m.contains("not found") || m.contains("manifest unknown") || m.contains("pull")) {
                    return new Explanation(IMAGE_PULL_FAILED, "Image cannot be pulled", clean(message),
                            "Check the image name and tag (keeper/gateway:<tag>), then deploy again.");
                }
                return new Explanation("ContainerFailed", "The container failed", clean(message) + repeated,
                        "Open the gateway's logs to see why.");
            case "backoff":
                if (m.contains("pull")) {
                    return new Explanation("PullBackOff", "Waiting to retry the image pull", clean(message) + repeated,
                            "If it keeps failing, add Docker Hub credentials and deploy again.");
                }
                return new Explanation(CRASH_LOOP, "The gateway keeps exiting",
                        "The gateway process exits and Azure restarts it" + repeated + ".",
                        "Open the logs: a malformed GATEWAY_CONFIG (copy the whole base64 text again) or a missing ACCEPT_EULA=Y is the usual cause.");
            case "failedmount":
                return arm("FailedMount", message, 0);
            case "killing":
                return new Explanation("Killing", "Container stopped", clean(message), "");
            case "pulling":
                return new Explanation("Pulling", "Pulling the image", clean(message), "");
            case "pulled":
                return new Explanation("Pulled", "Image pulled", clean(message), "");
            case "started":
                return new Explanation("Started", "Container started", clean(message), "");
            case "created":
                return new Explanation("Created", "Container created", clean(message), "");
            default:
                boolean warning = "Warning".equalsIgnoreCase(e.type());
                return new Explanation(name.isEmpty() ? "Event" : name, name.isEmpty() ? "Event" : name, clean(message),
                        warning ? "Open the gateway's logs and events for details." : "");
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    static boolean isCancellation(Throwable t) {
        for (Throwable x = t; x != null; x = x.getCause()) {
            if (x instanceof CancellationException || x instanceof InterruptedException
                    || x instanceof java.nio.channels.ClosedByInterruptException) {
                return true;
            }
            if (x.getCause() == x) {
                break;
            }
        }
        return false;
    }

    private static boolean isIdentityFailure(Throwable t) {
        String n = t.getClass().getName();
        return n.startsWith("com.azure.identity.") || n.startsWith("com.microsoft.aad.msal4j.");
    }

    private static Throwable unwrap(Throwable t) {
        Throwable x = t;
        while ((x instanceof CompletionException || x instanceof ExecutionException || x instanceof UncheckedIOException
                || x.getClass().getName().startsWith("reactor.core.Exceptions")) && x.getCause() != null && x.getCause() != x) {
            x = x.getCause();
        }
        return x;
    }

    /** Whether a host name could not be resolved: the JDK client says so in a cause or a suppressed exception. */
    private static boolean nameNotResolved(Throwable t, int depth) {
        for (Throwable x = t; x != null && depth < 20; x = x.getCause() == x ? null : x.getCause(), depth++) {
            if (x instanceof UnknownHostException || x instanceof java.nio.channels.UnresolvedAddressException) {
                return true;
            }
            for (Throwable s : x.getSuppressed()) {
                if (nameNotResolved(s, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static <T extends Throwable> T cause(Throwable t, Class<T> type) {
        for (Throwable x = t; x != null; x = x.getCause()) {
            if (type.isInstance(x)) {
                return type.cast(x);
            }
            if (x.getCause() == x) {
                break;
            }
        }
        return null;
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable x = t; x != null; x = x.getCause()) {
            if (type.isInstance(x)) {
                return true;
            }
            if (x.getCause() == x) {
                break;
            }
        }
        return false;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl).strip();
    }

    /** One paragraph at most; no stack frames. */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        String t = s.replaceAll("\\s+at [\\w.$]+\\(.*", "").strip();
        return t.length() > MAX_MESSAGE ? t.substring(0, MAX_MESSAGE) + "…" : t;
    }

    private static String num(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
