package com.gatewaywizard.cli;

import com.gatewaywizard.AppInfo;
import com.gatewaywizard.azure.AzureProblems;
import com.gatewaywizard.azure.Azure;
import com.gatewaywizard.azure.AzureServices;
import com.gatewaywizard.azure.CloudKind;
import com.gatewaywizard.azure.EndpointUnreachableException;
import com.gatewaywizard.azure.Explanation;
import com.gatewaywizard.azure.GatewayControl;
import com.gatewaywizard.azure.GatewayRef;
import com.gatewaywizard.azure.GatewayStatus;
import com.gatewaywizard.azure.SignInRequest;
import com.gatewaywizard.azure.SubscriptionInfo;
import com.gatewaywizard.simulator.ArmSimulator;
import com.gatewaywizard.simulator.SimulatorOptions;
import com.gatewaywizard.spec.Problem;
import com.gatewaywizard.state.KnownSubscriptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One signed-in CLI run: the Azure services, the in-process simulator when {@code --cloud simulator} has no URL, and
 * the look-ups the commands share (which subscription, which gateway a NAME means).
 */
final class AzureSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AzureSession.class);
    /** A subscription without Microsoft.ContainerInstance registered has no gateways: skipped when searching all. */
    private static final String NOT_REGISTERED = "MissingSubscriptionRegistration";
    /** ARM's code for a resource group that does not exist. */
    private static final String RESOURCE_GROUP_MISSING = "ResourceGroupNotFound";

    private final AzureOptions options;
    private final Console console;
    private final ArmSimulator simulator;
    private final AzureServices services;
    private List<SubscriptionInfo> subscriptions;
    /** Subscriptions seen by earlier commands; none for the in-process simulator (a new world each run). */
    private final KnownSubscriptions known;
    /** The subscription taken from {@link #known} rather than from a listing, if any. */
    private String fromKnown;

    private AzureSession(AzureOptions options, Console console, ArmSimulator simulator, AzureServices services) {
        this.options = options;
        this.console = console;
        this.simulator = simulator;
        this.services = services;
        this.known = simulator != null ? null : KnownSubscriptions.at(AppInfo.dataDir().resolve(KNOWN_FILE));
    }

    /** The file of {@link #known} in the data folder. */
    static final String KNOWN_FILE = "known-subscriptions.json";

    /** Starts the in-process simulator if asked, then signs in. */
    static AzureSession open(AzureOptions options, Console console) throws Exception {
        ArmSimulator sim = null;
        SignInRequest request = options.request();
        try {
            if (options.cloud() == CloudKind.SIMULATOR && options.simulatorUrl() == null) {
                sim = ArmSimulator.start(SimulatorOptions.defaults());
                LOG.info("in-process simulator started at {}", sim.baseUrl());
                console.err().println("note: started the built-in simulator at " + sim.baseUrl()
                        + " for this command only (its gateways vanish when it ends)");
                request = SignInRequest.simulator(sim.uri());
            }
            LOG.info("signing in to {} with {}", options.cloud(), request.method());
            AzureServices services = Azure.connect(request);
            LOG.info("signed in as {}", services.account());
            return new AzureSession(options, console, sim, services);
        } catch (Exception | Error e) {
            if (sim != null) {
                sim.close();
            }
            if (e instanceof RuntimeException && options.cloud() != CloudKind.SIMULATOR && !marked(e)
                    && AzureProblems.NETWORK.equals(AzureProblems.explain(e).code())) {
                // signing in talks to the cloud's sign-in endpoint, outside our pipeline: name that one
                throw new java.io.UncheckedIOException(new EndpointUnreachableException(options.endpoint(true), false, e));
            }
            throw e;
        }
    }

    /** Whether the failure already names the endpoint it could not reach. */
    private static boolean marked(Throwable e) {
        for (Throwable x = e; x != null; x = x.getCause() == x ? null : x.getCause()) {
            if (x instanceof EndpointUnreachableException) {
                return true;
            }
        }
        return false;
    }

    AzureServices services() {
        return services;
    }

    AzureOptions options() {
        return options;
    }

    /** Every subscription the account sees (read once, and kept in {@link #known} for later commands). */
    List<SubscriptionInfo> subscriptions() {
        if (subscriptions == null) {
            subscriptions = services.subscriptions();
            if (known != null) {
                known.remember(where(), services.account(), subscriptions.stream()
                        .map(s -> new KnownSubscriptions.Listed(s.id(), s.tenantId(), s.displayName())).toList());
            }
        }
        return subscriptions;
    }

    /** Which cloud: its name, and a simulator's URL (the account names who). */
    private String where() {
        return options.cloud() + (options.simulatorUrl() == null ? "" : " " + options.simulatorUrl());
    }

    /** The command failed on Azure: a subscription taken from {@link #known} is listed afresh next time. */
    void failed() {
        if (known != null && fromKnown != null) {
            known.forget(where(), services.account(), fromKnown);
        }
    }

    /**
     * The subscriptions a command acts on: the one given ({@code --subscription} id or display name, or
     * {@code AZURE_SUBSCRIPTION_ID}), else every one the account sees.
     */
    List<SubscriptionInfo> targetSubscriptions() throws CliProblem {
        String want = options.subscription();
        if (want == null) {
            List<SubscriptionInfo> all = subscriptions();
            if (all.isEmpty()) {
                throw new CliProblem(CliProblem.NO_SUBSCRIPTION, "subscriptionId", "the account " + services.account() + " sees no subscription; ask for access"
                        + " (Contributor on the gateway's resource group) or sign in to another tenant with --tenant");
            }
            return all;
        }
        return List.of(subscription(want));
    }

    /** The subscription a command needs exactly one of. */
    SubscriptionInfo oneSubscription() throws CliProblem {
        List<SubscriptionInfo> subs = targetSubscriptions();
        if (subs.size() > 1) {
            throw new CliProblem(CliProblem.SUBSCRIPTION_REQUIRED, "subscriptionId", "the account sees " + subs.size() + " subscriptions; choose one with --subscription: "
                    + describe(subs));
        }
        return subs.get(0);
    }

    /**
     * The subscription {@code want} means: an id (one seen in an earlier listing needs no listing; one not listed is
     * left for Azure to answer), else a display name, matched without regard to case in the subscription listing. A
     * name that matches none or several is refused, naming --subscription and the subscriptions to choose from.
     */
    SubscriptionInfo subscription(String want) throws CliProblem {
        want = want.strip();
        if (subscriptions == null && known != null && com.gatewaywizard.spec.ArmNames.isGuid(want)) {
            // seen in an earlier listing: its tenant is known, so no listing of every tenant's subscriptions first
            var k = known.lookup(where(), services.account(), want);
            if (k.isPresent()) {
                SubscriptionInfo s = new SubscriptionInfo(want.toLowerCase(Locale.ROOT), k.get().displayName(),
                        k.get().tenantId(), null);
                services.knowSubscription(s);
                fromKnown = s.id();
                return s;
            }
        }
        for (SubscriptionInfo s : subscriptions()) {
            if (s.id().equalsIgnoreCase(want)) {
                return s;
            }
        }
        if (com.gatewaywizard.spec.ArmNames.isGuid(want)) {
            // not in the list (e.g. another tenant): let Azure answer for it
            return new SubscriptionInfo(want.toLowerCase(Locale.ROOT), want, null, null);
        }
        List<SubscriptionInfo> named = SubscriptionInfo.named(subscriptions(), want);
        if (named.size() == 1) {
            return named.get(0);
        }
        if (named.size() > 1) {
            throw new CliProblem(CliProblem.SUBSCRIPTION_AMBIGUOUS, "subscriptionId", "--subscription: " + named.size() + " subscriptions are named " + Problem.quote(want)
                    + ": " + describe(named) + " \u2014 give the id of the one you mean");
        }
        throw new CliProblem(CliProblem.SUBSCRIPTION_NOT_FOUND, "subscriptionId", "--subscription: no subscription with the id or name " + Problem.quote(want)
                + (subscriptions().isEmpty() ? "; the account " + services.account() + " sees no subscription"
                        : "; the account sees: " + describe(subscriptions()) + " \u2014 give one of these ids or names"));
    }

    private static String describe(List<SubscriptionInfo> subs) {
        return subs.stream().map(s -> s.id() + " (" + s.displayName() + ")").collect(Collectors.joining(", "));
    }

    /** Gateways in the target subscriptions (and {@code --resource-group}); subscriptions that fail are warned about. */
    List<GatewayStatus> listGateways() throws CliProblem {
        List<SubscriptionInfo> subs = targetSubscriptions();
        List<GatewayStatus> out = new ArrayList<>();
        RuntimeException only = null;
        int groupMissing = 0;
        for (SubscriptionInfo s : subs) {
            try {
                out.addAll(services.control().list(s.id(), options.resourceGroup()));
            } catch (RuntimeException e) {
                if (subs.size() == 1) {
                    only = e;
                    break;
                }
                Explanation x = AzureProblems.explain(e);
                if (NOT_REGISTERED.equalsIgnoreCase(x.code())) {
                    LOG.info("skipped subscription {}: {}", s.id(), x.code());
                    continue;
                }
                if (RESOURCE_GROUP_MISSING.equalsIgnoreCase(x.code())) {
                    groupMissing++;
                    continue;
                }
                console.err().println("warning: could not list the gateways of " + s.displayName() + ": " + CliWords.of(x));
            }
        }
        if (only != null) {
            throw only;
        }
        if (groupMissing > 0 && out.isEmpty()) {
            // "no gateways" would read, in a script, as an empty resource group
            throw new CliProblem(CliProblem.RESOURCE_GROUP_NOT_FOUND, "resourceGroup", "there is no resource group " + Problem.quote(options.resourceGroup()) + " in "
                    + (groupMissing == subs.size() ? "any of the subscriptions you can see" : groupMissing + " of the "
                    + subs.size() + " subscriptions you can see, and no gateway in it in the others")
                    + " \u2014 check its name (az group list -o table), or give --subscription for the one that holds it");
        }
        return out;
    }

    /**
     * The gateway a NAME means. With {@code --subscription} and {@code --resource-group} it is that group; otherwise it
     * is searched among the gateways of the subscription(s), and must be found exactly once.
     */
    GatewayRef gateway(String name) throws CliProblem {
        if (options.subscription() != null && options.resourceGroup() != null) {
            return exactly(name).status().ref(); // named exactly, it is still never operated on unless it is a gateway
        }
        List<GatewayRef> found = listGateways().stream().map(GatewayStatus::ref)
                .filter(r -> r.name().equalsIgnoreCase(name)).toList();
        if (found.isEmpty()) {
            refuseOthers(othersNamed(name));
            String where = options.resourceGroup() != null ? "resource group " + options.resourceGroup()
                    : options.subscription() != null ? "subscription " + options.subscription() : "any subscription you can see";
            throw new CliProblem(CliProblem.GATEWAY_NOT_FOUND, "name", "no gateway named " + Problem.quote(name) + " in " + where
                    + " \u2014 run 'gateway-wizard list' to see the gateways, or give --subscription and --resource-group");
        }
        if (found.size() > 1) {
            throw new CliProblem(CliProblem.GATEWAY_AMBIGUOUS, "name", "there are " + found.size() + " gateways named '" + name + "': "
                    + found.stream().map(r -> r.resourceGroup() + " in " + r.subscriptionId()).collect(Collectors.joining(", "))
                    + " \u2014 choose one with --subscription and --resource-group");
        }
        return found.get(0);
    }

    /**
     * The status of the gateway a NAME means. With {@code --subscription} and {@code --resource-group} that is one GET,
     * which also shows whether the group is a gateway (one that is not is refused, as {@link #gateway} does).
     */
    GatewayStatus gatewayStatus(String name) throws CliProblem {
        if (options.subscription() != null && options.resourceGroup() != null) {
            return exactly(name).status();
        }
        return services.control().status(gateway(name));
    }

    /** With --subscription and --resource-group: the group of that name, found by one GET, and a gateway. */
    private GatewayControl.Found exactly(String name) throws CliProblem {
        GatewayRef ref = new GatewayRef(oneSubscription().id(), options.resourceGroup(), name);
        GatewayControl.Found found = services.control().find(ref);
        if (found == null) {
            throw new CliProblem(CliProblem.GATEWAY_NOT_FOUND, "name", "no gateway named " + Problem.quote(name) + " in resource group " + options.resourceGroup()
                    + " \u2014 run 'gateway-wizard list --subscription " + ref.subscriptionId() + " --resource-group "
                    + options.resourceGroup() + "' to see its gateways");
        }
        if (!found.gateway()) {
            refuseOthers(List.of(found.status().ref()));
        }
        return found;
    }

    private static void refuseOthers(List<GatewayRef> others) throws CliProblem {
        if (!others.isEmpty()) {
            GatewayRef o = others.get(0);
            throw new CliProblem(CliProblem.NOT_A_GATEWAY, "name", "the container group " + Problem.quote(o.name()) + " in resource group "
                    + o.resourceGroup() + " exists, but it was not deployed by Gateway Wizard and is not a Keeper"
                    + " gateway, so it is left alone \u2014 run 'gateway-wizard list' to see the gateways");
        }
    }

    /** Groups of that name that are not gateways, in the target subscriptions; a lookup that fails finds none. */
    private List<GatewayRef> othersNamed(String name) {
        List<GatewayRef> out = new ArrayList<>();
        try {
            for (SubscriptionInfo s : targetSubscriptions()) {
                out.addAll(services.control().othersNamed(s.id(), options.resourceGroup(), name));
            }
        } catch (RuntimeException | CliProblem e) {
            LOG.debug("could not look for other groups named {}", name, e);
        }
        return out;
    }

    @Override
    public void close() {
        try {
            services.close();
        } finally {
            if (simulator != null) {
                simulator.close();
            }
        }
    }
}
