package com.gatewaywizard.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Azure regions the wizard knows offline: every public-cloud physical region, US Government and
 * Azure China (21Vianet), each with the ARM name ({@code westeurope}) and the portal's display name
 * ({@code West Europe}). Logical/staging locations ({@code europe}, {@code eastusstg}, EUAP canaries) and retired
 * regions are left out.
 *
 * <p>This list is for validation as the user types. The live list from the signed-in subscription
 * ({@code az account list-locations}) is the authority when there is one; a region missing here is reported as
 * unknown, so keep this list current when Azure opens a region.
 */
public final class AzureRegions {

    /** The Azure cloud a region belongs to, with the cloud's name as {@code az cloud list} shows it. */
    public enum Cloud {
        PUBLIC("AzureCloud"), US_GOVERNMENT("AzureUSGovernment"), CHINA("AzureChinaCloud");

        private final String azName;

        Cloud(String azName) {
            this.azName = azName;
        }

        /** The name {@code az cloud set --name} takes. */
        public String azName() {
            return azName;
        }
    }

    /** One region: ARM name, display name, cloud. */
    public record Region(String name, String displayName, Cloud cloud) {
    }

    private static final Map<String, Region> BY_NAME = new LinkedHashMap<>();

    static {
        Object[][] publicRegions = {
            {"australiacentral", "Australia Central"}, {"australiacentral2", "Australia Central 2"},
            {"australiaeast", "Australia East"}, {"australiasoutheast", "Australia Southeast"},
            {"austriaeast", "Austria East"}, {"belgiumcentral", "Belgium Central"},
            {"brazilsouth", "Brazil South"}, {"brazilsoutheast", "Brazil Southeast"},
            {"canadacentral", "Canada Central"}, {"canadaeast", "Canada East"},
            {"centralindia", "Central India"}, {"centralus", "Central US"}, {"chilecentral", "Chile Central"},
            {"denmarkeast", "Denmark East"}, {"eastasia", "East Asia"}, {"eastus", "East US"}, {"eastus2", "East US 2"},
            {"francecentral", "France Central"}, {"francesouth", "France South"},
            {"germanynorth", "Germany North"}, {"germanywestcentral", "Germany West Central"},
            {"indonesiacentral", "Indonesia Central"}, {"israelcentral", "Israel Central"},
            {"italynorth", "Italy North"}, {"japaneast", "Japan East"}, {"japanwest", "Japan West"},
            {"jioindiacentral", "Jio India Central"}, {"jioindiawest", "Jio India West"},
            {"koreacentral", "Korea Central"}, {"koreasouth", "Korea South"},
            {"malaysiawest", "Malaysia West"}, {"mexicocentral", "Mexico Central"},
            {"newzealandnorth", "New Zealand North"}, {"northcentralus", "North Central US"},
            {"northeurope", "North Europe"}, {"norwayeast", "Norway East"}, {"norwaywest", "Norway West"},
            {"polandcentral", "Poland Central"}, {"qatarcentral", "Qatar Central"},
            {"southafricanorth", "South Africa North"}, {"southafricawest", "South Africa West"},
            {"southcentralus", "South Central US"}, {"southeastasia", "Southeast Asia"},
            {"southindia", "South India"}, {"spaincentral", "Spain Central"},
            {"swedencentral", "Sweden Central"}, {"swedensouth", "Sweden South"},
            {"switzerlandnorth", "Switzerland North"}, {"switzerlandwest", "Switzerland West"},
            {"uaecentral", "UAE Central"}, {"uaenorth", "UAE North"}, {"uksouth", "UK South"}, {"ukwest", "UK West"},
            {"westcentralus", "West Central US"}, {"westeurope", "West Europe"}, {"westindia", "West India"},
            {"westus", "West US"}, {"westus2", "West US 2"}, {"westus3", "West US 3"},
        };
        Object[][] govRegions = {
            {"usgovvirginia", "US Gov Virginia"}, {"usgovarizona", "US Gov Arizona"}, {"usgovtexas", "US Gov Texas"},
            {"usdodeast", "US DoD East"}, {"usdodcentral", "US DoD Central"},
        };
        Object[][] chinaRegions = {
            {"chinaeast", "China East"}, {"chinaeast2", "China East 2"}, {"chinaeast3", "China East 3"},
            {"chinanorth", "China North"}, {"chinanorth2", "China North 2"}, {"chinanorth3", "China North 3"},
        };
        add(publicRegions, Cloud.PUBLIC);
        add(govRegions, Cloud.US_GOVERNMENT);
        add(chinaRegions, Cloud.CHINA);
    }

    private static void add(Object[][] rows, Cloud cloud) {
        for (Object[] r : rows) {
            BY_NAME.put((String) r[0], new Region((String) r[0], (String) r[1], cloud));
        }
    }

    private AzureRegions() {
    }

    /** Every known region, public cloud first, then US Government, then China. */
    public static List<Region> all() {
        return List.copyOf(BY_NAME.values());
    }

    /** The regions of one cloud. */
    public static List<Region> of(Cloud cloud) {
        List<Region> list = new ArrayList<>();
        for (Region r : BY_NAME.values()) {
            if (r.cloud() == cloud) {
                list.add(r);
            }
        }
        return Collections.unmodifiableList(list);
    }

    /** Whether {@code name} is exactly a region's ARM name, ignoring case ({@code WestEurope} counts). */
    public static boolean isName(String name) {
        return name != null && BY_NAME.containsKey(name.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * The region the user meant: by ARM name (any case), by display name ({@code "West Europe"}, any case and
     * spacing), or by the display name with the spaces and hyphens removed ({@code "west-europe"}).
     */
    public static Optional<Region> find(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String key = squash(typed);
        return Optional.ofNullable(BY_NAME.get(key));
    }

    /** The ARM region name for a name or display name, e.g. {@code "West Europe"} → {@code "westeurope"}. */
    public static Optional<String> canonical(String typed) {
        return find(typed).map(Region::name);
    }

    /** The display name of a known region name, e.g. {@code westeurope} → {@code West Europe}. */
    public static Optional<String> displayName(String name) {
        return find(name).map(Region::displayName);
    }

    /** The known region whose ARM name is closest to {@code typed} (at most 2 edits away), for "did you mean". */
    public static Optional<Region> closest(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String key = squash(typed);
        Region best = null;
        int bestDistance = 3;
        for (Region r : BY_NAME.values()) {
            int d = distance(key, r.name(), bestDistance);
            if (d < bestDistance) {
                bestDistance = d;
                best = r;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Lower case with spaces, hyphens and underscores removed: how ARM names relate to display names. */
    private static String squash(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.strip().toLowerCase(Locale.ROOT).toCharArray()) {
            if (!Character.isWhitespace(c) && c != '-' && c != '_') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Levenshtein distance, giving up (returning {@code limit}) once it cannot be below {@code limit}. */
    private static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) >= limit) {
            return limit;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin >= limit) {
                return limit;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[b.length()], limit);
    }
}
