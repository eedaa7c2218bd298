package com.gatewaywizard.spec;

import static com.gatewaywizard.spec.ProblemCodes.BELOW_PRODUCTION_SIZING;
import static com.gatewaywizard.spec.ProblemCodes.BELOW_SANDBOX_SIZING;
import static com.gatewaywizard.spec.ProblemCodes.CPU_OUT_OF_RANGE;
import static com.gatewaywizard.spec.ProblemCodes.CPU_STEP;
import static com.gatewaywizard.spec.ProblemCodes.DOCKER_PAT_IS_USERNAME;
import static com.gatewaywizard.spec.ProblemCodes.DOCKER_PAT_LOOKS_LIKE_PASSWORD;
import static com.gatewaywizard.spec.ProblemCodes.DOCKER_PAT_NOT_PAT;
import static com.gatewaywizard.spec.ProblemCodes.DOCKER_PAT_REQUIRED;
import static com.gatewaywizard.spec.ProblemCodes.DOCKER_USER_INVALID;
import static com.gatewaywizard.spec.ProblemCodes.DOCKER_USER_REQUIRED;
import static com.gatewaywizard.spec.ProblemCodes.IMAGE_INVALID;
import static com.gatewaywizard.spec.ProblemCodes.IMAGE_LATEST_TAG;
import static com.gatewaywizard.spec.ProblemCodes.INSTANCES_OUT_OF_RANGE;
import static com.gatewaywizard.spec.ProblemCodes.INSTANCE_NAME_TOO_LONG;
import static com.gatewaywizard.spec.ProblemCodes.MEMORY_OUT_OF_RANGE;
import static com.gatewaywizard.spec.ProblemCodes.MEMORY_STEP;
import static com.gatewaywizard.spec.ProblemCodes.NAME_INVALID;
import static com.gatewaywizard.spec.ProblemCodes.NAME_REQUIRED;
import static com.gatewaywizard.spec.ProblemCodes.NAME_TOO_LONG;
import static com.gatewaywizard.spec.ProblemCodes.REGION_DISPLAY_NAME;
import static com.gatewaywizard.spec.ProblemCodes.REGION_REQUIRED;
import static com.gatewaywizard.spec.ProblemCodes.REGION_UNKNOWN;
import static com.gatewaywizard.spec.ProblemCodes.RESOURCE_GROUP_INVALID;
import static com.gatewaywizard.spec.ProblemCodes.RESOURCE_GROUP_REQUIRED;
import static com.gatewaywizard.spec.ProblemCodes.SUBNET_OTHER_SUBSCRIPTION;
import static com.gatewaywizard.spec.ProblemCodes.SUBSCRIPTION_ID_INVALID;
import static com.gatewaywizard.spec.ProblemCodes.SUBSCRIPTION_ID_REQUIRED;
import static com.gatewaywizard.spec.ProblemCodes.TAG_INVALID;
import static com.gatewaywizard.spec.ProblemCodes.TAG_REPEATED;
import static com.gatewaywizard.spec.ProblemCodes.TAG_RESERVED;

