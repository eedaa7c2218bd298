package com.gatewaywizard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Raw HTTP calls to a simulator, for tests that check status codes, headers and bodies exactly. */
final class Arm {
    static final String CG_API = "2023-05-01";
    static final String P = "/subscriptions/" + SeedWorld.PRODUCTION;
    static final String RGP = P + "/resourceGroups/" + SeedWorld.RESOURCE_GROUP;

    record Res(int status, HttpHeaders headers, String text) {
        JsonNode json() {
            try {
                return text.isEmpty() ? null : ArmJson.MAPPER.readTree(text);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("not JSON: " + text, e);
            }
        }

        String code() {
            return json().path("error").path("code").asText();
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private final ArmSimulator sim;
    private final HttpClient http;

    Arm(ArmSimulator sim) {
        this.sim = sim;
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (sim.clientSslContext() != null) {
            b.sslContext(sim.clientSslContext());
        }
        this.http = b.build();
    }

    static String cg(String name) {
        return RGP + "/providers/Microsoft.ContainerInstance/containerGroups/" + name;
    }

    static String q(String path, String apiVersion) {
        return path + (path.contains("?") ? "&" : "?") + "api-version=" + apiVersion;
    }

    Res send(String method, String pathAndQuery, Object body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(pathAndQuery.startsWith("http") ? pathAndQuery : sim.baseUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer test-token");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.setHeader(headers[i], headers[i + 1]);
        }
        String json = body == null ? null : body instanceof String s ? s : ArmJson.write((JsonNode) body);
        HttpRequest.BodyPublisher pub = json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json);
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, pub);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Res(r.statusCode(), r.headers(), r.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Res get(String path) {
        return send("GET", path, null);
    }

    Res put(String path, JsonNode body) {
        return send("PUT", path, body);
    }

    Res post(String path) {
        return send("POST", path, null);
    }

    Res delete(String path) {
        return send("DELETE", path, null);
    }

    Res putGroup(String name, JsonNode body) {
        return put(q(cg(name), CG_API), body);
    }

    Res getGroup(String name) {
        return get(q(cg(name), CG_API));
    }

    /** The (absolute) Azure-AsyncOperation of a response, polled once. */
    Res poll(Res accepted) {
        return get(accepted.header("Azure-AsyncOperation"));
    }
}
