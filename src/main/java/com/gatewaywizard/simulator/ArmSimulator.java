package com.gatewaywizard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local stand-in for Azure Resource Manager: a JDK {@link HttpServer} on 127.0.0.1 that answers the ARM calls the
 * Azure SDK and the Azure CLI make for Gateway Wizard (paths, api-versions, status codes, headers and bodies as
 * Azure's, see reference/azure-sdk.md §7), backed by a {@link SimulatedCloud}. Start with {@link #start}; close to stop.
 */
public final class ArmSimulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ArmSimulator.class);
    private static final Pattern API_VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(-(preview|beta|alpha|privatepreview))?");
    /** Container groups per page of a list; more come through {@code nextLink}. */
    static final int PAGE_SIZE = 100;
    public static final String ADMIN_PREFIX = "/_simulator";
    /**
     * The JDK server writes a response's headers and its body separately; with Nagle's algorithm on (its default) the
     * body then waits for the client's delayed ACK of the headers, about 40 ms on every answer over a kept-alive
     * connection. ARM does not do that, so neither does the simulator. The JDK reads this once, when its first server
     * starts: it is set here, before any simulator's, and by the app's launcher and the test set-up before anything.
     */
    public static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

    static {
        noDelay();
    }

    /** Turns Nagle's algorithm off for the JDK's HTTP servers of this process (unless set otherwise already). */
    public static void noDelay() {
        if (System.getProperty(NO_DELAY_PROPERTY) == null) {
            System.setProperty(NO_DELAY_PROPERTY, "true");
        }
    }

    private final SimulatorOptions options;
    private final SimulatedCloud cloud;
    private final HttpServer server;
    private final ExecutorService executor;
    private final ConsoleServer console;
    private final TlsMaterial tls;
    private final String baseUrl;
    private final RequestLog requestLog = new RequestLog();
    private final FaultInjector faults = new FaultInjector();
    private final List<Route> routes = new ArrayList<>();

    private ArmSimulator(SimulatorOptions options) throws IOException {
        this.options = options;
        StateStore store = options.stateFile() == null ? null : new StateStore(options.stateFile());
        World world = store == null ? SeedWorld.build() : store.loadOrSeed();
        this.cloud = new SimulatedCloud(options, store, world);
        if (store != null) {
            store.save(world);
        }
        this.tls = options.tls() ? TlsMaterial.loadOrCreate(options.tlsDir() != null ? options.tlsDir()
                : com.gatewaywizard.AppInfo.dataDir().resolve("simulator-tls"), options.clock()) : null;
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        InetSocketAddress address = new InetSocketAddress(loopback, options.port());
        if (tls != null) {
            HttpsServer https = HttpsServer.create(address, 64);
            https.setHttpsConfigurator(new HttpsConfigurator(tls.serverContext()));
            server = https;
        } else {
            server = HttpServer.create(address, 64);
        }
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "arm-simulator-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        console = new ConsoleServer(cloud, tls == null ? null : tls.serverContext());
        registerRoutes();
        server.start();
        baseUrl = (tls != null ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort();
        cloud.baseUrl(baseUrl);
    }

    /** Starts a simulator. The returned object is running; {@link #close()} stops it. */
    public static ArmSimulator start(SimulatorOptions options) throws IOException {
        return new ArmSimulator(options);
    }

    /** {@code http://127.0.0.1:PORT} (or https), without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    public URI uri() {
        return URI.create(baseUrl);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public SimulatorOptions options() {
        return options;
    }

    public SimulatedCloud cloud() {
        return cloud;
    }

    public RequestLog requestLog() {
        return requestLog;
    }

    /** The PEM file of the CA that signed the HTTPS certificate, or null when serving plain HTTP. */
    public Path caCertificate() {
        return tls == null ? null : tls.caPem();
    }

    /** An SSL context that trusts exactly this simulator's CA (null for plain HTTP). */
    public SSLContext clientSslContext() {
        return tls == null ? null : tls.clientContext();
    }

    @Override
    public void close() {
        server.stop(0);
        console.close();
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- HTTP plumbing ----------------------------------------------------------------------------------------

    /** One request, decoded. {@code segments} are percent-decoded with repeated slashes folded. */
    record Request(String method, String path, List<String> segments, Map<String, String> query, HttpExchange exchange, byte[] body) {
        String apiVersion() {
            return query.get("api-version");
        }

        JsonNode json() {
            return ArmJson.parse(body);
        }

        String header(String name) {
            return exchange.getRequestHeaders().getFirst(name);
        }
    }

    @FunctionalInterface
    interface Handler {
        Reply handle(Request r, Map<String, String> p) throws IOException;
    }

    /** A route: method and a path pattern whose fixed segments match case-insensitively; {x} captures a segment. */
    record Route(String method, String[] pattern, Handler handler, String namespace) {
        Map<String, String> match(List<String> segments) {
            if (segments.size() != pattern.length) {
                return null;
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < pattern.length; i++) {
                String p = pattern[i];
                if (p.startsWith("{")) {
                    params.put(p.substring(1, p.length() - 1), segments.get(i));
                } else if (!p.equalsIgnoreCase(segments.get(i))) {
                    return null;
                }
            }
            return params;
        }
    }

    private void route(String method, String pattern, Handler h) {
        String ns = null;
        String lower = pattern.toLowerCase(Locale.ROOT);
        if (lower.contains("providers/microsoft.containerinstance/")) {
            ns = SimulatedCloud.ACI;
        }
        routes.add(new Route(method, pattern.split("/"), h, ns));
    }

    static List<String> segments(String rawPath) {
        List<String> out = new ArrayList<>();
        for (String s : rawPath.split("/+")) {
            if (!s.isEmpty()) {
                out.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    static Map<String, String> query(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(k.toLowerCase(Locale.ROOT).equals("api-version") ? "api-version" : k, v);
        }
        return out;
    }

    private void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
        URI uri = ex.getRequestURI();
        List<String> segs = segments(uri.getRawPath());
        String path = "/" + String.join("/", segs);
        if (!(path.equals(ADMIN_PREFIX) || path.startsWith(ADMIN_PREFIX + "/"))) {
            requestLog.received();
        }
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readAllBytes();
        }
        Request req = new Request(method, path, segs, query(uri.getRawQuery()), ex, body);
        String requestId = UUID.randomUUID().toString();
        Reply reply;
        try {
            if (path.equals(ADMIN_PREFIX) || path.startsWith(ADMIN_PREFIX + "/")) {
                reply = admin(req);
                send(ex, req, reply, requestId);
                return;
            }
            Reply identity = identity(req);
            if (identity != null) {
                reply = identity;
            } else {
                reply = arm(req);
                if (reply == null) {
                    // dropped connection (flaky scenario): close without an answer
                    requestLog.add(new RequestLog.Entry(cloud.now(), method, path, req.apiVersion(), 0));
                    LOG.debug("{} {} -> dropped", method, path);
                    ex.close();
                    return;
                }
            }
        } catch (ArmException e) {
            reply = new Reply(e.status(), e.toBody(), new LinkedHashMap<>());
            for (String[] h : e.headers()) {
                reply.header(h[0], h[1]);
            }
        } catch (RuntimeException e) {
            LOG.warn("Simulator error on {} {}: {}", method, path, e.toString());
            ArmException err = new ArmException(500, "InternalServerError", "The simulator failed: " + e.getClass().getSimpleName());
            reply = new Reply(500, err.toBody(), new LinkedHashMap<>());
        }
        requestLog.add(new RequestLog.Entry(cloud.now(), method, path, req.apiVersion(), reply.status()));
        LOG.debug("{} {} -> {}", method, path, reply.status());
        send(ex, req, reply, requestId);
    }

    private void send(HttpExchange ex, Request req, Reply reply, String requestId) throws IOException {
        var h = ex.getResponseHeaders();
        h.set("Cache-Control", "no-cache");
        h.set("Pragma", "no-cache");
        h.set("Expires", "-1");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("x-ms-request-id", requestId);
        String correlation = req.header("x-ms-correlation-request-id");
        h.set("x-ms-correlation-request-id", correlation != null ? correlation : requestId);
        String client = req.header("x-ms-client-request-id");
        if (client != null) {
            h.set("x-ms-client-request-id", client);
        }
        h.set("x-ms-routing-request-id", "WESTEUROPE:" + ArmJson.seconds(cloud.now()).replaceAll("[-:]", "") + ":" + requestId);
        if (tls != null) {
            h.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        if (req.method().equals("GET")) {
            h.set("x-ms-ratelimit-remaining-subscription-reads", "11999");
        } else {
            h.set("x-ms-ratelimit-remaining-subscription-writes", "1199");
        }
        reply.headers().forEach(h::set);
        byte[] bytes = reply.body() == null ? new byte[0] : ArmJson.write(reply.body()).getBytes(StandardCharsets.UTF_8);
        if (reply.body() != null) {
            h.set("Content-Type", "application/json; charset=utf-8");
        }
        boolean noBody = reply.status() == 204 || reply.status() == 304 || req.method().equals("HEAD");
        if (noBody) {
            ex.sendResponseHeaders(reply.status(), -1);
        } else {
            ex.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
        ex.close();
    }

    // ---- identity ---------------------------------------------------------------------------------------------

    private Reply identity(Request r) {
        List<String> s = r.segments();
        if (s.size() == 3 && s.get(1).equals(".well-known") && s.get(2).equals("openid-configuration")) {
            return Reply.ok(IdentityEndpoints.openIdConfiguration(baseUrl, "/" + s.get(0)));
        }
        if (s.size() == 4 && s.get(1).equals("v2.0") && s.get(2).equals(".well-known") && s.get(3).equals("openid-configuration")) {
            return Reply.ok(IdentityEndpoints.openIdConfiguration(baseUrl, "/" + s.get(0) + "/v2.0"));
        }
        if (s.size() >= 3 && s.get(1).equals("discovery") && s.get(s.size() - 1).equals("keys")) {
            ObjectNode keys = ArmJson.object();
            keys.putArray("keys");
            return Reply.ok(keys);
        }
        boolean v1Token = s.size() == 3 && s.get(1).equals("oauth2") && s.get(2).equals("token");
        boolean v2Token = s.size() == 4 && s.get(1).equals("oauth2") && s.get(2).equals("v2.0") && s.get(3).equals("token");
        if ((v1Token || v2Token) && r.method().equals("POST")) {
            Map<String, String> form = IdentityEndpoints.parseForm(new String(r.body(), StandardCharsets.UTF_8));
            return Reply.ok(IdentityEndpoints.token(baseUrl, s.get(0), form, cloud.now(), options.tokenLifetime().toSeconds()));
        }
        if (s.size() == 2 && s.get(0).equalsIgnoreCase("metadata") && s.get(1).equalsIgnoreCase("endpoints")) {
            Object m = IdentityEndpoints.metadata(baseUrl, r.apiVersion());
            return Reply.ok((JsonNode) m);
        }
        return null;
    }

    // ---- ARM --------------------------------------------------------------------------------------------------

    private Reply arm(Request r) throws IOException {
        String auth = r.header("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7) || auth.substring(7).isBlank()) {
            throw new ArmException(401, "AuthenticationFailed", auth == null
                    ? "Authentication failed. The 'Authorization' header is missing."
                    : "Authentication failed. The 'Authorization' header is not a bearer token.")
                    .withHeader("WWW-Authenticate", "Bearer authorization_uri=\"" + baseUrl + "/adfs\", error=\"invalid_token\", "
                            + "error_description=\"The authentication failed because of missing 'Authorization' header.\"");
        }
        long expiry = IdentityEndpoints.expiry(auth.substring(7).trim());
        long now = cloud.now() / 1000;
        if (expiry >= 0 && now >= expiry) {
            // ARM's answer to an expired token (the client is expected to get a new one and send the request again).
            String message = "The access token expiry UTC time '" + IdentityEndpoints.armTime(expiry)
                    + "' is earlier than current UTC time '" + IdentityEndpoints.armTime(now) + "'.";
            throw new ArmException(401, "ExpiredAuthenticationToken", message).withHeader("WWW-Authenticate",
                    "Bearer authorization_uri=\"" + baseUrl + "/" + SeedWorld.TENANT + "\", error=\"invalid_token\", error_description=\""
                            + message + "\"");
        }
        String apiVersion = r.apiVersion();
        if (apiVersion == null || apiVersion.isEmpty()) {
            throw ArmException.badRequest("MissingApiVersionParameter",
                    "The api-version query parameter (?api-version=) is required for all requests.");
        }
        if (!API_VERSION.matcher(apiVersion).matches()) {
            throw ArmException.badRequest("InvalidApiVersionParameter", "The api-version '" + apiVersion
                    + "' is invalid. The supported versions are '2025-04-01,2024-05-01-preview,2023-05-01,2022-12-01,2018-06-01'.");
        }
        switch (faults.next(cloud.scenario())) {
            case THROTTLE:
                throw new ArmException(429, "SubscriptionRequestsThrottled", "Number of '" + (r.method().equals("GET") ? "read" : "write")
                        + "' requests for subscription actor exceeded. Please try again after '1' seconds after additional '1' requests. "
                        + "Please see https://aka.ms/arm-throttling for how to handle these errors.").withHeader("Retry-After", "1");
            case SERVER_ERROR:
                throw new ArmException(500, "InternalServerError", "Encountered internal server error. Diagnostic information: timestamp '"
                        + ArmJson.seconds(cloud.now()) + "', tracking id '" + UUID.randomUUID() + "'.");
            case DROP:
                return null;
            default:
                break;
        }
        boolean pathMatched = false;
        for (Route route : routes) {
            Map<String, String> p = route.match(r.segments());
            if (p == null) {
                continue;
            }
            pathMatched = true;
            if (!route.method().equals(r.method()) && !(route.method().equals("GET") && r.method().equals("HEAD"))) {
                continue;
            }
            if (route.namespace() != null && p.containsKey("sub")) {
                cloud.requireRegistered(p.get("sub"), route.namespace());
            }
            return route.handler().handle(r, p);
        }
        if (pathMatched) {
            throw new ArmException(405, "MethodNotAllowed", "The HTTP method '" + r.method() + "' is not supported at scope '" + r.path() + "'.");
        }
        throw ArmException.notFound("The requested path '" + r.path() + "' was not found.");
    }

    private static final String RG = "subscriptions/{sub}/resourcegroups/{rg}";
    private static final String CG = RG + "/providers/Microsoft.ContainerInstance/containerGroups/{name}";
    private static final String NET = RG + "/providers/Microsoft.Network";

    private void registerRoutes() {
        route("GET", "subscriptions", (r, p) -> Reply.ok(cloud.subscriptions()));
        route("GET", "subscriptions/{sub}", (r, p) -> Reply.ok(cloud.subscription(p.get("sub"))));
        route("GET", "tenants", (r, p) -> Reply.ok(cloud.tenants()));
        route("GET", "subscriptions/{sub}/locations", (r, p) -> Reply.ok(cloud.locations(p.get("sub"))));
        route("GET", "subscriptions/{sub}/resourcegroups", (r, p) -> Reply.ok(cloud.resourceGroups(p.get("sub"))));
        route("GET", RG, (r, p) -> r.method().equals("HEAD")
                ? headResourceGroup(p) : Reply.ok(cloud.resourceGroup(p.get("sub"), p.get("rg"))));
        route("PUT", RG, (r, p) -> cloud.putResourceGroup(p.get("sub"), p.get("rg"), r.json()));
        route("GET", "subscriptions/{sub}/providers", (r, p) -> Reply.ok(cloud.providers(p.get("sub"))));
        route("GET", "subscriptions/{sub}/providers/{ns}", (r, p) -> Reply.ok(cloud.provider(p.get("sub"), p.get("ns"))));
        route("POST", "subscriptions/{sub}/providers/{ns}/register", (r, p) -> Reply.ok(cloud.registerProvider(p.get("sub"), p.get("ns"))));

        // Network
        route("GET", "subscriptions/{sub}/providers/Microsoft.Network/virtualNetworks",
                (r, p) -> Reply.ok(cloud.virtualNetworks(p.get("sub"), null)));
        route("GET", NET + "/virtualNetworks", (r, p) -> Reply.ok(cloud.virtualNetworks(p.get("sub"), p.get("rg"))));
        route("GET", NET + "/virtualNetworks/{vnet}", (r, p) -> Reply.ok(cloud.virtualNetwork(p.get("sub"), p.get("rg"), p.get("vnet"))));
        route("PUT", NET + "/virtualNetworks/{vnet}",
                (r, p) -> cloud.putVirtualNetwork(p.get("sub"), p.get("rg"), p.get("vnet"), r.json(), r.apiVersion()));
        route("GET", NET + "/virtualNetworks/{vnet}/subnets", (r, p) -> {
            JsonNode v = cloud.virtualNetwork(p.get("sub"), p.get("rg"), p.get("vnet"));
            ObjectNode list = ArmJson.object();
            list.set("value", v.path("properties").path("subnets").deepCopy());
            return Reply.ok(list);
        });
        route("GET", NET + "/virtualNetworks/{vnet}/subnets/{subnet}",
                (r, p) -> Reply.ok(cloud.subnet(p.get("sub"), p.get("rg"), p.get("vnet"), p.get("subnet"))));
        route("PUT", NET + "/virtualNetworks/{vnet}/subnets/{subnet}",
                (r, p) -> cloud.putSubnet(p.get("sub"), p.get("rg"), p.get("vnet"), p.get("subnet"), r.json(), r.apiVersion()));
        route("GET", NET + "/networkSecurityGroups/{nsg}",
                (r, p) -> Reply.ok(cloud.networkSecurityGroup(p.get("sub"), p.get("rg"), p.get("nsg"))));
        route("PUT", NET + "/networkSecurityGroups/{nsg}",
                (r, p) -> cloud.putNetworkSecurityGroup(p.get("sub"), p.get("rg"), p.get("nsg"), r.json(), r.apiVersion()));
        route("GET", "subscriptions/{sub}/providers/Microsoft.Network/locations/{loc}/operations/{id}",
                (r, p) -> cloud.operationStatus(p.get("sub"), "Microsoft.Network", p.get("loc"), p.get("id")));

        // Container instances
        route("GET", "subscriptions/{sub}/providers/Microsoft.ContainerInstance/containerGroups",
                (r, p) -> page(r, cloud.listContainerGroups(p.get("sub"), null, r.apiVersion())));
        route("GET", RG + "/providers/Microsoft.ContainerInstance/containerGroups",
                (r, p) -> page(r, cloud.listContainerGroups(p.get("sub"), p.get("rg"), r.apiVersion())));
        route("GET", CG, (r, p) -> Reply.ok(cloud.getContainerGroup(p.get("sub"), p.get("rg"), p.get("name"), r.apiVersion())));
        route("PUT", CG, (r, p) -> cloud.putContainerGroup(p.get("sub"), p.get("rg"), p.get("name"), r.json(), r.apiVersion()));
        route("PATCH", CG, (r, p) -> Reply.ok(cloud.patchContainerGroup(p.get("sub"), p.get("rg"), p.get("name"), r.json(), r.apiVersion())));
        route("DELETE", CG, (r, p) -> cloud.deleteContainerGroup(p.get("sub"), p.get("rg"), p.get("name"), r.apiVersion()));
        route("POST", CG + "/start", (r, p) -> cloud.start(p.get("sub"), p.get("rg"), p.get("name")));
        route("POST", CG + "/stop", (r, p) -> cloud.stop(p.get("sub"), p.get("rg"), p.get("name")));
        route("POST", CG + "/restart", (r, p) -> cloud.restart(p.get("sub"), p.get("rg"), p.get("name")));
        route("GET", CG + "/containers/{container}/logs", (r, p) -> Reply.ok(cloud.logs(p.get("sub"), p.get("rg"), p.get("name"),
                p.get("container"), intParam(r, "tail"), "true".equalsIgnoreCase(r.query().get("timestamps")))));
        route("POST", CG + "/containers/{container}/exec", (r, p) -> console(r, p, false));
        route("POST", CG + "/containers/{container}/attach", (r, p) -> console(r, p, true));
        route("GET", "subscriptions/{sub}/providers/Microsoft.ContainerInstance/locations/{loc}/capabilities",
                (r, p) -> Reply.ok(cloud.capabilities(p.get("sub"), p.get("loc"))));
        route("GET", "subscriptions/{sub}/providers/Microsoft.ContainerInstance/locations/{loc}/usages",
                (r, p) -> Reply.ok(cloud.usages(p.get("sub"), p.get("loc"))));
        route("GET", "subscriptions/{sub}/providers/Microsoft.ContainerInstance/locations/{loc}/operations/{id}",
                (r, p) -> cloud.operationStatus(p.get("sub"), SimulatedCloud.ACI, p.get("loc"), p.get("id")));
        route("GET", RG + "/providers/Microsoft.ContainerInstance/locations/{loc}/operations/{id}",
                (r, p) -> cloud.operationStatus(p.get("sub"), SimulatedCloud.ACI, p.get("loc"), p.get("id")));
    }

    private Reply headResourceGroup(Map<String, String> p) {
        cloud.resourceGroup(p.get("sub"), p.get("rg"));
        return Reply.noContent();
    }

    private static Integer intParam(Request r, String name) {
        String v = r.query().get(name);
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw ArmException.badRequest("InvalidParameter", "The value '" + v + "' of query parameter '" + name + "' is not an integer.");
        }
    }

    /** Pages a list: {@value #PAGE_SIZE} items per page and a {@code nextLink} with a skip token, as ARM does. */
    private Reply page(Request r, List<ObjectNode> items) {
        int skip = 0;
        String token = r.query().get("$skipToken");
        if (token != null) {
            try {
                skip = Math.max(0, Integer.parseInt(token));
            } catch (NumberFormatException e) {
                throw ArmException.badRequest("InvalidSkipToken", "The skip token '" + token + "' is invalid.");
            }
        }
        ObjectNode root = ArmJson.object();
        ArrayNode value = root.putArray("value");
        int end = Math.min(items.size(), skip + PAGE_SIZE);
        for (int i = skip; i < end; i++) {
            value.add(items.get(i));
        }
        if (end < items.size()) {
            root.put("nextLink", baseUrl + r.path() + "?api-version=" + r.apiVersion() + "&$skipToken=" + end);
        }
        return Reply.ok(root);
    }

    private Reply console(Request r, Map<String, String> p, boolean attach) {
        JsonNode body = r.json();
        SimulatedCloud.ConsoleTarget target = cloud.consoleTarget(p.get("sub"), p.get("rg"), p.get("name"), p.get("container"), body, attach);
        int rows = body == null ? 24 : body.path("terminalSize").path("rows").asInt(24);
        int cols = body == null ? 80 : body.path("terminalSize").path("cols").asInt(80);
        ConsoleServer.Grant grant = console.open(target, attach, rows, cols);
        ObjectNode o = ArmJson.object();
        o.put("webSocketUri", grant.uri());
        o.put("password", grant.password());
        return Reply.ok(o);
    }

    // ---- admin ------------------------------------------------------------------------------------------------

    private Reply admin(Request r) {
        List<String> s = r.segments();
        String what = s.size() > 1 ? s.get(1) : "";
        switch (what) {
            case "health": {
                ObjectNode o = ArmJson.object();
                o.put("status", "ok");
                o.put("baseUrl", baseUrl);
                o.put("scenario", cloud.scenario().cliName());
                o.put("speed", options.speed());
                o.put("tls", tls != null);
                return Reply.ok(o);
            }
            case "scenario": {
                if (r.method().equals("POST") || r.method().equals("PUT")) {
                    String name = r.query().get("name");
                    if (name == null) {
                        JsonNode b = r.json();
                        name = b == null ? null : ArmJson.text(b, "scenario");
                    }
                    String wanted = name;
                    Scenario sc = Scenario.parse(name).orElseThrow(() -> ArmException.badRequest("InvalidScenario",
                            "Unknown scenario '" + wanted + "'. Known: " + Scenario.names() + "."));
                    cloud.setScenario(sc);
                }
                ObjectNode o = ArmJson.object();
                o.put("scenario", cloud.scenario().cliName());
                ArrayNode all = o.putArray("available");
                for (Scenario sc : Scenario.values()) {
                    all.addObject().put("name", sc.cliName()).put("description", sc.description());
                }
                return Reply.ok(o);
            }
            case "requests": {
                if (r.method().equals("DELETE")) {
                    requestLog.clear();
                    return Reply.noContent();
                }
                ObjectNode o = ArmJson.object();
                ArrayNode arr = o.putArray("requests");
                for (RequestLog.Entry e : requestLog.entries()) {
                    ObjectNode x = arr.addObject();
                    x.put("time", ArmJson.millis(e.at()));
                    x.put("method", e.method());
                    x.put("path", e.path());
                    if (e.apiVersion() != null) {
                        x.put("apiVersion", e.apiVersion());
                    }
                    x.put("status", e.status());
                }
                return Reply.ok(o);
            }
            case "last-put": {
                // /_simulator/last-put/{subscription}/{resourceGroup}/{name}
                if (s.size() != 5) {
                    throw ArmException.badRequest("InvalidRequest", "Use " + ADMIN_PREFIX + "/last-put/{subscription}/{resourceGroup}/{name}.");
                }
                JsonNode body = cloud.lastPutBody(s.get(2), s.get(3), s.get(4));
                if (body == null) {
                    throw ArmException.notFound("No PUT recorded for container group '" + s.get(4) + "'.");
                }
                return Reply.ok(SecretDigests.digested(body)); // secrets as digests: comparable, not readable
            }
            case "reset": {
                if (!r.method().equals("POST")) {
                    throw new ArmException(405, "MethodNotAllowed", "Use POST to reset the world.");
                }
                cloud.reset();
                requestLog.clear();
                return Reply.noContent();
            }
            default:
                throw ArmException.notFound("Unknown admin endpoint '" + r.path() + "'. Known: health, scenario, requests, last-put, reset.");
        }
    }
}
