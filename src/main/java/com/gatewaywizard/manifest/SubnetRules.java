package com.gatewaywizard.manifest;

import com.gatewaywizard.spec.ArmNames;
import com.gatewaywizard.spec.Problem;
import com.gatewaywizard.spec.ProblemCodes;
import com.gatewaywizard.spec.SubnetId;
import java.util.Optional;

/** {@link SubnetId}'s rules for a {@code subnetIds[].id} found in a manifest, template placeholders allowed. */
final class SubnetRules {
    private SubnetRules() {
    }

    /**
     * The problem with {@code id}, or empty. An id with placeholders ({@code /subscriptions/<SUBSCRIPTION_ID>/…}) is
     * checked for its shape only: placeholders stand for valid values, so a template that ends at the virtual
     * network is still reported as {@code SUBNET_ID_IS_VNET} (case 12), while the placeholders themselves are left to
     * the placeholder warning.
     */
    static Optional<Problem> check(String field, String id) {
        if (!Placeholders.contains(id)) {
            SubnetId.Parsed p = SubnetId.check(id);
            return p.ok() ? Optional.empty() : Optional.of(Problem.error(p.code(), field, p.message(), p.fix()));
        }
        String shape = id.replaceAll("(?i)(/subscriptions/)<[^>]*>", "$1" + ArmNames.GUID_EXAMPLE);
        shape = Placeholders.replace(shape, "name0");
        SubnetId.Parsed p = SubnetId.check(shape);
        if (p.ok()) {
            return Optional.empty();
        }
        String example = "/subscriptions/<subscription-id>/resourceGroups/<resource-group>/providers/Microsoft.Network/"
                + "virtualNetworks/<vnet>/subnets/<subnet>";
        if (ProblemCodes.SUBNET_ID_IS_VNET.equals(p.code())) {
            return Optional.of(Problem.error(p.code(), field, "the subnet id ends at the virtual network"
                    + " (…/virtualNetworks/<vnet>); it must name one of its subnets (Azure answers with an internal server error)",
                    "add /subnets/<subnet> for a subnet delegated to Microsoft.ContainerInstance/containerGroups: " + example));
        }
        return Optional.of(Problem.error(p.code(), field, "the subnet id is not a subnet resource id", "use " + example));
    }
}
