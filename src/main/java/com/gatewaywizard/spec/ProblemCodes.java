package com.gatewaywizard.spec;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Every stable {@link Problem#code()} produced by the input rules ({@link SpecValidator}) and by the gateway
 * config decoder ({@code com.gatewaywizard.keeper.GatewayConfig#decode}). Codes never change once released:
 * tests, docs, the CLI's {@code validate} output and scripts match on them.
 *
 * <p>Each constant's value equals its name. The comment says when it fires and its severity.
 */
public final class ProblemCodes {
    private ProblemCodes() {
    }

    // ---- subscriptionId ------------------------------------------------------------------------------------------
    /** Error: no subscription id. */
    public static final String SUBSCRIPTION_ID_REQUIRED = "SUBSCRIPTION_ID_REQUIRED";
    /** Error: the subscription id is not a GUID (36 characters, 8-4-4-4-12 hex digits). */
    public static final String SUBSCRIPTION_ID_INVALID = "SUBSCRIPTION_ID_INVALID";

    // ---- resourceGroup -------------------------------------------------------------------------------------------
    /** Error: no resource group. */
    public static final String RESOURCE_GROUP_REQUIRED = "RESOURCE_GROUP_REQUIRED";
    /** Error: breaks Azure's resource group rules (1–90 chars, letters, digits, {@code -_.()}, no final period). */
    public static final String RESOURCE_GROUP_INVALID = "RESOURCE_GROUP_INVALID";

    // ---- region --------------------------------------------------------------------------------------------------
    /** Error: no region. */
    public static final String REGION_REQUIRED = "REGION_REQUIRED";
    /** Error: not a known Azure region name (see {@link AzureRegions}). */
    public static final String REGION_UNKNOWN = "REGION_UNKNOWN";
    /** Error: a display name such as "West Europe" where ARM wants the region name ({@code westeurope}); the fix names it. */
    public static final String REGION_DISPLAY_NAME = "REGION_DISPLAY_NAME";

    // ---- name ----------------------------------------------------------------------------------------------------
    /** Error: no container group name. */
    public static final String NAME_REQUIRED = "NAME_REQUIRED";
    /** Error: characters or hyphens ACI does not allow; the fix suggests {@link Names#suggest(String)}. */
    public static final String NAME_INVALID = "NAME_INVALID";
    /** Error: longer than 63 characters; the fix suggests a shortened name. */
    public static final String NAME_TOO_LONG = "NAME_TOO_LONG";
    /** Error: with more than one instance, {@code name-k} would pass 63 characters. */
    public static final String INSTANCE_NAME_TOO_LONG = "INSTANCE_NAME_TOO_LONG";

    // ---- subnetId ------------------------------------------------------------------------------------------------
    /** Error: no subnet id (a private IP needs a subnet). */
    public static final String SUBNET_ID_REQUIRED = "SUBNET_ID_REQUIRED";
    /** Error: a bare name, not a full ARM resource id. */
    public static final String SUBNET_ID_NOT_ARM_ID = "SUBNET_ID_NOT_ARM_ID";
    /** Error: the id of a virtual network, not of one of its subnets. */
    public static final String SUBNET_ID_IS_VNET = "SUBNET_ID_IS_VNET";
    /** Error: the id of another resource type (a VM, a NIC, a peering…). */
    public static final String SUBNET_ID_WRONG_TYPE = "SUBNET_ID_WRONG_TYPE";
    /** Error: an ARM-looking id with a malformed part (subscription, names, slashes, spaces). */
    public static final String SUBNET_ID_INVALID = "SUBNET_ID_INVALID";
    /** Error: the subnet is in another subscription than the deployment (ACI needs the same subscription). */
    public static final String SUBNET_OTHER_SUBSCRIPTION = "SUBNET_OTHER_SUBSCRIPTION";

    // ---- dockerUser ----------------------------------------------------------------------------------------------
    /** Error: no Docker Hub username. */
    public static final String DOCKER_USER_REQUIRED = "DOCKER_USER_REQUIRED";
    /** Error: breaks Docker Hub's username rules (4–30 lowercase letters and digits), or is an email address. */
    public static final String DOCKER_USER_INVALID = "DOCKER_USER_INVALID";

    // ---- dockerPat -----------------------------------------------------------------------------------------------
    /** Error: no Docker Hub personal access token. */
    public static final String DOCKER_PAT_REQUIRED = "DOCKER_PAT_REQUIRED";
    /**
     * Warning: does not start with {@code dckr_pat_} (or {@code dckr_oat_} for organisation tokens). For the CLI's
     * training token the commands say so instead: a note on the simulator, a warning for Azure and in a manifest.
     */
    public static final String DOCKER_PAT_NOT_PAT = "DOCKER_PAT_NOT_PAT";
    /** Error: contains inner whitespace, as a pass phrase would; tokens never do. */
    public static final String DOCKER_PAT_LOOKS_LIKE_PASSWORD = "DOCKER_PAT_LOOKS_LIKE_PASSWORD";
    /** Error: the token field holds the username. */
    public static final String DOCKER_PAT_IS_USERNAME = "DOCKER_PAT_IS_USERNAME";

    // ---- gatewayConfig (keeper.GatewayConfig.decode) -------------------------------------------------------------
    /** Error: no gateway config. */
    public static final String GATEWAY_CONFIG_REQUIRED = "GATEWAY_CONFIG_REQUIRED";
    /** Error: a one-time access token ({@code US:…}) instead of the base64 config. */
    public static final String GATEWAY_CONFIG_ONE_TIME_TOKEN = "GATEWAY_CONFIG_ONE_TIME_TOKEN";
    /** Error: url-safe base64 ({@code -} and {@code _}); the Python SDK in the gateway rejects it. */
    public static final String GATEWAY_CONFIG_URL_SAFE = "GATEWAY_CONFIG_URL_SAFE";
    /** Error: cut short (length not a multiple of 4, missing padding, or the JSON ends early). */
    public static final String GATEWAY_CONFIG_TRUNCATED = "GATEWAY_CONFIG_TRUNCATED";
    /** Warning: the JSON form was pasted; the wizard deploys its base64 encoding. */
    public static final String GATEWAY_CONFIG_IS_JSON = "GATEWAY_CONFIG_IS_JSON";
    /** Error: base64 of the base64 config (encoded twice). */
    public static final String GATEWAY_CONFIG_DOUBLE_ENCODED = "GATEWAY_CONFIG_DOUBLE_ENCODED";
    /** Error: characters that base64 never uses. */
    public static final String GATEWAY_CONFIG_NOT_BASE64 = "GATEWAY_CONFIG_NOT_BASE64";
    /** Error: decodes, but not to a UTF-8 JSON object. */
    public static final String GATEWAY_CONFIG_NOT_JSON = "GATEWAY_CONFIG_NOT_JSON";
    /** Error: a required key is missing or empty; the message names the key. */
    public static final String GATEWAY_CONFIG_MISSING_KEY = "GATEWAY_CONFIG_MISSING_KEY";
    /** Error: a key holds the wrong JSON type (not a string). */
    public static final String GATEWAY_CONFIG_VALUE_NOT_STRING = "GATEWAY_CONFIG_VALUE_NOT_STRING";
    /** Error: {@code clientId}, {@code privateKey} or {@code appKey} is not strict standard base64. */
    public static final String GATEWAY_CONFIG_VALUE_NOT_BASE64 = "GATEWAY_CONFIG_VALUE_NOT_BASE64";
    /** Error: {@code clientId} does not decode to 64 bytes. */
    public static final String GATEWAY_CONFIG_CLIENT_ID_SIZE = "GATEWAY_CONFIG_CLIENT_ID_SIZE";
    /** Error: {@code appKey} does not decode to 32 bytes (an AES-256 key). */
    public static final String GATEWAY_CONFIG_APP_KEY_SIZE = "GATEWAY_CONFIG_APP_KEY_SIZE";
    /** Warning: {@code privateKey} is not the usual 138-byte PKCS#8 EC P-256 key. */
    public static final String GATEWAY_CONFIG_PRIVATE_KEY_UNUSUAL = "GATEWAY_CONFIG_PRIVATE_KEY_UNUSUAL";
    /** Error: {@code serverPublicKeyId} is not all digits. */
    public static final String GATEWAY_CONFIG_SERVER_KEY_ID_INVALID = "GATEWAY_CONFIG_SERVER_KEY_ID_INVALID";
    /** Warning: optional {@code appOwnerPublicKey} is present but not a 65-byte base64 EC point. */
    public static final String GATEWAY_CONFIG_OWNER_KEY_INVALID = "GATEWAY_CONFIG_OWNER_KEY_INVALID";
    /** Error: {@code clientKey} present: the one-time token was never redeemed, the device never bound. */
    public static final String GATEWAY_CONFIG_NOT_BOUND = "GATEWAY_CONFIG_NOT_BOUND";
    /** Warning: a key the KSM SDKs do not know (the Java SDK throws on unknown keys). */
    public static final String GATEWAY_CONFIG_UNKNOWN_KEY = "GATEWAY_CONFIG_UNKNOWN_KEY";
    /** Warning: {@code hostname} is not one of Keeper's public regions (a custom host is allowed). */
    public static final String GATEWAY_CONFIG_UNKNOWN_REGION = "GATEWAY_CONFIG_UNKNOWN_REGION";
    /** Info: the pasted text was wrapped over several lines and has been joined. */
    public static final String GATEWAY_CONFIG_UNWRAPPED = "GATEWAY_CONFIG_UNWRAPPED";
    /** Info: terminal colour codes, separator lines, quotes or a {@code GATEWAY_CONFIG=} prefix were removed. */
    public static final String GATEWAY_CONFIG_CLEANED = "GATEWAY_CONFIG_CLEANED";

    // ---- image ---------------------------------------------------------------------------------------------------
    /** Error: not a valid Docker image reference. */
    public static final String IMAGE_INVALID = "IMAGE_INVALID";
    /** Info: {@code :latest} or no tag; pinning a version makes restarts predictable. */
    public static final String IMAGE_LATEST_TAG = "IMAGE_LATEST_TAG";

    // ---- cpu / memoryGb ------------------------------------------------------------------------------------------
    /** Error: CPU outside 0.1 to the region's maximum (4 for standard Linux). */
    public static final String CPU_OUT_OF_RANGE = "CPU_OUT_OF_RANGE";
    /** Error: CPU not a multiple of 0.1. */
    public static final String CPU_STEP = "CPU_STEP";
    /** Error: memory outside 0.1 GB to the region's maximum (16 GB for standard Linux). */
    public static final String MEMORY_OUT_OF_RANGE = "MEMORY_OUT_OF_RANGE";
    /** Error: memory not a multiple of 0.1 GB. */
    public static final String MEMORY_STEP = "MEMORY_STEP";
    /** Warning: below Keeper's sandbox sizing (2 CPU / 8 GB). */
    public static final String BELOW_SANDBOX_SIZING = "BELOW_SANDBOX_SIZING";
    /** Info: below Keeper's production sizing (4 CPU / 16 GB). */
    public static final String BELOW_PRODUCTION_SIZING = "BELOW_PRODUCTION_SIZING";

    // ---- instances -----------------------------------------------------------------------------------------------
    /** Error: instance count outside 1..{@value GatewaySpec#MAX_INSTANCES}. */
    public static final String INSTANCES_OUT_OF_RANGE = "INSTANCES_OUT_OF_RANGE";

    // ---- tags ----------------------------------------------------------------------------------------------------
    /** Error: breaks Azure's tag rules (≤ 50 tags, name ≤ 512 without {@code <>%&\?/}, value ≤ 256, reserved prefixes). */
    public static final String TAG_INVALID = "TAG_INVALID";
    /** Warning: the tag name is one Gateway Wizard sets itself ({@code managed-by}); the given value is not used. */
    public static final String TAG_RESERVED = "TAG_RESERVED";
    /** Warning: the same tag name was given more than once ({@code --tag a=1 --tag a=2}); only the last value is kept. */
    public static final String TAG_REPEATED = "TAG_REPEATED";

    // ---- preflight (azure.Preflight: checks against the live environment, before anything is written) ------------
    /** Error: the subscription is not visible to the signed-in account. */
    public static final String SUBSCRIPTION_NOT_FOUND = "SUBSCRIPTION_NOT_FOUND";
    /** Error: Microsoft.ContainerInstance is not registered in the subscription; the fix offers to register it. */
    public static final String PROVIDER_NOT_REGISTERED = "PROVIDER_NOT_REGISTERED";
    /** Warning: Microsoft.ContainerInstance is being registered; deploy when it is done. */
    public static final String PROVIDER_REGISTERING = "PROVIDER_REGISTERING";
    /** Error: the resource group does not exist (create it on the first step). */
    public static final String RESOURCE_GROUP_NOT_FOUND = "RESOURCE_GROUP_NOT_FOUND";
    /** Error: the region does not offer Container Instances to this subscription. */
    public static final String REGION_NOT_OFFERED = "REGION_NOT_OFFERED";
    /** Error: the subnet (or its VNet) does not exist. */
    public static final String SUBNET_NOT_FOUND = "SUBNET_NOT_FOUND";
    /** Error: the subnet's VNet is in another region than the gateway. */
    public static final String SUBNET_OTHER_REGION = "SUBNET_OTHER_REGION";
    /** Error: the subnet is not delegated to Microsoft.ContainerInstance/containerGroups; the fix offers to add it. */
    public static final String SUBNET_NOT_DELEGATED = "SUBNET_NOT_DELEGATED";
    /** Error: the subnet is delegated to another service. */
    public static final String SUBNET_DELEGATED_ELSEWHERE = "SUBNET_DELEGATED_ELSEWHERE";
    /** Error: other resources (NICs, private endpoints, other services) use the subnet. */
    public static final String SUBNET_IN_USE = "SUBNET_IN_USE";
    /** Info: a gateway of ours with that name exists; deploying updates it in place. */
    public static final String NAME_TAKEN_UPDATE = "NAME_TAKEN_UPDATE";
    /** Error: a gateway of ours with that name exists with another CPU/memory, which needs delete and re-create. */
    public static final String NAME_TAKEN_RECREATE = "NAME_TAKEN_RECREATE";
    /** Error: a container group that is not ours has that name. */
    public static final String NAME_TAKEN_NOT_OURS = "NAME_TAKEN_NOT_OURS";
    /** Warning: the group of that name is still being created, started or updated. */
    public static final String NAME_TAKEN_TRANSITIONING = "NAME_TAKEN_TRANSITIONING";
    /** Error: not enough StandardCores quota left in the region for the new instances. */
    public static final String CORE_QUOTA_EXCEEDED = "CORE_QUOTA_EXCEEDED";
    /** Error: the subnet's NSG denies outbound TCP 443 the gateway needs to reach Keeper. */
    public static final String NSG_BLOCKS_KEEPER = "NSG_BLOCKS_KEEPER";
    /** Warning: the subnet's NSG denies Keeper's relay ports (3478, 49152–65535); sessions fall back to TCP or fail. */
    public static final String NSG_BLOCKS_RELAY = "NSG_BLOCKS_RELAY";
    /**
     * Info: the chosen subnet has a network security group; its outbound rules are checked against the config's Keeper
     * region before deploy (the wizard's Network step; preflight reports what they block).
     */
    public static final String SUBNET_HAS_NSG = "SUBNET_HAS_NSG";
    /** Error: Azure (or the simulator) cannot be reached at all, so nothing can be checked or deployed. */
    public static final String AZURE_UNREACHABLE = "AZURE_UNREACHABLE";
    /** Warning: a check could not be made (Azure error); the message says which and why. */
    public static final String PREFLIGHT_CHECK_FAILED = "PREFLIGHT_CHECK_FAILED";

    /** Every code above, sorted alphabetically (for docs, the CLI and coverage tests). */
    public static List<String> all() {
        List<String> codes = new ArrayList<>();
        for (Field f : ProblemCodes.class.getDeclaredFields()) {
            int m = f.getModifiers();
            if (Modifier.isStatic(m) && Modifier.isFinal(m) && f.getType() == String.class) {
                try {
                    codes.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        codes.sort(null);
        return List.copyOf(codes);
    }

    /** The codes of {@code azure.Preflight}'s live checks (they come after the input rules). */
    public static List<String> preflightCodes() {
        return List.of(AZURE_UNREACHABLE, CORE_QUOTA_EXCEEDED, NAME_TAKEN_NOT_OURS, NAME_TAKEN_RECREATE, NAME_TAKEN_TRANSITIONING, NAME_TAKEN_UPDATE,
                NSG_BLOCKS_KEEPER, NSG_BLOCKS_RELAY, PREFLIGHT_CHECK_FAILED, PROVIDER_NOT_REGISTERED, PROVIDER_REGISTERING,
                REGION_NOT_OFFERED, RESOURCE_GROUP_NOT_FOUND, SUBNET_DELEGATED_ELSEWHERE, SUBNET_IN_USE, SUBNET_NOT_DELEGATED,
                SUBNET_NOT_FOUND, SUBNET_OTHER_REGION, SUBSCRIPTION_NOT_FOUND);
    }

    /** Codes of the wizard's own steps (from what it lists in Azure), not of the input rules or preflight. */
    public static List<String> wizardCodes() {
        return List.of(SUBNET_HAS_NSG);
    }

    /** Codes found in how the input was given (repeated flags), not in a {@link GatewaySpec}. */
    public static List<String> inputFormCodes() {
        return List.of(TAG_REPEATED);
    }

    /** The codes of the gateway config decoder (those starting with {@code GATEWAY_CONFIG_}). */
    public static List<String> gatewayConfigCodes() {
        return all().stream().filter(c -> c.startsWith("GATEWAY_CONFIG_")).toList();
    }
}