import com.gatewaywizard.keeper.DecodeResult;
import com.gatewaywizard.keeper.GatewayConfig;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every input rule of the wizard, offline and fast enough to run on each keystroke. Problems come in the wizard's
 * field order ({@link #FIELD_ORDER}); each has a stable code from {@link ProblemCodes}, the field it is about (a
 * {@link GatewaySpec} component name), a plain-English message that names the field, and a fix.
 *
 * <p>Plain fields are validated exactly as held, because that is what gets deployed. The two secrets are validated
 * after cleaning a paste: the Docker Hub token through {@link SecretInput#clean(String)}, the gateway config through
 * {@link GatewayConfig#decode(String)}. {@link #normalize(GatewaySpec)} applies those cleanings (and trims plain
 * fields); deploy and export code should use a normalized spec. No message ever contains a secret value.
 *
 * <p>Checks that need Azure (subnet exists and is delegated, quota, name free, region capabilities) belong to the
 * Azure preflight; {@link #validate(GatewaySpec, Limits)} takes the region's CPU/memory limits when known.
 */
public final class SpecValidator {

    /** The fields in the order the wizard asks for them; problems are reported in this order. */
    public static final List<String> FIELD_ORDER = List.of("subscriptionId", "resourceGroup", "region", "name", "subnetId",
            "dockerUser", "dockerPat", "gatewayConfig", "image", "cpu", "memoryGb", "instances", "tags");

    /** Keeper's sizing (reference/keeper.md §2): sandbox 2 CPU / 8 GB, production at least 4 CPU / 16 GB. */
    public static final double SANDBOX_CPU = 2;
    public static final double SANDBOX_MEMORY_GB = 8;
    public static final double PRODUCTION_CPU = 4;
    public static final double PRODUCTION_MEMORY_GB = 16;

    /** Azure: at most 50 tags per resource; name ≤ 512, value ≤ 256 characters. */
    public static final int MAX_TAGS = 50;
    public static final int MAX_TAG_NAME = 512;
    public static final int MAX_TAG_VALUE = 256;
    private static final Pattern TAG_NAME_FORBIDDEN = Pattern.compile("[<>%&\\\\?/]");
    private static final List<String> TAG_RESERVED_PREFIXES = List.of("microsoft", "azure", "windows");

    private static final Pattern DOCKER_USER = Pattern.compile("[a-z0-9]{4,30}");
    /** Docker Hub personal access tokens; organisation access tokens ({@code dckr_oat_}) work too. */
    public static final List<String> DOCKER_TOKEN_PREFIXES = List.of("dckr_pat_", "dckr_oat_");

    // Docker image reference grammar (distribution/reference).
    private static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String DOMAIN = DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*(?::[0-9]+)?";
    private static final String TAG = "[\\w][\\w.-]{0,127}";
    private static final String DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
    private static final Pattern IMAGE = Pattern.compile(
            "(?:" + DOMAIN + "/)?" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*(?::" + TAG + ")?(?:@" + DIGEST + ")?");
    private static final int MAX_IMAGE_NAME = 255;

    private SpecValidator() {
    }

    /** All problems of {@code spec} for a standard Linux container group (4 CPU / 16 GB). */
    public static List<Problem> validate(GatewaySpec spec) {
        return validate(spec, Limits.STANDARD_LINUX);
    }

    /** All problems of {@code spec}, with the CPU/memory maximum of the target region. */
    public static List<Problem> validate(GatewaySpec spec, Limits limits) {
        List<Problem> p = new ArrayList<>();
        subscription(spec, p);
        resourceGroup(spec, p);
        region(spec, p);
        name(spec, p);
        subnet(spec, p);
        dockerUser(spec, p);
        dockerPat(spec, p);
        gatewayConfig(spec, p);
        image(spec, p);
        resources(spec, limits, p);
        instances(spec, p);
        tags(spec, p);
        return List.copyOf(p);
    }

    /** The problems about one field, in order. */
    public static List<Problem> forField(List<Problem> problems, String field) {
        return problems.stream().filter(pr -> pr.field().equals(field)).toList();
    }

    /**
     * The spec as it should be deployed: plain text fields stripped of surrounding whitespace, the Docker Hub token
     * cleaned by {@link SecretInput#clean(String)}, and the gateway config replaced by its canonical base64 when it
     * decodes (for a pasted JSON config, its base64 encoding). Values that do not decode are left as they are.
     */
    public static GatewaySpec normalize(GatewaySpec spec) {
        DecodeResult config = GatewayConfig.decode(spec.gatewayConfig().reveal());
        return spec.toBuilder()
                .subscriptionId(spec.subscriptionId().strip())
                .resourceGroup(spec.resourceGroup().strip())
                .region(spec.region().strip())
                .name(spec.name().strip())
                .subnetId(spec.subnetId().strip())
                .dockerUser(spec.dockerUser().strip())
                .dockerPat(SecretInput.clean(spec.dockerPat()))
                .gatewayConfig(config.ok() ? config.cleaned() : spec.gatewayConfig())
                .image(spec.image().strip())
                .build();
    }

    // ---- subscriptionId ------------------------------------------------------------------------------------------

    private static void subscription(GatewaySpec s, List<Problem> p) {
        String v = s.subscriptionId();
        if (v.isBlank()) {
            p.add(Problem.error(SUBSCRIPTION_ID_REQUIRED, "subscriptionId", "Subscription ID is empty.",
                    "Choose a subscription after signing in, or paste its ID (portal: Subscriptions; CLI: az account show --query id -o tsv)."));
        } else if (!ArmNames.isGuid(v)) {
            String fix = ArmNames.isGuid(v.strip().replaceAll("^\\{|}$", ""))
                    ? "Remove the spaces or braces around it: " + v.strip().replaceAll("^\\{|}$", "")
                    : "Use the 36-character Subscription ID, like " + ArmNames.GUID_EXAMPLE
                            + " (az account show --query id -o tsv), not the subscription's name.";
            p.add(Problem.error(SUBSCRIPTION_ID_INVALID, "subscriptionId",
                    "Subscription ID '" + shorten(v) + "' is not a subscription ID (a GUID of 8-4-4-4-12 hex digits).", fix));
        }
    }

    // ---- resourceGroup -------------------------------------------------------------------------------------------

    private static void resourceGroup(GatewaySpec s, List<Problem> p) {
        String v = s.resourceGroup();
        if (v.isBlank()) {
            p.add(Problem.error(RESOURCE_GROUP_REQUIRED, "resourceGroup", "Resource group is empty.",
                    "Choose an existing resource group or type a name for a new one, e.g. rg-keeper-gateway."));
        } else if (!ArmNames.isResourceGroupName(v)) {
            String why = v.length() > 90 ? "it is longer than 90 characters"
                    : v.endsWith(".") ? "it ends with a period"
                    : "it has characters Azure does not allow there";
            p.add(Problem.error(RESOURCE_GROUP_INVALID, "resourceGroup",
                    "Resource group '" + shorten(v) + "' is not a valid name: " + why + ".",
                    "Use 1\u201390 letters, digits, hyphens, underscores, periods and parentheses, not ending with a period."));
        }
    }

    // ---- region --------------------------------------------------------------------------------------------------

    private static void region(GatewaySpec s, List<Problem> p) {
        String v = s.region();
        if (v.isBlank()) {
            p.add(Problem.error(REGION_REQUIRED, "region", "Region is empty.",
                    "Choose the Azure region of your virtual network, e.g. westeurope."));
            return;
        }
        if (AzureRegions.isName(v) && v.equals(v.strip())) {
            return;
        }
        Optional<AzureRegions.Region> meant = AzureRegions.find(v);
        if (meant.isPresent()) {
            AzureRegions.Region r = meant.get();
            String message = AzureRegions.isName(v)
                    ? "Region '" + shorten(v) + "' has spaces around the region name."
                    : "Region '" + shorten(v) + "' is a display name; Azure wants the region's name (" + r.displayName() + " is "
                            + r.name() + ").";
            p.add(Problem.error(REGION_DISPLAY_NAME, "region", message, "Use " + r.name()));
            return;
        }
        String fix = AzureRegions.closest(v)
                .map(r -> "Did you mean " + r.name() + " (" + r.displayName() + ")? Use a region name such as westeurope; "
                        + "az account list-locations -o table lists them.")
                .orElse("Use a region name such as westeurope or eastus; az account list-locations -o table lists them.");
        p.add(Problem.error(REGION_UNKNOWN, "region", "Region '" + shorten(v) + "' is not an Azure region the wizard knows.", fix));
    }

    // ---- name ----------------------------------------------------------------------------------------------------

    private static void name(GatewaySpec s, List<Problem> p) {
        String v = s.name();
        if (v.isBlank()) {
            p.add(Problem.error(NAME_REQUIRED, "name", "Container group name is empty.",
                    "Use a name such as " + Names.FALLBACK + " (lowercase letters, digits and single hyphens)."));
            return;
        }
        if (!Names.hasValidCharacters(v)) {
            p.add(Problem.error(NAME_INVALID, "name",
                    "Container group name '" + shorten(v) + "' is not valid: use 1\u201363 lowercase letters, digits and single "
                            + "hyphens, not starting or ending with a hyphen.",
                    "Use " + Names.suggest(v)));
            return;
        }
        if (v.length() > Names.MAX_LENGTH) {
            p.add(Problem.error(NAME_TOO_LONG, "name",
                    "Container group name is " + v.length() + " characters long; Azure allows at most " + Names.MAX_LENGTH + ".",
                    "Use " + Names.suggest(v)));
            return;
        }
        int n = s.instances();
        if (n >= 2 && n <= GatewaySpec.MAX_INSTANCES) {
            String longest = s.instanceName(n);
            if (longest.length() > Names.MAX_LENGTH) {
                int room = Names.MAX_LENGTH - (longest.length() - v.length());
                p.add(Problem.error(INSTANCE_NAME_TOO_LONG, "name",
                        "Container group name is too long for " + n + " instances: instance " + n + " would be named '"
                                + longest + "' (" + longest.length() + " characters; at most " + Names.MAX_LENGTH + ").",
                        "Use " + Names.suggest(v, room) + " (at most " + room + " characters)"));
            }
        }
    }

    // ---- subnetId ------------------------------------------------------------------------------------------------

    private static void subnet(GatewaySpec s, List<Problem> p) {
        SubnetId.Parsed parsed = SubnetId.check(s.subnetId());
        if (!parsed.ok()) {
            p.add(Problem.error(parsed.code(), "subnetId", parsed.message(), parsed.fix()));
            return;
        }
        SubnetId id = parsed.id().orElseThrow();
        if (ArmNames.isGuid(s.subscriptionId()) && !id.subscriptionId().equalsIgnoreCase(s.subscriptionId())) {
            p.add(Problem.error(SUBNET_OTHER_SUBSCRIPTION, "subnetId",
                    "Subnet ID is in subscription " + id.subscriptionId() + ", but the gateway is deployed to subscription "
                            + s.subscriptionId().toLowerCase(Locale.ROOT) + "; Container Instances needs a subnet of the same subscription.",
                    "Choose a subnet of subscription " + s.subscriptionId().toLowerCase(Locale.ROOT)
                            + ", or deploy to subscription " + id.subscriptionId() + "."));
        }
    }

    // ---- dockerUser ----------------------------------------------------------------------------------------------

    private static void dockerUser(GatewaySpec s, List<Problem> p) {
        String v = s.dockerUser();
        if (v.isBlank()) {
            p.add(Problem.error(DOCKER_USER_REQUIRED, "dockerUser", "Docker Hub username is empty.",
                    "Enter your Docker Hub username: without an account, Azure's anonymous pulls hit Docker Hub's rate limit "
                            + "(429 Too Many Requests)."));
            return;
        }
        if (DOCKER_USER.matcher(v).matches()) {
            return;
        }
        String message;
        String fix;
        if (v.contains("@")) {
            message = "Docker Hub username looks like an email address; Docker Hub wants the username, not the email.";
            fix = "Enter the username shown at hub.docker.com (top right, or Account settings).";
        } else if (DOCKER_USER.matcher(v.strip().toLowerCase(Locale.ROOT)).matches()) {
            message = "Docker Hub username '" + shorten(v) + "' must be lowercase, without spaces.";
            fix = "Use " + v.strip().toLowerCase(Locale.ROOT);
        } else {
            message = "Docker Hub username '" + shorten(v) + "' is not valid: Docker Hub usernames are 4\u201330 lowercase letters and digits.";
            fix = "Enter the username shown at hub.docker.com (top right, or Account settings).";
        }
        p.add(Problem.error(DOCKER_USER_INVALID, "dockerUser", message, fix));
    }

    // ---- dockerPat -----------------------------------------------------------------------------------------------

    private static void dockerPat(GatewaySpec s, List<Problem> p) {
        String pat = SecretInput.clean(s.dockerPat().reveal());
        if (pat.isEmpty()) {
            p.add(Problem.error(DOCKER_PAT_REQUIRED, "dockerPat", "Docker Hub access token is empty.",
                    "Create a Read-only personal access token at hub.docker.com: Account settings \u2192 Personal access tokens."));
            return;
        }
        if (pat.chars().anyMatch(Character::isWhitespace) || pat.chars().anyMatch(Character::isSpaceChar)) {
            p.add(Problem.error(DOCKER_PAT_LOOKS_LIKE_PASSWORD, "dockerPat",
                    "Docker Hub access token contains spaces, like a password or pass phrase; access tokens never do.",
                    "Paste a personal access token (it starts with dckr_pat_), not your password."));
            return;
        }
        String user = s.dockerUser().strip();
        if (!user.isEmpty() && pat.equalsIgnoreCase(user)) {
            p.add(Problem.error(DOCKER_PAT_IS_USERNAME, "dockerPat",
                    "Docker Hub access token is the same as the Docker Hub username.",
                    "Paste the personal access token (it starts with dckr_pat_) into this field, not the username."));
            return;
        }
        if (DOCKER_TOKEN_PREFIXES.stream().noneMatch(pat::startsWith)) {
            p.add(Problem.warning(DOCKER_PAT_NOT_PAT, "dockerPat",
                    "Docker Hub access token does not start with dckr_pat_, so it may be your password rather than a token.",
                    "Use a Read-only personal access token (hub.docker.com: Account settings \u2192 Personal access tokens); "
                            + "a password works only without two-factor sign-in and gives full account access."));
        }
    }

    // ---- gatewayConfig -------------------------------------------------------------------------------------------

    private static void gatewayConfig(GatewaySpec s, List<Problem> p) {
        p.addAll(GatewayConfig.decode(s.gatewayConfig().reveal()).problems());
    }

    // ---- image ---------------------------------------------------------------------------------------------------

    /** Whether {@code image} is a Docker image reference (distribution/reference grammar, name at most 255 characters). */
    public static boolean isImageReference(String image) {
        if (image == null || image.length() > MAX_IMAGE_NAME + 300) {
            return false; // longer than any name + tag + digest; not worth a regex run
        }
        int at = image.indexOf('@');
        String beforeDigest = at >= 0 ? image.substring(0, at) : image;
        int colon = beforeDigest.lastIndexOf(':');
        String name = colon > beforeDigest.lastIndexOf('/') ? beforeDigest.substring(0, colon) : beforeDigest;
        return name.length() <= MAX_IMAGE_NAME && IMAGE.matcher(image).matches();
    }

    private static void image(GatewaySpec s, List<Problem> p) {
        String v = s.image();
        int at = v.indexOf('@');
        String beforeDigest = at >= 0 ? v.substring(0, at) : v;
        int colon = beforeDigest.lastIndexOf(':');
        boolean hasTag = colon > beforeDigest.lastIndexOf('/');
        String name = hasTag ? beforeDigest.substring(0, colon) : beforeDigest;
        if (!isImageReference(v)) {
            String lower = v.strip().toLowerCase(Locale.ROOT);
            String fix = !lower.equals(v) && IMAGE.matcher(lower).matches()
                    ? "Use " + lower
                    : "Use a Docker image reference such as " + GatewaySpec.DEFAULT_IMAGE + " or keeper/gateway:<version>.";
            if (v.contains("hub.docker.com/")) {
                fix = "Use the image name, not its Docker Hub web page: " + GatewaySpec.DEFAULT_IMAGE;
            }
            p.add(Problem.error(IMAGE_INVALID, "image",
                    "Image '" + shorten(v) + "' is not a valid Docker image reference ([registry/]repository[:tag][@digest], "
                            + "repository in lowercase).", fix));
            return;
        }
        String tag = hasTag ? beforeDigest.substring(colon + 1) : "";
        if (at < 0 && (tag.isEmpty() || tag.equals("latest"))) {
            p.add(Problem.info(IMAGE_LATEST_TAG, "image",
                    "Image '" + v + "' follows the latest tag: a restart or redeploy can start a newer gateway version.",
                    "Pin a version tag, e.g. " + name + ":<version> (tags are listed on Docker Hub), for predictable restarts; "
                            + "keep latest if you want restarts to update."));
        }
    }

    // ---- cpu / memoryGb ------------------------------------------------------------------------------------------

    private static void resources(GatewaySpec s, Limits limits, List<Problem> p) {
        boolean cpuOk = amount(s.cpu(), limits.maxCpu(), "cpu", "CPU", " cores", CPU_OUT_OF_RANGE, CPU_STEP, p);
        boolean memOk = amount(s.memoryGb(), limits.maxMemoryGb(), "memoryGb", "Memory", " GB", MEMORY_OUT_OF_RANGE, MEMORY_STEP, p);
        if (!cpuOk || !memOk) {
            return;
        }
        String size = num(s.cpu()) + " CPU / " + num(s.memoryGb()) + " GB";
        if (s.cpu() < SANDBOX_CPU || s.memoryGb() < SANDBOX_MEMORY_GB) {
            p.add(Problem.warning(BELOW_SANDBOX_SIZING, s.cpu() < SANDBOX_CPU ? "cpu" : "memoryGb",
                    "CPU and memory (" + size + ") are below Keeper's smallest recommended size, 2 CPU / 8 GB for a sandbox; "
                            + "sessions may fail or the gateway may be restarted for lack of memory.",
                    "Use at least 2 CPU and 8 GB."));
        } else if (s.cpu() < PRODUCTION_CPU || s.memoryGb() < PRODUCTION_MEMORY_GB) {
            p.add(Problem.info(BELOW_PRODUCTION_SIZING, s.cpu() < PRODUCTION_CPU ? "cpu" : "memoryGb",
                    "CPU and memory (" + size + ") suit a sandbox; Keeper recommends at least 4 CPU / 16 GB in production "
                            + "(remote browser isolation needs about 800 MB per session).",
                    "For production use 4 CPU and 16 GB" + (limits.maxCpu() < PRODUCTION_CPU || limits.maxMemoryGb() < PRODUCTION_MEMORY_GB
                            ? " where the region allows it, or add instances." : ", or add instances.")));
        }
    }

    /** Range and 0.1-step check of one amount; true when valid. */
    private static boolean amount(double v, double max, String field, String label, String unit, String rangeCode,
            String stepCode, List<Problem> p) {
        if (Double.isNaN(v) || v < Limits.MIN - 1e-9 || v > max + 1e-9) {
            p.add(Problem.error(rangeCode, field,
                    label + " " + (Double.isNaN(v) ? "is not a number" : num(v) + unit + " is out of range")
                            + ": it must be between " + num(Limits.MIN) + " and " + num(max) + unit + " in this region.",
                    "Use a value from " + num(Limits.MIN) + " to " + num(max) + ", e.g. " + (field.equals("cpu") ? "2" : "8") + "."));
            return false;
        }
        double tenths = v * 10;
        if (Math.abs(tenths - Math.rint(tenths)) > 1e-6) {
            double rounded = Math.max(Limits.MIN, Math.min(max, Math.rint(tenths) / 10));
            p.add(Problem.error(stepCode, field,
                    label + " " + num(v) + unit + " is not a multiple of 0.1; Azure takes steps of 0.1.",
                    "Use " + num(rounded)));
            return false;
        }
        return true;
    }

    // ---- instances -----------------------------------------------------------------------------------------------

    private static void instances(GatewaySpec s, List<Problem> p) {
        int n = s.instances();
        if (n < 1 || n > GatewaySpec.MAX_INSTANCES) {
            p.add(Problem.error(INSTANCES_OUT_OF_RANGE, "instances",
                    "Number of instances is " + n + "; it must be between 1 and " + GatewaySpec.MAX_INSTANCES + ".",
                    "Use 1 for a single gateway, or 2\u2013" + GatewaySpec.MAX_INSTANCES + " for a pool (then run "
                            + "`pam gateway set-max-instances -g <GATEWAY_UID> -m <N>` in Commander)."));
        }
    }

    // ---- tags ----------------------------------------------------------------------------------------------------

    /** The tag Gateway Wizard sets on every group it deploys (AppInfo.TAG_MANAGED_BY); a user's value is replaced. */
    static final String RESERVED_TAG = "managed-by";

    /**
     * Warnings for tag names given more than once, in the order given ({@code --tag a=1 --tag a=2}): a map keeps
     * only the last, so this looks at the names as typed, before they become a {@link GatewaySpec}.
     */
    public static List<Problem> repeatedTags(List<String> namesAsGiven) {
        Map<String, Integer> count = new java.util.LinkedHashMap<>();
        for (String n : namesAsGiven) {
            count.merge(n, 1, Integer::sum);
        }
        List<Problem> out = new ArrayList<>();
        count.forEach((n, c) -> {
            if (c > 1) {
                out.add(Problem.warning(TAG_REPEATED, "tags", "Tag '" + shorten(n) + "' is given " + c
                        + " times; only the last value is kept.", "Give each tag once."));
            }
        });
        return out;
    }

    private static void tags(GatewaySpec s, List<Problem> p) {
        Map<String, String> tags = s.tags();
        if (tags.size() > MAX_TAGS) {
            p.add(Problem.error(TAG_INVALID, "tags", "There are " + tags.size() + " tags; Azure allows at most " + MAX_TAGS + ".",
                    "Remove " + (tags.size() - MAX_TAGS) + " tags."));
        }
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, String> e : tags.entrySet()) {
            String k = e.getKey() == null ? "" : e.getKey();
            String v = e.getValue() == null ? "" : e.getValue();
            String shown = "Tag '" + shorten(k) + "'";
            String lower = k.toLowerCase(Locale.ROOT);
            if (k.isBlank()) {
                p.add(Problem.error(TAG_INVALID, "tags", "A tag has an empty name.", "Give the tag a name or remove it."));
            } else if (k.length() > MAX_TAG_NAME) {
                p.add(Problem.error(TAG_INVALID, "tags",
                        shown + " has a name of " + k.length() + " characters; Azure allows at most " + MAX_TAG_NAME + ".",
                        "Shorten the tag name."));
            } else if (TAG_NAME_FORBIDDEN.matcher(k).find()) {
                p.add(Problem.error(TAG_INVALID, "tags", shown + " has a character Azure forbids in tag names (< > % & \\ ? /).",
                        "Use " + TAG_NAME_FORBIDDEN.matcher(k).replaceAll("-")));
            } else if (TAG_RESERVED_PREFIXES.stream().anyMatch(lower::startsWith)) {
                p.add(Problem.error(TAG_INVALID, "tags", shown + " starts with a prefix Azure reserves (microsoft, azure, windows).",
                        "Choose a tag name with another prefix."));
            } else if (!seen.add(lower)) {
                p.add(Problem.error(TAG_INVALID, "tags", shown + " appears twice; Azure tag names ignore case.",
                        "Keep one of the two tags."));
            }
            if (lower.equals(RESERVED_TAG)) {
                p.add(Problem.warning(TAG_RESERVED, "tags", shown + " is set by Gateway Wizard itself (" + RESERVED_TAG
                        + "=gateway-wizard, how it finds its gateways); the value given is not used.",
                        "Remove this tag, or give it another name."));
            }
            if (v.length() > MAX_TAG_VALUE) {
                p.add(Problem.error(TAG_INVALID, "tags",
                        shown + " has a value of " + v.length() + " characters; Azure allows at most " + MAX_TAG_VALUE + ".",
                        "Shorten the tag value."));
            }
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** 2.0 → "2", 0.5 → "0.5", 1.25 → "1.25". */
    static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** User text quoted in a message: control characters replaced, cut at 80 characters. */
    static String shorten(String s) {
        String clean = s.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 80 ? clean : clean.substring(0, 77) + "...";
    }
}
