package com.gatewaywizard.azure;

import com.gatewaywizard.spec.GatewaySpec;
import com.gatewaywizard.spec.Problem;
import java.util.List;

/**
 * Every check that can be made before anything is written to Azure (DESIGN.md §4): the spec's own rules, provider
 * registration, subnet (exists, same subscription and region, delegated, not used by others), name already taken
 * (in-place update allowed, needs delete + re-create, or a group that is not ours), region CPU/memory limits, core
 * quota, NSG rules that block the Keeper region's outbound endpoints. Read-only: it never changes anything.
 */
public interface Preflight {
    /**
     * The field of a problem about the cloud's endpoint itself rather than an input (Azure, or the simulator, cannot
     * be reached): {@code --cloud} on the command line, the cloud chosen at sign-in in the app.
     */
    String CLOUD_FIELD = "cloud";

    List<Problem> run(GatewaySpec spec);
}
