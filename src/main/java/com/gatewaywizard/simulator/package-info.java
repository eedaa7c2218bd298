/**
 * The built-in Azure simulator: a local stand-in for Azure Resource Manager that the real Azure SDK (and the Azure
 * CLI, pointed at it as a registered cloud) use unchanged.
 *
 * <h2>Pieces</h2>
 * <ul>
 *   <li>{@link com.gatewaywizard.simulator.ArmSimulator}: the JDK HTTP(S) server on 127.0.0.1, routing (fixed path
 *       segments case-insensitive, repeated slashes folded), auth, api-version check, request-id headers, faults,
 *       identity endpoints and the {@code /_simulator} admin endpoints.</li>
 *   <li>{@link com.gatewaywizard.simulator.SimulatedCloud}: the world and the clock. Time-dependent state is derived
 *       from stored timestamps on each read ({@code GroupEngine}), so it is deterministic for a given clock.</li>
 *   <li>{@link com.gatewaywizard.simulator.SeedWorld}: the seeded tenant, subscriptions, network and regions.</li>
 *   <li>{@code ContainerGroupRules}: ACI's PUT rules; {@code GatewayLogScript} and {@code ShellScript}: what containers
 *       print; {@code ConsoleServer}: the exec/attach websocket; {@code TlsMaterial}: the generated certificates.</li>
 * </ul>
 *
 * <h2>Error codes</h2>
 * Real Azure codes and message shapes where they are known (ARM: {@code AuthenticationFailed},
 * {@code MissingApiVersionParameter}, {@code InvalidApiVersionParameter}, {@code NotFound}, {@code ResourceNotFound},
 * {@code ResourceGroupNotFound}, {@code SubscriptionNotFound}, {@code MissingSubscriptionRegistration},
 * {@code LocationRequired}, {@code LocationNotAvailableForResourceType}, {@code InvalidRequestContent},
 * {@code LinkedInvalidPropertyId}, {@code InvalidResourceReference}, {@code InvalidResourceGroupLocation},
 * {@code SubscriptionRequestsThrottled}; ACI: {@code InvalidContainerName}, {@code ResourceSomeRequestsNotSpecified},
 * {@code InvalidEnvironmentVariable}, {@code MissingIpAddressPorts}, {@code PrivateIPAddressNotSupported},
 * {@code SubnetMissingRequiredDelegation}, {@code InaccessibleImage}, {@code ServiceUnavailable} (409, a request above
 * the region's capabilities), {@code ContainerGroupQuotaReached}, {@code InvalidContainerGroupUpdate},
 * {@code ContainerGroupTransitioning}, {@code ContainerNotFound}, {@code RegistryErrorResponse} (async operation);
 * network: {@code SubnetDelegationsCannotChangeWhenSubnetUsedByResource}, {@code InUseSubnetCannotBeDeleted},
 * {@code InUseSubnetCannotBeUpdated}, {@code NetcfgSubnetRangeOutsideVnet}, {@code NetcfgSubnetRangesOverlap},
 * {@code InvalidCIDRNotation}). Where no public source shows Azure's code, the simulator chose one:
 * {@code InvalidContainerGroupName}, {@code InvalidVolume}, {@code InvalidVolumeMount}, {@code ContainerGroupStopped}
 * (restart of a stopped group; Azure's text "Container Group 'x' in resource group 'y' is stopped"),
 * {@code InvalidOsType}, {@code InvalidRestartPolicy}, {@code SubnetIsFull}. A VNet id given where a subnet id belongs
 * answers a 500 {@code InternalServerError}, as ACI did in azure-cli#26001.
 *
 * <h2>Deliberate choices</h2>
 * <ul>
 *   <li>CPU, memory and GPU changes are refused in place ({@code InvalidContainerGroupUpdate}), as Azure's own message
 *       says; image, environment, command and port changes are accepted (200) and re-provision the group.</li>
 *   <li>Anonymous Docker Hub pulls always fail with Docker Hub's 429 (the limit Azure's shared egress hits); pulls are
 *       retried with back-off while the group stays Pending, and provisioning fails with {@code RegistryErrorResponse}
 *       after the provisioning timeout (30 s at speed 1, ACI's 1800 s scaled).</li>
 *   <li>DELETE answers 200 with the group when deletion is immediate (as the recorded ACI answer), and 202 with an
 *       async operation while a VNet group's network is released.</li>
 *   <li>Secrets ({@code secureValue}, registry passwords, storage keys, secret volumes, workspace keys) are removed when a
 *       PUT is accepted; only the admin "last PUT" keeps the exact body, in memory, for tests.</li>
 * </ul>
 */
package com.gatewaywizard.simulator;
