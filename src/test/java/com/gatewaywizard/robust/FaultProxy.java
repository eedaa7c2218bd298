package com.gatewaywizard.robust;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP hop between the Azure SDK and the simulator that injects network faults the simulator itself has no
 * scenario for: every request slowed down, requests that hang until released, persistent 500s, dropped
 * connections, and the upstream gone (the simulator stopped). Absolute URLs in response headers
 * ({@code Azure-AsyncOperation}, {@code Location}) are rewritten to the proxy, so polling goes through it too.
 * Counts what it saw, so tests can assert there is no hammering.
 */
final class FaultProxy implements AutoCloseable {
    enum Mode { PASS, ERROR_500, THROTTLE, DROP, HANG }

    /** One request as the proxy saw it: time (ms since start), method, path, what the proxy answered. */
    record Seen(long at, String method, String path, String outcome) {
    }

    private static final Set<String> HOP_HEADERS = Set.of("connection", "content-length", "host", "upgrade", "http2-settings",
            "transfer-encoding", "keep-alive", "te", "trailer", "expect");

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final long started = System.currentTimeMillis();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile String upstream;
    private volatile Mode mode = Mode.PASS;
    private volatile long delayMs;
    private volatile CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger hanging = new AtomicInteger();

    FaultProxy(String upstreamBaseUrl) throws IOException {
        this.upstream = strip(upstreamBaseUrl);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    URI uri() {
        return URI.create(baseUrl());
    }

    void upstream(String baseUrl) {
        this.upstream = strip(baseUrl);
    }

    void mode(Mode m) {
        if (m == Mode.HANG) {
            release = new CountDownLatch(1);
        } else {
            release.countDown();
        }
        mode = m;
    }

    /** Every answer is held back this long (a slow network or an overloaded server). */
    void delay(Duration d) {
        delayMs = d.toMillis();
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    long count(String method, String pathPart) {
        return seen.stream().filter(s -> s.method().equals(method) && s.path().contains(pathPart)).count();
    }

    void clear() {
        seen.clear();
    }

    int hanging() {
        return hanging.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getRawPath();
        long at = System.currentTimeMillis() - started;
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readAllBytes();
        }
        Mode m = mode;
        try {
            if (delayMs > 0) {
                Thread.sleep(delayMs);
            }
            switch (m) {
                case HANG -> {
                    seen.add(new Seen(at, method, path, "hang"));
                    hanging.incrementAndGet();
                    try {
                        release.await(5, TimeUnit.MINUTES);
                    } finally {
                        hanging.decrementAndGet();
                    }
                    ex.close();
                    return;
                }
                case DROP -> {
                    seen.add(new Seen(at, method, path, "drop"));
                    ex.close();
                    return;
                }
                case THROTTLE -> {
                    seen.add(new Seen(at, method, path, "429"));
                    byte[] err = ("{\"error\":{\"code\":\"SubscriptionRequestsThrottled\",\"message\":\"Number of requests for"
                            + " subscription actor exceeded. Please try again after '1' seconds.\"}}").getBytes(StandardCharsets.UTF_8);
                    ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
                    ex.getResponseHeaders().set("Retry-After", "1");
                    ex.sendResponseHeaders(429, err.length);
                    try (OutputStream out = ex.getResponseBody()) {
                        out.write(err);
                    }
                    return;
                }
                case ERROR_500 -> {
                    seen.add(new Seen(at, method, path, "500"));
                    byte[] err = ("{\"error\":{\"code\":\"InternalServerError\",\"message\":\"Encountered internal server error."
                            + " (injected by the test proxy)\"}}").getBytes(StandardCharsets.UTF_8);
                    ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
                    ex.sendResponseHeaders(500, err.length);
                    try (OutputStream out = ex.getResponseBody()) {
                        out.write(err);
                    }
                    return;
                }
                default -> forward(ex, method, path, body, at);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ex.close();
        }
    }

    private void forward(HttpExchange ex, String method, String path, byte[] body, long at) throws IOException, InterruptedException {
        String query = ex.getRequestURI().getRawQuery();
        HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(upstream + path + (query == null ? "" : "?" + query)))
                .timeout(Duration.ofSeconds(30))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        ex.getRequestHeaders().forEach((k, vs) -> {
            if (!HOP_HEADERS.contains(k.toLowerCase())) {
                vs.forEach(v -> rb.header(k, v));
            }
        });
        HttpResponse<byte[]> r;
        try {
            r = client.send(rb.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            // the simulator is down: the client sees its connection dropped, as with a dead server behind a balancer
            seen.add(new Seen(at, method, path, "upstream down"));
            ex.close();
            return;
        }
        seen.add(new Seen(at, method, path, String.valueOf(r.statusCode())));
        String up = upstream;
        r.headers().map().forEach((k, vs) -> {
            if (!HOP_HEADERS.contains(k.toLowerCase()) && !k.startsWith(":")) {
                for (String v : vs) {
                    ex.getResponseHeaders().add(k, v.replace(up, baseUrl()));
                }
            }
        });
        byte[] out = r.body();
        boolean noBody = out.length == 0 || r.statusCode() == 204 || method.equals("HEAD");
        ex.sendResponseHeaders(r.statusCode(), noBody ? -1 : out.length);
        if (!noBody) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(out);
            }
        } else {
            ex.close();
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        pool.shutdownNow();
    }
}
