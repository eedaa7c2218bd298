package com.gatewaywizard.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.AddDatePolicy;
import com.azure.core.http.policy.ExponentialBackoff;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.HttpLoggingPolicy;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RequestIdPolicy;
import com.azure.core.http.policy.RequestRetryCondition;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.policy.RetryStrategy;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.resourcemanager.containerinstance.fluent.ContainerInstanceManagementClient;
import com.azure.resourcemanager.containerinstance.implementation.ContainerInstanceManagementClientBuilder;
import com.azure.resourcemanager.network.fluent.NetworkManagementClient;
import com.azure.resourcemanager.network.implementation.NetworkManagementClientBuilder;
import com.azure.resourcemanager.resources.ResourceManager;
import com.azure.resourcemanager.resources.models.Subscription;
import com.azure.resourcemanager.resources.models.Tenant;
import com.gatewaywizard.AppInfo;
import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * One signed-in session: the cloud, one HTTP pipeline (JDK client, retry with back-off honouring Retry-After, our
 * user agent, header-level logging at most with secret headers redacted, never bodies) and the SDK clients built
 * from it once per subscription, lazily and thread-safely, each only when an operation needs it. No ProviderRegistrationPolicy is in the pipeline: a
 * missing registration is reported (preflight) instead of the SDK registering on its own for minutes.
 */
public final class AzureConnection implements AzureServices {
    private static final Logger LOG = LoggerFactory.getLogger(AzureConnection.class);
    /** Request headers that may be logged; everything else (Authorization, cookies, keys) shows as REDACTED. */
    static final Set<String> LOGGABLE_HEADERS = Set.of("x-ms-request-id", "x-ms-client-request-id", "x-ms-correlation-request-id",
            "x-ms-ratelimit-remaining-subscription-reads", "x-ms-ratelimit-remaining-subscription-writes", "retry-after",
            "azure-asyncoperation", "location", "content-type", "content-length", "user-agent", "date");
    static final Set<String> SECRET_HEADERS = Set.of("authorization", "cookie", "set-cookie", "x-ms-authorization-auxiliary",
            "proxy-authorization", "ocp-apim-subscription-key");

    private final CloudKind cloud;
    private final AzureEnvironment environment;
    private final String homeTenant;
    private final String account;
    private final AzureTuning tuning;
    private final HttpClient httpClient;
    private final SSLContext sslContext;
    private final HttpPipeline pipeline;
    private final Function<String, TokenCredential> tenantCredentials;
    private final Runnable onSignOut;
    private final Map<String, ContainerInstanceManagementClient> aciClients = new ConcurrentHashMap<>();
    private final Map<String, NetworkManagementClient> networkClients = new ConcurrentHashMap<>();
    private final Map<String, ResourceManager> resourceManagers = new ConcurrentHashMap<>();
    private final Map<String, HttpPipeline> tenantPipelines = new ConcurrentHashMap<>();
    private final Map<String, String> subscriptionTenants = new ConcurrentHashMap<>();
    private volatile ResourceManager.Authenticated resources;
    private final java.util.concurrent.ExecutorService workers = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "gw-azure-" + WORKERS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private static final java.util.concurrent.atomic.AtomicInteger WORKERS = new java.util.concurrent.atomic.AtomicInteger();
    private final AzureCatalog catalog;
    private final AzurePreflight preflight;
    private final AzureDeployer deployer;
    private final AzureGatewayControl control;

