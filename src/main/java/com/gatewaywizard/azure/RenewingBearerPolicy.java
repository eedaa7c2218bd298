package com.gatewaywizard.azure;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The bearer token of every ARM request, from the session's credential. It stands in for the SDK's
 * {@code ArmChallengeAuthenticationPolicy}, which renews a token only on its own clock and, when ARM answers 401
 * {@code ExpiredAuthenticationToken} (the token ran out in flight, or the computer's clock is behind Azure's),
 * hands that 401 to the caller: a long log follow or deploy then failed with "authentication failed" although a
 * new token was one call away. Here:
 * <ul>
 *   <li>a token is renewed ahead of its expiry (5 minutes before, or after 90% of a shorter lifetime);</li>
 *   <li>a 401 whose {@code WWW-Authenticate} challenge says {@code invalid_token} drops the token that was refused,
 *       gets a new one and sends the request once more; a CAE challenge with {@code claims} asks for a token with
 *       those claims, as the SDK's policy does;</li>
 *   <li>one token fetch at a time is shared by all requests waiting for it;</li>
 *   <li>tokens are never sent over plain http (the SDK's rule).</li>
 * </ul>
 */
final class RenewingBearerPolicy implements HttpPipelinePolicy {
    private static final Logger LOG = LoggerFactory.getLogger(RenewingBearerPolicy.class);
    private static final Duration MAX_MARGIN = Duration.ofMinutes(5);
    private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private final TokenCredential credential;
    private final String scope;
    private final AtomicLong fetches = new AtomicLong();
    private Held held;
    private Mono<Held> pending;

    /** A token and when it should be renewed. */
    private record Held(AccessToken token, OffsetDateTime renewAt) {
        boolean fresh() {
            return OffsetDateTime.now().isBefore(renewAt);
        }
    }

    RenewingBearerPolicy(TokenCredential credential, String scope) {
        this.credential = Objects.requireNonNull(credential, "credential");
        this.scope = Objects.requireNonNull(scope, "scope");
    }

    /** Tokens fetched from the credential so far (for diagnostics and tests). */
    long fetches() {
        return fetches.get();
    }

    @Override
    public HttpPipelinePosition getPipelinePosition() {
        return HttpPipelinePosition.PER_RETRY;
    }

    @Override
    public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
        if (!"https".equals(context.getHttpRequest().getUrl().getProtocol())) {
            return Mono.error(new RuntimeException("token credentials require a URL using the HTTPS protocol scheme"));
        }
        HttpPipelineNextPolicy again = next.clone();
        return token(null, null).flatMap(first -> {
            authorize(context, first);
            return next.process().flatMap(response -> {
                Challenge ch = challenge(response);
                if (ch == null) {
                    return Mono.just(response);
                }
                response.close();
                LOG.info("Azure refused the access token ({}); getting a new one and sending the request again", ch.reason());
                return token(ch.claims(), first).flatMap(renewed -> {
                    authorize(context, renewed);
                    return again.process();
                });
            });
        });
    }

    @Override
    public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
        if (!"https".equals(context.getHttpRequest().getUrl().getProtocol())) {
            throw new RuntimeException("token credentials require a URL using the HTTPS protocol scheme");
        }
        HttpPipelineNextSyncPolicy again = next.clone();
        Held first = token(null, null).block();
        authorize(context, first);
        HttpResponse response = next.processSync();
        Challenge ch = challenge(response);
        if (ch == null) {
            return response;
        }
        response.close();
        LOG.info("Azure refused the access token ({}); getting a new one and sending the request again", ch.reason());
        authorize(context, token(ch.claims(), first).block());
        return again.processSync();
    }

    private static void authorize(HttpPipelineCallContext context, Held h) {
        context.getHttpRequest().setHeader(HttpHeaderName.AUTHORIZATION, "Bearer " + h.token().getToken());
    }

    /**
     * The token to send: the held one while it is fresh and not the one just refused, else a new one (a fetch
     * already under way is shared). With claims, always a new one with those claims.
     */
    private Mono<Held> token(String claims, Held refused) {
        return Mono.defer(() -> {
            synchronized (this) {
                if (claims == null && held != null && held != refused && held.fresh()) {
                    return Mono.just(held);
                }
                if (pending == null || claims != null) {
                    TokenRequestContext ctx = new TokenRequestContext().addScopes(scope);
                    if (claims != null) {
                        ctx.setClaims(claims);
                    }
                    Mono<Held> fetch = Mono.defer(() -> {
                        fetches.incrementAndGet();
                        OffsetDateTime asked = OffsetDateTime.now();
                        return credential.getToken(ctx).map(t -> new Held(t, renewAt(asked, t.getExpiresAt())));
                    }).doOnNext(h -> {
                        synchronized (this) {
                            held = h;
                        }
                    }).doFinally(s -> {
                        synchronized (this) {
                            pending = null;
                        }
                    }).cache();
                    if (claims != null) {
                        return fetch;
                    }
                    pending = fetch;
                }
                return pending;
            }
        });
    }

    /** 5 minutes before the expiry, or after 90% of a shorter lifetime. */
    static OffsetDateTime renewAt(OffsetDateTime fetched, OffsetDateTime expires) {
        if (expires == null) {
            return fetched.plus(MAX_MARGIN);
        }
        Duration life = Duration.between(fetched, expires);
        Duration margin = life.dividedBy(10);
        if (margin.compareTo(MAX_MARGIN) > 0) {
            margin = MAX_MARGIN;
        }
        if (margin.isNegative()) {
            margin = Duration.ZERO;
        }
        return expires.minus(margin);
    }

    /** What a 401 asks for: a new token (reason) and maybe claims; null when the response is not such a 401. */
    record Challenge(String reason, String claims) {
    }

    static Challenge challenge(HttpResponse response) {
        if (response.getStatusCode() != 401) {
            return null;
        }
        return challenge(response.getHeaderValue(HttpHeaderName.WWW_AUTHENTICATE));
    }

    static Challenge challenge(String header) {
        if (header == null || !header.trim().toLowerCase(Locale.ROOT).startsWith("bearer")) {
            return null;
        }
        String error = null;
        String claims = null;
        Matcher m = PARAM.matcher(header);
        while (m.find()) {
            switch (m.group(1).toLowerCase(Locale.ROOT)) {
                case "error" -> error = m.group(2);
                case "claims" -> claims = m.group(2);
                default -> { }
            }
        }
        if (claims != null && !claims.isEmpty()) {
            try {
                return new Challenge(error == null ? "claims challenge" : error,
                        new String(Base64.getUrlDecoder().decode(claims), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return "invalid_token".equalsIgnoreCase(error) ? new Challenge("invalid_token", null) : null;
    }
}
