package com.gatewaywizard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What a client needs to "log in" to the simulator: OpenID discovery (ADFS style at {@code /adfs}, as the Azure
 * CLI uses for a registered cloud, and AAD v2 style per tenant), a token endpoint that hands out an unsigned
 * dummy JWT for any credentials, and {@code /metadata/endpoints} for {@code az cloud register}.
 */
final class IdentityEndpoints {
    private IdentityEndpoints() {
    }

    static ObjectNode openIdConfiguration(String base, String authority) {
        String issuer = base + authority;
        String tokenPath = authority.equals("/adfs") ? "/oauth2/token" : "/oauth2/v2.0/token";
        ObjectNode o = ArmJson.object();
        o.put("issuer", issuer);
        o.put("authorization_endpoint", issuer + (authority.equals("/adfs") ? "/oauth2/authorize" : "/oauth2/v2.0/authorize"));
        o.put("token_endpoint", issuer + tokenPath);
        o.put("device_authorization_endpoint", issuer + (authority.equals("/adfs") ? "/oauth2/devicecode" : "/oauth2/v2.0/devicecode"));
        o.put("jwks_uri", issuer + "/discovery/keys");
        o.put("end_session_endpoint", issuer + "/oauth2/logout");
        arr(o, "response_types_supported", "code", "id_token", "code id_token", "token id_token", "token");
        arr(o, "response_modes_supported", "query", "fragment", "form_post");
        arr(o, "grant_types_supported", "authorization_code", "refresh_token", "client_credentials", "password",
                "urn:ietf:params:oauth:grant-type:device_code");
        arr(o, "subject_types_supported", "pairwise");
        arr(o, "scopes_supported", "openid", "profile", "email", "offline_access");
        arr(o, "id_token_signing_alg_values_supported", "RS256");
        arr(o, "token_endpoint_auth_methods_supported", "client_secret_post", "client_secret_basic", "private_key_jwt");
        arr(o, "claims_supported", "sub", "iss", "aud", "exp", "iat", "nbf", "tid", "oid", "upn", "name");
        o.put("tenant_region_scope", "WW");
        return o;
    }

    private static void arr(ObjectNode o, String field, String... values) {
        ArrayNode a = o.putArray(field);
        for (String v : values) {
            a.add(v);
        }
    }

    static Map<String, String> parseForm(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return out;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    /**
     * A token response for any credentials. The access token is an unsigned JWT (alg none) with the usual claims,
     * valid for {@code lifetimeSeconds} from {@code nowMillis} (the simulator's clock).
     */
    static ObjectNode token(String base, String tenant, Map<String, String> form, long nowMillis, long lifetimeSeconds) {
        long now = nowMillis / 1000;
        String scope = form.getOrDefault("scope", form.getOrDefault("resource", base + "/.default"));
        String audience = scope.split(" ")[0].replaceFirst("/?\\.default$", "").replaceFirst("//$", "/");
        String clientId = form.getOrDefault("client_id", "04b07795-8ddb-461a-bbee-02f9e1bf7b46");
        String grant = form.getOrDefault("grant_type", "client_credentials");
        String tid = tenant == null || tenant.equals("adfs") || tenant.equals("organizations") || tenant.equals("common")
                ? SeedWorld.TENANT : tenant;
        ObjectNode claims = ArmJson.object();
        claims.put("aud", audience);
        claims.put("iss", base + "/" + tid + "/");
        claims.put("iat", now);
        claims.put("nbf", now);
        claims.put("exp", now + lifetimeSeconds);
        claims.put("appid", clientId);
        claims.put("tid", tid);
        boolean user = !grant.equals("client_credentials");
        String oid = SeedWorld.stableGuid((user ? "user-" : "app-") + clientId + form.getOrDefault("username", ""));
        claims.put("oid", oid);
        claims.put("sub", oid);
        claims.put("idtyp", user ? "user" : "app");
        if (user) {
            String upn = form.getOrDefault("username", "trainer@" + SeedWorld.TENANT_DOMAIN);
            claims.put("upn", upn);
            claims.put("unique_name", upn);
            claims.put("name", "Simulator User");
        }
        claims.put("ver", "1.0");
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String jwt = b64.encodeToString("{\"typ\":\"JWT\",\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(ArmJson.write(claims).getBytes(StandardCharsets.UTF_8)) + ".";
        ObjectNode o = ArmJson.object();
        o.put("token_type", "Bearer");
        o.put("scope", scope);
        o.put("expires_in", lifetimeSeconds);
        o.put("ext_expires_in", lifetimeSeconds);
        o.put("expires_on", String.valueOf(now + lifetimeSeconds));
        o.put("not_before", String.valueOf(now));
        o.put("resource", audience);
        o.put("access_token", jwt);
        if (user) {
            o.put("refresh_token", "simulator-refresh-" + UUID.randomUUID());
        }
        return o;
    }

    /**
     * The expiry (epoch seconds) of an access token this simulator issued, or -1 when the token is not one of its
     * JWTs (e.g. the fixed {@code simulator} token of the built-in sign-in, which never expires).
     */
    static long expiry(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return -1;
        }
        try {
            JsonNode claims = ArmJson.parse(Base64.getUrlDecoder().decode(parts[1]));
            JsonNode exp = claims == null ? null : claims.get("exp");
            return exp != null && exp.canConvertToLong() ? exp.asLong() : -1;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** ARM's timestamps in its token errors: {@code 8/17/2017 10:54:41 PM} (UTC). */
    static String armTime(long epochSeconds) {
        return java.time.format.DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", java.util.Locale.US)
                .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.ofEpochSecond(epochSeconds));
    }

    /** {@code GET /metadata/endpoints}: the 2015-01-01 shape az uses to fill in a registered cloud's endpoints. */
    static Object metadata(String base, String apiVersion) {
        if (apiVersion != null && apiVersion.compareTo("2019-05-01") >= 0) {
            ArrayNode clouds = ArmJson.array();
            ObjectNode c = clouds.addObject();
            c.put("portal", base + "/portal");
            ObjectNode auth = c.putObject("authentication");
            auth.put("loginEndpoint", base + "/adfs");
            auth.putArray("audiences").add(base + "/");
            auth.put("tenant", "adfs");
            auth.put("identityProvider", "ADFS");
            c.put("media", base + "/media");
            c.put("graphAudience", base + "/graph/");
            c.put("graph", base + "/graph/");
            c.put("name", "GatewayWizardSimulator");
            ObjectNode suffixes = c.putObject("suffixes");
            suffixes.put("storage", "core.windows.net");
            suffixes.put("keyVaultDns", "vault.azure.net");
            suffixes.put("acrLoginServer", "azurecr.io");
            c.put("resourceManager", base + "/");
            c.put("gallery", base + "/gallery/");
            return clouds;
        }
        ObjectNode o = ArmJson.object();
        o.put("galleryEndpoint", base + "/gallery/");
        o.put("graphEndpoint", base + "/graph/");
        o.put("portalEndpoint", base + "/portal/");
        ObjectNode auth = o.putObject("authentication");
        auth.put("loginEndpoint", base + "/adfs");
        auth.putArray("audiences").add(base + "/");
        return o;
    }
}
