package com.gatewaywizard.simulator;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.ExponentialBackoff;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.resourcemanager.containerinstance.ContainerInstanceManager;
import com.azure.resourcemanager.resources.fluentcore.utils.HttpPipelineProvider;
import com.azure.resourcemanager.resources.fluentcore.utils.ResourceManagerUtils;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/** Points the real Azure SDK at a simulator, as reference/azure-sdk.md §6 describes. */
final class SdkHarness {
    static {
        // Every default poll interval (LROs, provider registration) becomes short.
        ResourceManagerUtils.InternalRuntimeContext.setDelayProvider(d -> Duration.ofMillis(20));
    }

    private SdkHarness() {
    }

    static AzureProfile profile(ArmSimulator sim, String subscription) {
        Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
        endpoints.put("resourceManagerEndpointUrl", sim.baseUrl());
        return new AzureProfile(SeedWorld.TENANT, subscription, new AzureEnvironment(endpoints));
    }

    static RetryPolicy fastRetry() {
        return new RetryPolicy(new ExponentialBackoff(3, Duration.ofMillis(20), Duration.ofMillis(200)), "Retry-After", ChronoUnit.SECONDS);
    }

    /** HTTP: a pipeline without the bearer policy (it refuses http) plus a fixed Authorization header. */
    static HttpPipeline httpPipeline(ArmSimulator sim, String subscription) {
        HttpPipelinePolicy fakeAuth = new HttpPipelinePolicy() {
            @Override
            public Mono<com.azure.core.http.HttpResponse> process(com.azure.core.http.HttpPipelineCallContext ctx,
                    com.azure.core.http.HttpPipelineNextPolicy next) {
                ctx.getHttpRequest().setHeader(HttpHeaderName.AUTHORIZATION, "Bearer emulator-token");
                return next.process();
            }

            @Override
            public HttpPipelinePosition getPipelinePosition() {
                return HttpPipelinePosition.PER_RETRY;
            }
        };
        HttpClient client = new JdkHttpClientBuilder().build();
        return HttpPipelineProvider.buildHttpPipeline(null, profile(sim, subscription), null, new HttpLogOptions(), null, fastRetry(),
                List.of(fakeAuth), client);
    }

    static ContainerInstanceManager aci(ArmSimulator sim, String subscription) {
        return ContainerInstanceManager.authenticate(httpPipeline(sim, subscription), profile(sim, subscription));
    }

    /** HTTPS: the normal bearer policy with a fake credential, and a JDK client that trusts the simulator's CA. */
    static ContainerInstanceManager aciOverTls(ArmSimulator sim, String subscription) {
        TokenCredential fake = ctx -> Mono.just(new AccessToken("fake-token", OffsetDateTime.now().plusHours(1)));
        HttpClient client = new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder().sslContext(sim.clientSslContext())).build();
        return ContainerInstanceManager.configure().withHttpClient(client).withRetryPolicy(fastRetry())
                .authenticate(fake, profile(sim, subscription));
    }
}
