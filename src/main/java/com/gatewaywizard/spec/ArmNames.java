package com.gatewaywizard.spec;

import java.util.regex.Pattern;

/** Azure Resource Manager naming rules the wizard checks offline. */
public final class ArmNames {
    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** Resource group: Unicode letters and digits, {@code _ - . ( )}; 1–90 characters; not ending with a period. */
    private static final Pattern RESOURCE_GROUP = Pattern.compile("[\\p{L}\\p{Nd}_.()\\-]{1,90}");
    /** Virtual network: 2–64; letters, digits, {@code _ . -}; starts alphanumeric, ends alphanumeric or {@code _}. */
    private static final Pattern VNET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,62}[A-Za-z0-9_]");
    /** Subnet: 1–80; letters, digits, {@code _ . -}; starts alphanumeric, ends alphanumeric or {@code _}. */
    private static final Pattern SUBNET = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9_.\\-]{0,78}[A-Za-z0-9_])?");

    /** A sample GUID for messages, all zeros. */
    public static final String GUID_EXAMPLE = "00000000-0000-0000-0000-000000000000";

    private ArmNames() {
    }

    /** A GUID in the 8-4-4-4-12 form ARM uses, without braces. */
    public static boolean isGuid(String s) {
        return s != null && GUID.matcher(s).matches();
    }

    public static boolean isResourceGroupName(String s) {
        return s != null && RESOURCE_GROUP.matcher(s).matches() && !s.endsWith(".");
    }

    public static boolean isVnetName(String s) {
        return s != null && VNET.matcher(s).matches();
    }

    public static boolean isSubnetName(String s) {
        return s != null && SUBNET.matcher(s).matches();
    }
}
