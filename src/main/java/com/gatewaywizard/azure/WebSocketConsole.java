package com.gatewaywizard.azure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exec websocket of a container (azure-cli's protocol): the password is the first text frame, then input is sent
 * as text frames; output arrives as text or binary frames and is handed on as text. ACI's exec has no resize message,
 * so {@link #resize} only changes the size asked for when the next console is opened.
 */
final class WebSocketConsole implements ConsoleSession {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketConsole.class);

    private final Consumer<String> output;
    private final Runnable onClosed;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private volatile WebSocket socket;
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
    private volatile int rows;
    private volatile int cols;

    private WebSocketConsole(Consumer<String> output, Runnable onClosed) {
        this.output = output == null ? s -> { } : output;
        this.onClosed = onClosed == null ? () -> { } : onClosed;
    }

    static WebSocketConsole open(String uri, String password, SSLContext ssl, Consumer<String> output, Runnable onClosed) {
        WebSocketConsole console = new WebSocketConsole(output, onClosed);
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20));
        if (ssl != null) {
            b.sslContext(ssl);
        }
        try {
            console.socket = b.build().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(20))
                    .buildAsync(URI.create(uri), console.new Listener()).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("cancelled");
        } catch (Exception e) {
            throw new java.io.UncheckedIOException(new java.io.IOException("The console connection could not be opened ("
                    + e.getClass().getSimpleName() + ")"));
        }
        console.sendText(password);
        return console;
    }

    private synchronized void sendText(String text) {
        if (closed.get()) {
            return;
        }
        WebSocket ws = socket;
        // One frame at a time: the JDK refuses a send while the previous one is pending.
        sending = sending.handle((r, e) -> null).thenCompose(x -> ws.sendText(text, true));
    }

    @Override
    public void send(String text) {
        if (text != null && !text.isEmpty()) {
            sendText(text);
        }
    }

    @Override
    public void interrupt() {
        sendText("\u0003");
    }

    @Override
    public void resize(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
    }

    int[] size() {
        return new int[] {rows, cols};
    }

    @Override
    public boolean isOpen() {
        return !closed.get();
    }

    @Override
    public void close() {
        WebSocket ws = socket;
        if (ws != null && !closed.get()) {
            synchronized (this) {
                sending = sending.handle((r, e) -> null).thenCompose(x -> ws.sendClose(WebSocket.NORMAL_CLOSURE, ""));
            }
            try {
                sending.get(2, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                ws.abort();
            }
        }
        finished();
    }

    private void finished() {
        if (closed.compareAndSet(false, true)) {
            try {
                onClosed.run();
            } catch (RuntimeException e) {
                LOG.warn("console close handler failed: {}", e.getClass().getSimpleName());
            }
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                deliver(text.toString());
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            CharBuffer out = CharBuffer.allocate(data.remaining() * 2 + 4);
            decoder.decode(data, out, false);
            out.flip();
            if (out.hasRemaining()) {
                deliver(out.toString());
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            finished();
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            LOG.info("console connection ended: {}", error.getClass().getSimpleName());
            finished();
        }

        private void deliver(String s) {
            try {
                output.accept(s);
            } catch (RuntimeException e) {
                LOG.warn("console output handler failed: {}", e.getClass().getSimpleName());
            }
        }
    }
}
