package com.gatewaywizard.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/** A JDK websocket client that collects what the console sends, for tests. */
final class WsClient implements WebSocket.Listener {
    private final StringBuilder received = new StringBuilder();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private WebSocket socket;

    static WsClient connect(String uri, SSLContext ssl) throws Exception {
        WsClient c = new WsClient();
        HttpClient.Builder b = HttpClient.newBuilder();
        if (ssl != null) {
            b.sslContext(ssl);
        }
        c.socket = b.build().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5)).buildAsync(URI.create(uri), c).get(5, TimeUnit.SECONDS);
        return c;
    }

    void send(String text) throws Exception {
        socket.sendText(text, true).get(5, TimeUnit.SECONDS);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        synchronized (received) {
            received.append(data);
            received.notifyAll();
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        closed.complete(statusCode);
        synchronized (received) {
            received.notifyAll();
        }
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        closed.completeExceptionally(error);
        synchronized (received) {
            received.notifyAll();
        }
    }

    /** Waits until the received text contains {@code needle}; returns everything received so far. */
    String await(String needle) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        synchronized (received) {
            while (!received.toString().contains(needle) && System.currentTimeMillis() < deadline && !closed.isDone()) {
                received.wait(100);
            }
            return received.toString();
        }
    }

    String text() {
        synchronized (received) {
            return received.toString();
        }
    }

    /** The close code the server sent (waits up to 5 s). */
    int closeCode() throws Exception {
        return closed.get(5, TimeUnit.SECONDS);
    }
}
