package com.gatewaywizard.azure;

import com.gatewaywizard.spec.GatewaySpec;

/**
 * Creates (or updates in place) every instance of {@code spec}, sending for each the same ARM JSON the YAML preview
 * shows ({@code ArmBody}), polling with a short interval, reporting steps and container events to the listener, until
 * every instance is Running or has failed with an explanation. Instances deploy in parallel. Cancel by interrupting
 * the calling thread: the result then has CANCELLED instances and nothing more is sent. Deploying the same spec again
 * resumes: existing groups are read, not duplicated.
 */
public interface Deployer {
    DeployResult deploy(GatewaySpec spec, DeployListener listener);

    /** Deploys only instance {@code k} (1-based) of the spec: redeploy or add one instance to a pool. */
    DeployResult deployInstance(GatewaySpec spec, int k, DeployListener listener);
}