    /**
     * @param credential        null for the plain-http simulator (a fixed bearer header is sent instead)
     * @param tenantCredentials a credential for another tenant of the same account (null: only the home tenant)
     */
    AzureConnection(CloudKind cloud, AzureEnvironment environment, String homeTenant, String account, TokenCredential credential,
            Function<String, TokenCredential> tenantCredentials, SSLContext sslContext, AzureTuning tuning, Runnable onSignOut) {
        this.cloud = Objects.requireNonNull(cloud);
        this.environment = Objects.requireNonNull(environment);
        this.homeTenant = homeTenant;
        this.account = account;
        this.tuning = Objects.requireNonNull(tuning);
        this.sslContext = sslContext;
        this.tenantCredentials = tenantCredentials;
        this.onSignOut = onSignOut == null ? () -> { } : onSignOut;
        java.net.http.HttpClient.Builder jdk = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20));
        if (sslContext != null) {
            jdk.sslContext(sslContext);
        }
        // Bounded waits: azure-core's default would let a hung answer hold a call for a minute per try.
        this.httpClient = new JdkHttpClientBuilder(jdk).responseTimeout(tuning.responseTimeout()).readTimeout(tuning.responseTimeout())
                .build();
        this.pipeline = buildPipeline(credential);
        this.catalog = new AzureCatalog(this);
        this.preflight = new AzurePreflight(this);
        this.deployer = new AzureDeployer(this);
        this.control = new AzureGatewayControl(this);
    }

    /**
     * Building the SDK clients loads thousands of classes (seconds, cold). The desktop app calls this after sign-in so
     * they are built, in the background, while the user reads the next step; a CLI command does not (it needs one
     * client, and building the others beside it would only slow it down). No HTTP call is made.
     */
    @Override
    public void prepare() {
        String none = "00000000-0000-0000-0000-000000000000";
        workers.submit(() -> {
            try {
                ResourceManager.authenticate(pipeline, profile(homeTenant, none)).withSubscription(none);
                buildAci(pipeline, homeTenant, none);
                buildNetwork(pipeline, homeTenant, none);
            } catch (RuntimeException e) {
                LOG.debug("preparing the SDK clients failed: {}", e.getClass().getSimpleName());
            }
        });
    }

    /** The user agent every request carries. */
    public static String userAgent() {
        return "gateway-wizard/" + AppInfo.version();
    }

    HttpPipeline buildPipeline(TokenCredential credential) {
        List<HttpPipelinePolicy> policies = new ArrayList<>();
        policies.add(new CancelledQuietly());
        policies.add(new TimeoutWording(tuning.responseTimeout()));
        policies.add(new UnreachableWording(cloud == CloudKind.SIMULATOR));
        policies.add(new UserAgentPolicy(userAgent()));
        policies.add(new RequestIdPolicy());
        policies.add(new AddDatePolicy());
        policies.add(new RetryPolicy(new Backoff(new ExponentialBackoff(tuning.retries(), tuning.retryBase(), tuning.retryMax())),
                "Retry-After", ChronoUnit.SECONDS));
        if (credential != null) {
            policies.add(new RenewingBearerPolicy(credential, scope()));
        } else {
            policies.add(new FixedBearer());
        }
        HttpLogOptions logging = logOptions();
        if (logging.getLogLevel() != HttpLogDetailLevel.NONE) {
            // (not built when it would log nothing: it builds a Jackson mapper for bodies, which are never logged)
            policies.add(new HttpLoggingPolicy(logging));
        }
        return new HttpPipelineBuilder().httpClient(httpClient).policies(policies.toArray(new HttpPipelinePolicy[0])).build();
    }

    /** The token scope of the management endpoint, e.g. {@code https://management.core.windows.net//.default}. */
    String scope() {
        return environment.getManagementEndpoint() + "/.default";
    }

    /** Header-level logging when debug logging is on, else one line per request; bodies never. */
    static HttpLogOptions logOptions() {
        // The SDK logs HTTP lines under its client classes' names, all below com.azure.
        Logger http = LoggerFactory.getLogger("com.azure");
        HttpLogDetailLevel level = http.isDebugEnabled() || LOG.isDebugEnabled() ? HttpLogDetailLevel.HEADERS
                : http.isInfoEnabled() ? HttpLogDetailLevel.BASIC : HttpLogDetailLevel.NONE;
        return new HttpLogOptions().setLogLevel(level).setAllowedHeaderNames(LOGGABLE_HEADERS).setAllowedQueryParamNames(
                Set.of("api-version", "tail", "timestamps"));
    }

    /**
     * Exponential back-off for 408, 429, 5xx and I/O errors, except that a request whose answer timed out is tried
     * once more at most: a hung server then ends in a timeout after about twice the response timeout, not after
     * every retry's worth of it.
     */
    static final class Backoff implements RetryStrategy {
        private final RetryStrategy base;

        Backoff(RetryStrategy base) {
            this.base = base;
        }

        @Override
        public int getMaxRetries() {
            return base.getMaxRetries();
        }

        @Override
        public Duration calculateRetryDelay(int retryAttempts) {
            return base.calculateRetryDelay(retryAttempts);
        }

        @Override
        public boolean shouldRetry(com.azure.core.http.HttpResponse response) {
            return base.shouldRetry(response);
        }

        @Override
        public boolean shouldRetryException(Throwable throwable) {
            return base.shouldRetryException(throwable);
        }

        @Override
        public boolean shouldRetryCondition(RequestRetryCondition condition) {
            if (condition.getThrowable() != null && tlsFailed(condition.getThrowable())) {
                return false; // a refused certificate or handshake is the same on the next try
            }
            if (condition.getThrowable() != null && timedOut(condition.getThrowable())) {
                List<Throwable> before = condition.getRetriedThrowables();
                if (before != null && before.stream().anyMatch(Backoff::timedOut)) {
                    return false;
                }
            }
            return base.shouldRetryCondition(condition);
        }

        static boolean tlsFailed(Throwable t) {
            for (Throwable x = t; x != null; x = x.getCause() == x ? null : x.getCause()) {
                if (x instanceof javax.net.ssl.SSLException) {
                    return true;
                }
            }
            return false;
        }

        static boolean timedOut(Throwable t) {
            for (Throwable x = t; x != null; x = x.getCause() == x ? null : x.getCause()) {
                if (x instanceof java.net.http.HttpTimeoutException || x instanceof java.util.concurrent.TimeoutException) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Cancelling a call in flight (the user cancels a deploy, the dashboard stops a follow) cancels the JDK client's
     * future, which then completes with a {@code CompletionException(CancellationException)}; reactor's
     * {@code MonoCompletionStage} only recognises a bare {@code CancellationException} as the echo of its own
     * cancel and reports the wrapped one through {@code onErrorDropped}, whose default logs it at ERROR with a stack
     * trace although nothing went wrong. This policy installs reactor's context-local onErrorDropped hook for the
     * calls of this pipeline only: the echo of a cancel is logged at DEBUG; anything else that arrives after its
     * call ended is still reported, at WARN.
     */
    static final class CancelledQuietly implements HttpPipelinePolicy {
        /** Reactor's key of the context-local hook ({@code Hooks.KEY_ON_ERROR_DROPPED}, not public). */
        static final String KEY_ON_ERROR_DROPPED = "reactor.onErrorDropped.local";
        private static final java.util.function.Consumer<Throwable> HOOK = CancelledQuietly::dropped;

        static void dropped(Throwable t) {
            if (isCancelEcho(t)) {
                LOG.debug("a cancelled call's request ended: {}", t.getClass().getSimpleName());
            } else {
                LOG.warn("an error arrived after its call had ended: {}", AzureProblems.explain(t).oneLine());
            }
        }

        static boolean isCancelEcho(Throwable t) {
            for (Throwable x = t; x != null; x = x.getCause() == x ? null : x.getCause()) {
                if (x instanceof java.util.concurrent.CancellationException) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Mono<com.azure.core.http.HttpResponse> process(com.azure.core.http.HttpPipelineCallContext ctx,
                com.azure.core.http.HttpPipelineNextPolicy next) {
            return next.process().contextWrite(c -> c.put(KEY_ON_ERROR_DROPPED, HOOK));
        }

        @Override
        public HttpPipelinePosition getPipelinePosition() {
            return HttpPipelinePosition.PER_CALL;
        }
    }

    /**
     * A per-call policy that replaces the errors it {@link #applies} to by a clearer IOException (which the sync path
     * throws wrapped in an UncheckedIOException, as azure-core does); any other error passes as it is.
     */
    abstract static class ErrorWording implements HttpPipelinePolicy {
        abstract boolean applies(Throwable e);

        abstract java.io.IOException reworded(com.azure.core.http.HttpPipelineCallContext ctx, Throwable cause);

        @Override
        public Mono<com.azure.core.http.HttpResponse> process(com.azure.core.http.HttpPipelineCallContext ctx,
                com.azure.core.http.HttpPipelineNextPolicy next) {
            return next.process().onErrorMap(this::applies, e -> reworded(ctx, e));
        }

        @Override
        public com.azure.core.http.HttpResponse processSync(com.azure.core.http.HttpPipelineCallContext ctx,
                com.azure.core.http.HttpPipelineNextSyncPolicy next) {
            try {
                return next.processSync();
            } catch (RuntimeException e) {
                if (applies(e)) {
                    throw new java.io.UncheckedIOException(reworded(ctx, e));
                }
                throw e;
            }
        }

        @Override
        public HttpPipelinePosition getPipelinePosition() {
            return HttpPipelinePosition.PER_CALL;
        }
    }

    /** Outside the retries: a request that timed out (after its retry) fails with how long Azure was given. */
    static final class TimeoutWording extends ErrorWording {
        private final String message;

        TimeoutWording(Duration timeout) {
            double s = timeout.toMillis() / 1000.0;
            this.message = "Azure did not answer within " + (s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s))
                    + " s (tried twice).";
        }

        @Override
        boolean applies(Throwable e) {
            return Backoff.timedOut(e);
        }

        @Override
        java.io.IOException reworded(com.azure.core.http.HttpPipelineCallContext ctx, Throwable cause) {
            java.net.http.HttpTimeoutException e = new java.net.http.HttpTimeoutException(message);
            e.initCause(cause);
            return e;
        }
    }

    /**
     * A request that got no answer (refused, dropped, host not resolved), after its retries, carries the endpoint it
     * was sent to ({@link EndpointUnreachableException}), so "Azure cannot be reached" names it. Timeouts and
     * cancellations pass as they are.
     */
    static final class UnreachableWording extends ErrorWording {
        private final boolean simulator;

        UnreachableWording(boolean simulator) {
            this.simulator = simulator;
        }

        @Override
        boolean applies(Throwable e) {
            if (Backoff.timedOut(e) || CancelledQuietly.isCancelEcho(e)) {
                return false;
            }
            for (Throwable x = e; x != null; x = x.getCause() == x ? null : x.getCause()) {
                if (x instanceof EndpointUnreachableException) {
                    return false;
                }
                if (x instanceof java.io.IOException) {
                    return true;
                }
            }
            return false;
        }

        @Override
        java.io.IOException reworded(com.azure.core.http.HttpPipelineCallContext ctx, Throwable cause) {
            String url = ctx.getHttpRequest().getUrl() == null ? "" : ctx.getHttpRequest().getUrl().toString();
            return new EndpointUnreachableException(EndpointUnreachableException.origin(url), simulator, cause);
        }
    }

    /** For the plain-http simulator: the bearer policy refuses http, so a fixed header stands in for a token. */
    private static final class FixedBearer implements HttpPipelinePolicy {
        @Override
        public Mono<com.azure.core.http.HttpResponse> process(com.azure.core.http.HttpPipelineCallContext ctx,
                com.azure.core.http.HttpPipelineNextPolicy next) {
            ctx.getHttpRequest().setHeader(HttpHeaderName.AUTHORIZATION, "Bearer simulator");
            return next.process();
        }

        @Override
        public com.azure.core.http.HttpResponse processSync(com.azure.core.http.HttpPipelineCallContext ctx,
                com.azure.core.http.HttpPipelineNextSyncPolicy next) {
            ctx.getHttpRequest().setHeader(HttpHeaderName.AUTHORIZATION, "Bearer simulator");
            return next.processSync();
        }

        @Override
        public HttpPipelinePosition getPipelinePosition() {
            return HttpPipelinePosition.PER_RETRY;
        }
    }

    /** The environment of a cloud; for the simulator, Azure's with the simulator as ARM and login endpoint. */
    static AzureEnvironment environment(CloudKind cloud, URI simulatorUrl) {
        return switch (cloud) {
            case AZURE -> AzureEnvironment.AZURE;
            case US_GOVERNMENT -> AzureEnvironment.AZURE_US_GOVERNMENT;
            case CHINA -> AzureEnvironment.AZURE_CHINA;
            case SIMULATOR -> {
                String base = simulatorUrl.toString().replaceAll("/+$", "");
                Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
                endpoints.put("resourceManagerEndpointUrl", base);
                endpoints.put("managementEndpointUrl", base + "/");
                endpoints.put("activeDirectoryEndpointUrl", base + "/");
                yield new AzureEnvironment(endpoints);
            }
        };
    }

    // ---- what the services share ------------------------------------------------------------------------------

    /** Threads for checks that run side by side (preflight). */
    java.util.concurrent.ExecutorService workers() {
        return workers;
    }

    AzureTuning tuning() {
        return tuning;
    }

    HttpPipeline pipeline() {
        return pipeline;
    }

    SSLContext sslContext() {
        return sslContext;
    }

    AzureEnvironment environment() {
        return environment;
    }

    AzureProfile profile(String tenant, String subscriptionId) {
        return new AzureProfile(tenant, subscriptionId, environment);
    }

    ResourceManager.Authenticated resources() {
        ResourceManager.Authenticated r = resources;
        if (r == null) {
            synchronized (this) {
                r = resources;
                if (r == null) {
                    r = ResourceManager.authenticate(pipeline, profile(homeTenant, null));
                    resources = r;
                }
            }
        }
        return r;
    }

    /** The resource manager of a subscription (resource groups, providers, locations); built once. */
    ResourceManager resourceManager(String subscriptionId) {
        String k = key(subscriptionId);
        return resourceManagers.computeIfAbsent(k, x -> {
            String tenant = tenantOf(x);
            return ResourceManager.authenticate(pipelineOf(tenant), profile(tenant, subscriptionId)).withSubscription(subscriptionId);
        });
    }

    /**
     * The Container Instances client of a subscription; built once. Only this client: the SDK's
     * {@code ContainerInstanceManager} also builds the network, storage and authorization managers (about 1,000 more
     * classes and 100 service proxies, a second or two cold), which status, logs and restart never use.
     */
    ContainerInstanceManagementClient aci(String subscriptionId) {
        return aciClients.computeIfAbsent(key(subscriptionId), k -> {
            String tenant = tenantOf(k);
            long t0 = System.nanoTime();
            ContainerInstanceManagementClient m = buildAci(pipelineOf(tenant), tenant, subscriptionId);
            LOG.debug("built the Container Instances client of subscription {} in {} ms", subscriptionId,
                    (System.nanoTime() - t0) / 1_000_000);
            return m;
        });
    }

    /** The network client of a subscription (VNets, subnets, NSGs), for the catalog and preflight; built once. */
    NetworkManagementClient network(String subscriptionId) {
        return networkClients.computeIfAbsent(key(subscriptionId), k -> {
            String tenant = tenantOf(k);
            return buildNetwork(pipelineOf(tenant), tenant, subscriptionId);
        });
    }

    private ContainerInstanceManagementClient buildAci(HttpPipeline p, String tenant, String subscriptionId) {
        return new ContainerInstanceManagementClientBuilder().pipeline(p).serializerAdapter(ModelJson.INSTANCE)
                .endpoint(profile(tenant, subscriptionId).getEnvironment().getResourceManagerEndpoint())
                .subscriptionId(subscriptionId).buildClient();
    }

    private NetworkManagementClient buildNetwork(HttpPipeline p, String tenant, String subscriptionId) {
        return new NetworkManagementClientBuilder().pipeline(p).serializerAdapter(ModelJson.INSTANCE)
                .endpoint(profile(tenant, subscriptionId).getEnvironment().getResourceManagerEndpoint())
                .subscriptionId(subscriptionId).buildClient();
    }

    private static String key(String subscriptionId) {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        if (subscriptionId.isBlank()) {
            throw new IllegalArgumentException("a subscription id is needed");
        }
        return subscriptionId.toLowerCase(java.util.Locale.ROOT);
    }

    /** The tenant a subscription belongs to, as listed; the home tenant when not known. */
    private String tenantOf(String key) {
        String known = subscriptionTenants.get(key);
        return known == null || known.isEmpty() ? homeTenant : known;
    }

    private HttpPipeline pipelineOf(String tenant) {
        return tenant == null || tenant.equals(homeTenant) ? pipeline : tenantPipelines.getOrDefault(tenant, pipeline);
    }

    // ---- AzureServices ----------------------------------------------------------------------------------------

    @Override
    public CloudKind cloud() {
        return cloud;
    }

    @Override
    public String account() {
        return account;
    }

    @Override
    public List<TenantInfo> tenants() {
        List<TenantInfo> out = new ArrayList<>();
        for (Tenant t : resources().tenants().list()) {
            out.add(new TenantInfo(t.tenantId(), t.innerModel().displayName(), t.innerModel().defaultDomain()));
        }
        return out;
    }

    @Override
    public List<SubscriptionInfo> subscriptions() {
        Map<String, SubscriptionInfo> out = new LinkedHashMap<>();
        for (Subscription s : resources().subscriptions().list()) {
            add(out, s, homeTenant);
        }
        if (tenantCredentials != null) {
            for (TenantInfo t : tenants()) {
                if (t.id() == null || t.id().equalsIgnoreCase(homeTenant)) {
                    continue;
                }
                try {
                    HttpPipeline p = tenantPipelines.computeIfAbsent(t.id(), id -> buildPipeline(tenantCredentials.apply(id)));
                    for (Subscription s : ResourceManager.authenticate(p, profile(t.id(), null)).subscriptions().list()) {
                        add(out, s, t.id());
                    }
                } catch (RuntimeException e) {
                    // A tenant that needs its own sign-in (MFA, conditional access) is skipped, not fatal.
                    LOG.info("subscriptions of tenant {} are not listed: {}", t.id(), AzureProblems.explain(e).oneLine());
                }
            }
        }
        return List.copyOf(out.values());
    }

    @Override
    public void knowSubscription(SubscriptionInfo s) {
        String tenant = s.tenantId();
        if (tenant == null || tenant.isEmpty()) {
            return;
        }
        subscriptionTenants.putIfAbsent(s.id().toLowerCase(java.util.Locale.ROOT), tenant);
        if (tenantCredentials != null && !tenant.equalsIgnoreCase(homeTenant)) {
            tenantPipelines.computeIfAbsent(tenant, id -> buildPipeline(tenantCredentials.apply(id)));
        }
    }

    private void add(Map<String, SubscriptionInfo> out, Subscription s, String fallbackTenant) {
        String tenant = s.innerModel().tenantId() != null ? s.innerModel().tenantId() : fallbackTenant;
        subscriptionTenants.putIfAbsent(s.subscriptionId().toLowerCase(java.util.Locale.ROOT), tenant == null ? "" : tenant);
        out.putIfAbsent(s.subscriptionId(), new SubscriptionInfo(s.subscriptionId(), s.displayName(), tenant,
                s.state() == null ? null : s.state().toString()));
    }

    @Override
    public Catalog catalog() {
        return catalog;
    }

    @Override
    public Preflight preflight() {
        return preflight;
    }

    @Override
    public Deployer deployer() {
        return deployer;
    }

    @Override
    public GatewayControl control() {
        return control;
    }

    @Override
    public void signOut() {
        try {
            onSignOut.run();
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        aciClients.clear();
        networkClients.clear();
        resourceManagers.clear();
        control.close();
        workers.shutdownNow();
    }
}
