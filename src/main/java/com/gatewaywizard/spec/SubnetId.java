package com.gatewaywizard.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A subnet's ARM resource id,
 * {@code /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>}.
 * {@link #toString()} gives that canonical form (segment keywords in ARM's spelling, subscription in lower case).
 * Parsing ignores the case of the keywords ({@code resourcegroups}, {@code microsoft.network}…) as ARM does.
 */
public record SubnetId(String subscriptionId, String resourceGroup, String vnet, String subnet) {

    private static final String TEMPLATE_TAIL = "/providers/Microsoft.Network/virtualNetworks/";

    /**
     * The outcome of {@link #check(String)}.
     *
     * @param id      what the text was understood as; present when {@link #ok()}, and also when the only fault is
     *                the form (spaces, slashes, a portal link), in which case {@code fix} gives the canonical id
     * @param code    {@code null} when the id is fine, else one of the {@code SUBNET_ID_*} codes of {@link ProblemCodes}
     * @param message what is wrong, in plain words (empty when fine)
     * @param fix     what to do (empty when fine)
     */
    public record Parsed(Optional<SubnetId> id, String code, String message, String fix) {
        public boolean ok() {
            return code == null;
        }

        static Parsed good(SubnetId id) {
            return new Parsed(Optional.of(id), null, "", "");
        }

        static Parsed bad(String code, String message, String fix) {
            return new Parsed(Optional.empty(), code, message, fix);
        }
    }

    public SubnetId {
        if (!ArmNames.isGuid(subscriptionId)) {
            throw new IllegalArgumentException("subscription id must be a GUID");
        }
        if (!ArmNames.isResourceGroupName(resourceGroup)) {
            throw new IllegalArgumentException("invalid resource group name");
        }
        if (!ArmNames.isVnetName(vnet)) {
            throw new IllegalArgumentException("invalid virtual network name");
        }
        if (!ArmNames.isSubnetName(subnet)) {
            throw new IllegalArgumentException("invalid subnet name");
        }
        subscriptionId = subscriptionId.toLowerCase(Locale.ROOT);
    }

    /** The id, or empty when {@link #check(String)} finds anything wrong. */
    public static Optional<SubnetId> parse(String text) {
        Parsed p = check(text);
        return p.ok() ? p.id() : Optional.empty();
    }

    /**
     * The subscription a subnet id names, read from the id with surrounding whitespace (spaces, a trailing
     * {@code \r} from a Windows file) removed; every place that derives the subscription from a subnet id uses
     * this, so a stray space is reported once as a subnet id fault, not as a missing subscription. The same for an id
     * of something else under a subscription (a VNet's instead of its subnet's): its subscription is returned.
     */
    public static Optional<String> subscriptionOf(String subnetIdText) {
        String t = subnetIdText == null ? "" : subnetIdText.strip();
        Optional<String> sub = parse(t).map(SubnetId::subscriptionId);
        if (sub.isEmpty()) {
            // not a subnet's id, but still one under a subscription (a VNet's, say): its subscription is still known,
            // and the id's own problem is what to report
            java.util.regex.Matcher m = ANY_RESOURCE.matcher(t);
            if (m.lookingAt() && ArmNames.isGuid(m.group(1))) {
                sub = Optional.of(m.group(1));
            }
        }
        return sub;
    }

    private static final java.util.regex.Pattern ANY_RESOURCE = java.util.regex.Pattern.compile("(?i)/subscriptions/([^/]+)/");

    /** The id of the virtual network that holds this subnet. */
    public String vnetId() {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup + TEMPLATE_TAIL + vnet;
    }

    /** Same subnet, comparing names without case as ARM does. */
    public boolean sameAs(SubnetId other) {
        return other != null && toString().equalsIgnoreCase(other.toString());
    }

    @Override
    public String toString() {
        return vnetId() + "/subnets/" + subnet;
    }

    private static String example(String subnetName) {
        return "/subscriptions/<subscription-id>/resourceGroups/<resource-group>" + TEMPLATE_TAIL + "<vnet>/subnets/"
                + (subnetName == null ? "<subnet>" : subnetName);
    }

    private static final String WHERE_TO_FIND = "Pick the subnet in the Network step, or copy its Resource ID "
            + "(portal: Virtual network \u2192 Subnets \u2192 the subnet \u2192 Subnet ID; CLI: az network vnet subnet show "
            + "-g <resource-group> --vnet-name <vnet> -n <subnet> --query id -o tsv).";

    /** Parses {@code text} and says precisely what is wrong with it. Never throws. */
    public static Parsed check(String text) {
        if (text == null || text.isBlank()) {
            return Parsed.bad(ProblemCodes.SUBNET_ID_REQUIRED, "Subnet ID is empty: the gateway gets a private IP in a subnet you choose.",
                    WHERE_TO_FIND);
        }
        String t = text.strip();
        boolean formFault = !t.equals(text);
        String formNote = formFault ? "it has spaces or line breaks around it" : "";

        int linkAt = t.toLowerCase(Locale.ROOT).indexOf("/subscriptions/");
        boolean portalLink = t.matches("(?i)https?://.*") && linkAt > 0;
        if (portalLink) {
            // A portal link: keep the resource path, drop the host and any view suffix such as /overview.
            t = t.substring(linkAt);
            formFault = true;
            formNote = "it is a portal link, not a resource id";
        }
        if (t.indexOf('/') < 0) {
            String name = ArmNames.isSubnetName(t) ? t : null;
            return Parsed.bad(ProblemCodes.SUBNET_ID_NOT_ARM_ID,
                    "Subnet ID '" + shorten(t) + "' is a bare name, not a full resource id (" + example(null) + ").",
                    WHERE_TO_FIND + (name == null ? "" : " It looks like " + example(name)));
        }
        if (!t.startsWith("/")) {
            formFault = true;
            formNote = "it does not start with '/'";
        }
        String body = t.startsWith("/") ? t.substring(1) : t;
        if (body.endsWith("/")) {
            formFault = true;
            formNote = "it ends with '/'";
            while (body.endsWith("/")) {
                body = body.substring(0, body.length() - 1);
            }
        }
        if (body.contains("//")) {
            formFault = true;
            formNote = "it has an empty part ('//')";
        }
        List<String> s = new ArrayList<>(Arrays.stream(body.split("/")).filter(p -> !p.isEmpty()).toList());
        if (portalLink && s.size() > 8 && (s.size() - 6) % 2 != 0) {
            s.remove(s.size() - 1); // the portal's view name, e.g. /overview
        }
        if (s.isEmpty() || !s.get(0).equalsIgnoreCase("subscriptions")) {
            return Parsed.bad(ProblemCodes.SUBNET_ID_INVALID,
                    "Subnet ID does not start with /subscriptions/; a subnet id looks like " + example(null) + ".", WHERE_TO_FIND);
        }
        if (s.size() < 2 || !ArmNames.isGuid(s.get(1))) {
            return Parsed.bad(ProblemCodes.SUBNET_ID_INVALID,
                    "Subnet ID's subscription part is not a subscription id (a GUID such as " + ArmNames.GUID_EXAMPLE + ").",
                    WHERE_TO_FIND);
        }
        if (s.size() == 2) {
            return Parsed.bad(ProblemCodes.SUBNET_ID_WRONG_TYPE, "Subnet ID is the id of a subscription, not of a subnet.", WHERE_TO_FIND);
        }
        if (!s.get(2).equalsIgnoreCase("resourceGroups") || s.size() < 4) {
            return Parsed.bad(ProblemCodes.SUBNET_ID_INVALID,
                    "Subnet ID has no /resourceGroups/<name> part after the subscription; a subnet id looks like " + example(null) + ".",
                    WHERE_TO_FIND);
        }
        String rg = s.get(3);
        if (!ArmNames.isResourceGroupName(rg)) {
            return Parsed.bad(ProblemCodes.SUBNET_ID_INVALID,
                    "Subnet ID's resource group '" + shorten(rg) + "' is not a valid resource group name.", WHERE_TO_FIND);
        }
        if (s.size() == 4) {
            return Parsed.bad(ProblemCodes.SUBNET_ID_WRONG_TYPE,
                    "Subnet ID is the id of resource group '" + rg + "', not of a subnet.", WHERE_TO_FIND);
        }
        if (!s.get(4).equalsIgnoreCase("providers") || s.size() < 8 || (s.size() - 6) % 2 != 0) {
            return Parsed.bad(ProblemCodes.SUBNET_ID_INVALID,
                    "Subnet ID is incomplete or has extra parts after the resource group; a subnet id looks like " + example(null) + ".",
                    WHERE_TO_FIND);
        }
        String ns = s.get(5);
        List<String> types = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 6; i < s.size(); i += 2) {
            types.add(s.get(i));
            names.add(s.get(i + 1));
        }
        String resourceType = ns + "/" + String.join("/", types);
        if (!ns.equalsIgnoreCase("Microsoft.Network") || !types.get(0).equalsIgnoreCase("virtualNetworks")) {
            return Parsed.bad(ProblemCodes.SUBNET_ID_WRONG_TYPE,
                    "Subnet ID is the id of a " + shorten(resourceType) + " resource, not of a subnet (Microsoft.Network/virtualNetworks/subnets).",
                    WHERE_TO_FIND);
        }
        String vnet = names.get(0);
        if (!ArmNames.isVnetName(vnet)) {
            return Parsed.bad(ProblemCodes.SUBNET_ID_INVALID,
                    "Subnet ID's virtual network name '" + shorten(vnet) + "' is not a valid name.", WHERE_TO_FIND);
        }
        String vnetId = "/subscriptions/" + s.get(1).toLowerCase(Locale.ROOT) + "/resourceGroups/" + rg + TEMPLATE_TAIL + vnet;
        if (types.size() == 1) {
            return Parsed.bad(ProblemCodes.SUBNET_ID_IS_VNET,
                    "Subnet ID: this is a virtual network id; choose one of its subnets: " + vnetId + "/subnets/<name>.",
                    "Pick a subnet of '" + vnet + "' delegated to Microsoft.ContainerInstance/containerGroups, or list them with "
                            + "az network vnet subnet list -g " + rg + " --vnet-name " + vnet + " --query [].id -o tsv.");
        }
        if (!types.get(1).equalsIgnoreCase("subnets")) {
            return Parsed.bad(ProblemCodes.SUBNET_ID_WRONG_TYPE,
                    "Subnet ID is the id of a " + shorten(resourceType) + " resource of virtual network '" + vnet + "', not of a subnet.",
                    "Choose one of its subnets: " + vnetId + "/subnets/<name>.");
        }
        String subnet = names.get(1);
        if (!ArmNames.isSubnetName(subnet)) {
            return Parsed.bad(ProblemCodes.SUBNET_ID_INVALID,
                    "Subnet ID's subnet name '" + shorten(subnet) + "' is not a valid name.", WHERE_TO_FIND);
        }
        SubnetId id = new SubnetId(s.get(1), rg, vnet, subnet);
        if (types.size() > 2) {
            return new Parsed(Optional.of(id), ProblemCodes.SUBNET_ID_INVALID,
                    "Subnet ID points inside the subnet (" + shorten(resourceType) + "), not at the subnet itself.",
                    "Use the subnet's own id: " + id);
        }
        if (formFault) {
            return new Parsed(Optional.of(id), ProblemCodes.SUBNET_ID_INVALID, "Subnet ID is not in ARM's form: " + formNote + ".",
                    "Use " + id);
        }
        return Parsed.good(id);
    }

    /** User text quoted in a message, cut so a huge paste cannot flood it. */
    private static String shorten(String s) {
        String clean = s.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 80 ? clean : clean.substring(0, 77) + "...";
    }
}
