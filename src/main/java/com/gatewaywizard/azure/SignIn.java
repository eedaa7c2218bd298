package com.gatewaywizard.azure;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.azure.core.management.AzureEnvironment;
import com.azure.identity.AadCredentialBuilderBase;
import com.azure.identity.AuthenticationRecord;
import com.azure.identity.AzureCliCredentialBuilder;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.DeviceCodeCredential;
import com.azure.identity.DeviceCodeCredentialBuilder;
import com.azure.identity.InteractiveBrowserCredential;
import com.azure.identity.InteractiveBrowserCredentialBuilder;
import com.azure.identity.TokenCachePersistenceOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gatewaywizard.AppInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the credential of a {@link SignInRequest}: Azure CLI, browser, device code (the code goes to the request's
 * callback, never to stdout), service principal with secret or certificate. The interactive methods use the
 * persistent token cache {@value #CACHE_NAME} and a saved {@link AuthenticationRecord} (owner-only file under
 * {@link AppInfo#dataDir()}) so the next start signs in silently; {@link #forget} removes both.
 */
final class SignIn {
    private static final Logger LOG = LoggerFactory.getLogger(SignIn.class);
    static final String CACHE_NAME = "gateway-wizard";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A credential, who it signed in, and how to get one for another tenant of the same account. */
    record Result(TokenCredential credential, String account, String tenantId, Function<String, TokenCredential> forTenant) {
    }

    private SignIn() {
    }

    /** Where the authentication record of a cloud is kept. */
    static Path recordFile(CloudKind cloud) {
        return AppInfo.dataDir().resolve("sign-in").resolve("authentication-record-" + cloud.name().toLowerCase(Locale.ROOT) + ".json");
    }

    static Result signIn(SignInRequest r, AzureEnvironment env, String scope, HttpClient http) {
        String authority = env.getActiveDirectoryEndpoint();
        String tenant = r.tenantId();
        TokenRequestContext ctx = new TokenRequestContext().addScopes(scope);
        switch (r.method()) {
            case AZURE_CLI -> {
                if (AzureCli.find().isEmpty()) {
                    throw new AzureCli.NotFoundException(); // not the SDK's "AzureCliCredential authentication unavailable"
                }
                Function<String, TokenCredential> forTenant = t -> new AzureCliCredentialBuilder().tenantId(t).build();
                TokenCredential cred = tenant == null ? new AzureCliCredentialBuilder().build() : forTenant.apply(tenant);
                AccessToken token = cred.getTokenSync(ctx);
                Claims claims = Claims.of(token.getToken());
                return new Result(cred, claims.account("Azure CLI sign-in"), claims.tenant(tenant), forTenant);
            }
            case SERVICE_PRINCIPAL_SECRET -> {
                require(tenant, "tenant id");
                require(r.clientId(), "client id");
                if (r.clientSecret().isEmpty()) {
                    throw new IllegalArgumentException("A client secret is needed for a service principal sign-in");
                }
                ClientSecretCredentialBuilder b = new ClientSecretCredentialBuilder().tenantId(tenant).clientId(r.clientId())
                        .clientSecret(r.clientSecret().reveal()).authorityHost(authority).httpClient(http);
                if (r.cloud() == CloudKind.SIMULATOR) {
                    b.disableInstanceDiscovery();
                }
                TokenCredential cred = b.build();
                cred.getTokenSync(ctx);
                return new Result(cred, r.clientId(), tenant, null);
            }
            case SERVICE_PRINCIPAL_CERTIFICATE -> {
                require(tenant, "tenant id");
                require(r.clientId(), "client id");
                if (r.certificate() == null || !Files.isReadable(r.certificate())) {
                    throw new IllegalArgumentException("The certificate file cannot be read");
                }
                String path = r.certificate().toString();
                ClientCertificateCredentialBuilder b = new ClientCertificateCredentialBuilder().tenantId(tenant).clientId(r.clientId())
                        .authorityHost(authority).httpClient(http);
                if (path.toLowerCase(Locale.ROOT).endsWith(".pem")) {
                    b.pemCertificate(path);
                } else {
                    b.pfxCertificate(path);
                    if (!r.certificatePassword().isEmpty()) {
                        b.clientCertificatePassword(r.certificatePassword().reveal());
                    }
                }
                if (r.cloud() == CloudKind.SIMULATOR) {
                    b.disableInstanceDiscovery();
                }
                TokenCredential cred = b.build();
                cred.getTokenSync(ctx);
                return new Result(cred, r.clientId(), tenant, null);
            }
            case BROWSER, DEVICE_CODE -> {
                try {
                    return interactive(r, authority, ctx, http, true);
                } catch (RuntimeException e) {
                    if (!AzureProblems.isCancellation(e) && mentionsCacheStore(e)) {
                        // No OS keyring (e.g. Linux without libsecret): sign in without remembering it.
                        LOG.warn("the protected token cache is not available here; this sign-in will not be remembered");
                        return interactive(r, authority, ctx, http, false);
                    }
                    throw e;
                }
            }
            default -> throw new IllegalArgumentException("Sign-in method " + r.method() + " needs no credential");
        }
    }

    static boolean mentionsCacheStore(Throwable e) {
        for (Throwable x = e; x != null; x = x.getCause()) {
            String m = (x.getClass().getName() + " " + x.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("persist") || m.contains("libsecret") || m.contains("keyring") || m.contains("keychain")
                    || m.contains("msal4jextensions") || m.contains("dpapi")) {
                return true;
            }
            if (x.getCause() == x) {
                break;
            }
        }
        return false;
    }

    private static Result interactive(SignInRequest r, String authority, TokenRequestContext ctx, HttpClient http, boolean persist) {
        Path file = recordFile(r.cloud());
        AuthenticationRecord saved = persist ? readRecord(file) : null;
        if (saved != null && r.tenantId() != null && saved.getTenantId() != null && !saved.getTenantId().equalsIgnoreCase(r.tenantId())) {
            saved = null; // signed in to another tenant before
        }
        TokenCachePersistenceOptions cache = persist ? new TokenCachePersistenceOptions().setName(CACHE_NAME) : null;
        AuthenticationRecord[] record = {saved};
        Function<String, TokenCredential> build = t -> r.method() == SignInMethod.BROWSER
                ? browser(r, authority, t, cache, record[0], http) : deviceCode(r, authority, t, cache, record[0], http);
        TokenCredential cred = build.apply(r.tenantId());
        if (saved != null) {
            try {
                cred.getTokenSync(ctx); // silent: from the persistent cache
                LOG.info("signed in silently as the saved account");
                AuthenticationRecord s = saved;
                return new Result(cred, s.getUsername(), s.getTenantId(), build);
            } catch (RuntimeException e) {
                LOG.info("silent sign-in was not possible ({}); asking the user", e.getClass().getSimpleName());
                record[0] = null;
                cred = build.apply(r.tenantId());
            }
        }
        AuthenticationRecord fresh = cred instanceof InteractiveBrowserCredential b ? b.authenticate(ctx).block()
                : ((DeviceCodeCredential) cred).authenticate(ctx).block();
        if (fresh == null) {
            throw new IllegalStateException("The sign-in did not complete");
        }
        if (persist) {
            writeRecord(file, fresh);
        }
        record[0] = fresh;
        return new Result(cred, fresh.getUsername(), fresh.getTenantId(), build);
    }

    private static TokenCredential browser(SignInRequest r, String authority, String tenant, TokenCachePersistenceOptions cache,
            AuthenticationRecord record, HttpClient http) {
        InteractiveBrowserCredentialBuilder b = common(new InteractiveBrowserCredentialBuilder(), r, authority, tenant, http);
        if (cache != null) {
            b.tokenCachePersistenceOptions(cache);
        }
        return (record != null ? b.authenticationRecord(record) : b).build();
    }

    private static TokenCredential deviceCode(SignInRequest r, String authority, String tenant, TokenCachePersistenceOptions cache,
            AuthenticationRecord record, HttpClient http) {
        DeviceCodeCredentialBuilder b = common(new DeviceCodeCredentialBuilder(), r, authority, tenant, http)
                .challengeConsumer(info -> r.deviceCode().accept(new DeviceCodePrompt(info.getUserCode(), info.getVerificationUrl(),
                        info.getExpiresOn() == null ? null : info.getExpiresOn().toInstant(), info.getMessage())));
        if (cache != null) {
            b.tokenCachePersistenceOptions(cache);
        }
        return (record != null ? b.authenticationRecord(record) : b).build();
    }

    /** What the browser and device-code builders share: the authority, our HTTP client, the tenant and client id. */
    private static <B extends AadCredentialBuilderBase<B>> B common(B b, SignInRequest r, String authority, String tenant, HttpClient http) {
        b.authorityHost(authority).httpClient(http);
        if (tenant != null) {
            b.tenantId(tenant);
        }
        if (r.clientId() != null) {
            b.clientId(r.clientId());
        }
        return b;
    }

    private static void require(String v, String what) {
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("A " + what + " is needed for a service principal sign-in");
        }
    }

    // ---- the saved record and the cache -------------------------------------------------------------------------

    static AuthenticationRecord readRecord(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return AuthenticationRecord.deserialize(in);
        } catch (IOException | RuntimeException e) {
            LOG.info("the saved sign-in could not be read ({}); it is ignored", e.getClass().getSimpleName());
            return null;
        }
    }

    /** Writes the record atomically, readable by the owner only. */
    static void writeRecord(Path file, AuthenticationRecord record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        record.serialize(out);
        writeOwnerOnly(file, out.toByteArray());
    }

    static void writeOwnerOnly(Path file, byte[] bytes) {
        try {
            com.gatewaywizard.state.AtomicFiles.write(file, bytes, true);
        } catch (IOException e) {
            throw new UncheckedIOException("The sign-in could not be saved", e);
        }
    }

    /** The files where MSAL's persistent cache named {@value #CACHE_NAME} lives on Windows and Linux. */
    static List<Path> cacheFiles() {
        String home = System.getProperty("user.home");
        String local = System.getenv("LOCALAPPDATA");
        Path base = local != null && !local.isBlank() ? Path.of(local, ".IdentityService") : Path.of(home, ".IdentityService");
        return List.of(base.resolve(CACHE_NAME), base.resolve(CACHE_NAME + ".cae"), base.resolve(CACHE_NAME + ".nocae"));
    }

    /** Sign out: removes the saved record of the cloud and the persistent token cache. */
    static void forget(CloudKind cloud) {
        try {
            Files.deleteIfExists(recordFile(cloud));
        } catch (IOException e) {
            LOG.warn("the saved sign-in could not be removed: {}", e.getClass().getSimpleName());
        }
        for (Path p : cacheFiles()) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                LOG.warn("the token cache could not be removed: {}", e.getClass().getSimpleName());
            }
        }
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac")) {
            for (String account : List.of(CACHE_NAME, CACHE_NAME + ".cae", CACHE_NAME + ".nocae")) {
                try {
                    new ProcessBuilder("security", "delete-generic-password", "-s", "Microsoft.Developer.IdentityService", "-a", account)
                            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
                } catch (IOException e) {
                    LOG.warn("the keychain entry could not be removed: {}", e.getClass().getSimpleName());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** The few claims of an access token we show (never the token). */
    record Claims(String upn, String appId, String tid) {
        static Claims of(String jwt) {
            try {
                String[] parts = jwt.split("\\.");
                JsonNode n = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
                String upn = n.hasNonNull("upn") ? n.get("upn").asText() : n.hasNonNull("unique_name") ? n.get("unique_name").asText()
                        : n.hasNonNull("preferred_username") ? n.get("preferred_username").asText() : null;
                return new Claims(upn, n.path("appid").asText(null), n.path("tid").asText(null));
            } catch (Exception e) {
                return new Claims(null, null, null);
            }
        }

        String account(String fallback) {
            return upn != null ? upn : appId != null ? appId : fallback;
        }

        String tenant(String fallback) {
            return tid != null ? tid : fallback;
        }
    }
}
