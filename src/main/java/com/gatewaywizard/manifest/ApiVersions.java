package com.gatewaywizard.manifest;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Microsoft.ContainerInstance api-versions: their form, and the first version that knows each feature a
 * manifest may use. Sources (azure-rest-api-specs, {@code specification/containerinstance/.../containerInstance.json}
 * of each version, read for this table): {@code secureValue}, liveness/readiness probes and {@code diagnostics}
 * are absent from 2018-04-01 and present in 2018-06-01 (matching the service error of case 01, "secure environment
 * variable is not supported before version '2018-06-01'"); {@code ipAddress.type: Private} and
 * {@code networkProfile} first appear in 2018-09-01; {@code subnetIds} and {@code zones} replace
 * {@code networkProfile} in 2021-09-01 (2021-07-01 still has {@code networkProfile}); {@code sku},
 * {@code initContainers} and {@code encryptionProperties} arrive with 2019-12-01 (ACI init-container docs;
 * azure-mgmt-containerinstance 2.0.0 release notes); {@code priority} and {@code confidentialComputeProperties}
 * are in 2023-05-01 (learn.microsoft.com change log); {@code configMap}, {@code containerGroupProfile} and
 * {@code standbyPoolProfile} are in the 2024-05-01-preview swagger ({@code fixtures/arm-examples}).
 *
 * <p>Versions compare by their date; a {@code -preview} suffix is ignored for the comparison.
 */
public final class ApiVersions {
    /** {@code YYYY-MM-DD} with an optional {@code -preview} (or other) suffix. */
    private static final Pattern FORM = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})(-[a-z]+)?$");

    /** One feature and the first api-version that has it. */
    public record Feature(String name, String since) {
    }

    public static final Feature SECURE_VALUE = new Feature("secureValue (secure environment variables)", "2018-06-01");
    public static final Feature PROBES = new Feature("liveness/readiness probes", "2018-06-01");
    public static final Feature DIAGNOSTICS = new Feature("diagnostics (Log Analytics)", "2018-06-01");
    public static final Feature PRIVATE_IP = new Feature("a Private IP address", "2018-09-01");
    public static final Feature NETWORK_PROFILE = new Feature("networkProfile", "2018-09-01");
    public static final Feature SKU = new Feature("sku", "2019-12-01");
    public static final Feature INIT_CONTAINERS = new Feature("initContainers", "2019-12-01");
    public static final Feature ENCRYPTION = new Feature("encryptionProperties", "2019-12-01");
    public static final Feature SUBNET_IDS = new Feature("subnetIds", "2021-09-01");
    public static final Feature ZONES = new Feature("zones", "2021-09-01");
    public static final Feature PRIORITY = new Feature("priority", "2023-05-01");
    public static final Feature CONFIDENTIAL = new Feature("confidentialComputeProperties", "2023-05-01");
    public static final Feature CONFIG_MAP = new Feature("configMap", "2024-05-01");
    public static final Feature CONTAINER_GROUP_PROFILE = new Feature("containerGroupProfile", "2024-05-01");
    public static final Feature STANDBY_POOL = new Feature("standbyPoolProfile", "2024-05-01");

    public static final List<Feature> ALL = List.of(SECURE_VALUE, PROBES, DIAGNOSTICS, PRIVATE_IP, NETWORK_PROFILE, SKU,
            INIT_CONTAINERS, ENCRYPTION, SUBNET_IDS, ZONES, PRIORITY, CONFIDENTIAL, CONFIG_MAP, CONTAINER_GROUP_PROFILE,
            STANDBY_POOL);

    private ApiVersions() {
    }

    /** The date part of a well-formed api-version, else empty. */
    public static Optional<String> date(String apiVersion) {
        if (apiVersion == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(apiVersion);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** True when {@code apiVersion} (well-formed) is older than {@code since} (a date). */
    public static boolean olderThan(String apiVersion, String since) {
        return date(apiVersion).map(d -> d.compareTo(since) < 0).orElse(false);
    }
}
