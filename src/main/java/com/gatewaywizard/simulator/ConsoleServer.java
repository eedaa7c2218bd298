package com.gatewaywizard.simulator;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The websocket endpoint that exec and attach URIs point to: a minimal RFC 6455 server on a plain (or TLS)
 * {@link ServerSocket} on 127.0.0.1, because the JDK has a websocket client but no server. As with ACI, the client
 * must send the one-time password as its first message. Exec then talks to a small line-oriented shell (or runs
 * a single command and closes); attach streams the container's output as it grows.
 */
final class ConsoleServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleServer.class);
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    /** A grant must be used within this time, and only once. */
    static final long GRANT_TTL_MILLIS = 5 * 60_000;
    private static final int MAX_FRAME = 1 << 20;

    /** What exec/attach answer: where to connect and the password to send first. */
    record Grant(String uri, String password) {
    }

    private record Session(SimulatedCloud.ConsoleTarget target, boolean attach, int rows, int cols, String password, long expires) {
    }

    private final SimulatedCloud cloud;
    private final ServerSocket server;
    private final ExecutorService pool;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final String scheme;
    private volatile boolean closed;

    ConsoleServer(SimulatedCloud cloud, SSLContext tls) throws IOException {
        this.cloud = cloud;
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        this.server = tls == null ? new ServerSocket(0, 50, loopback) : tls.getServerSocketFactory().createServerSocket(0, 50, loopback);
        this.scheme = tls == null ? "ws" : "wss";
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "arm-simulator-console-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.execute(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    Grant open(SimulatedCloud.ConsoleTarget target, boolean attach, int rows, int cols) {
        String id = UUID.randomUUID().toString();
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessions.put(id, new Session(target, attach, rows, cols, password, System.currentTimeMillis() + GRANT_TTL_MILLIS));
        String uri = scheme + "://127.0.0.1:" + port() + (attach ? "/attachstream" : "/execstream") + "/sessionId/" + id
                + "?api-version=1.0&rows=" + rows + "&cols=" + cols;
        return new Grant(uri, password);
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        pool.shutdownNow();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true); // keystrokes and their echo are small writes: no 40 ms Nagle wait on each
                pool.execute(() -> serve(s));
            } catch (IOException e) {
                if (!closed) {
                    LOG.debug("console accept failed: {}", e.toString());
                }
            }
        }
    }

    // ---- one connection ---------------------------------------------------------------------------------------

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(0);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            String requestLine = readLine(in);
            Map<String, String> headers = new java.util.HashMap<>();
            for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
                int c = line.indexOf(':');
                if (c > 0) {
                    headers.put(line.substring(0, c).trim().toLowerCase(Locale.ROOT), line.substring(c + 1).trim());
                }
            }
            String[] parts = requestLine == null ? new String[0] : requestLine.split(" ");
            String key = headers.get("sec-websocket-key");
            if (parts.length < 2 || !parts[0].equals("GET") || key == null || !"websocket".equalsIgnoreCase(headers.get("upgrade"))) {
                httpError(out, 400, "Bad Request", "expected a websocket upgrade");
                return;
            }
            String path = parts[1].split("\\?")[0];
            String id = path.substring(path.lastIndexOf('/') + 1);
            Session session = sessions.remove(id);
            if (session == null || System.currentTimeMillis() > session.expires()) {
                httpError(out, 404, "Not Found", "unknown or expired session");
                return;
            }
            String accept = Base64.getEncoder().encodeToString(sha1((key + GUID).getBytes(StandardCharsets.US_ASCII)));
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: "
                    + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            WebSocket ws = new WebSocket(new DataInputStream(in), out);
            WebSocket.Message first = ws.read();
            if (first == null || first.close()) {
                ws.close(1000, "");
                return;
            }
            if (!session.password().equals(first.text().trim())) {
                ws.close(1008, "invalid password");
                return;
            }
            if (session.attach()) {
                attach(ws, session, socket);
            } else {
                exec(ws, session);
            }
        } catch (EOFException | SocketException e) {
            // client went away
        } catch (IOException e) {
            LOG.debug("console session failed: {}", e.toString());
        }
    }

    private void exec(WebSocket ws, Session session) throws IOException {
        SimulatedCloud.ConsoleTarget t = session.target();
        if (!cloud.isRunning(t.subscription(), t.resourceGroup(), t.group(), t.container())) {
            ws.sendText("error: container " + t.container() + " is not running\r\n");
            ws.close(1011, "container is not running");
            return;
        }
        String command = t.command().trim();
        ConsoleShell shell = new ConsoleShell(t.env(), t.busybox(), t.group()).as(command);
        if (!ConsoleShell.isShell(command)) {
            // A single process, as `az container exec --exec-command ls` runs it: its output, then the session ends.
            ConsoleShell.Result r = shell.run(command);
            if (!r.output().isEmpty()) {
                ws.sendText(r.output());
            }
            ws.close(1000, "exit " + r.exitCode());
            return;
        }
        ws.sendText(shell.prompt());
        StringBuilder line = new StringBuilder();
        while (true) {
            WebSocket.Message m = ws.read();
            if (m == null || m.close()) {
                ws.close(1000, "");
                return;
            }
            String data = m.text();
            StringBuilder echo = new StringBuilder();
            for (int i = 0; i < data.length(); i++) {
                char c = data.charAt(i);
                if (c == '\r' || c == '\n') {
                    if (c == '\n' && i > 0 && data.charAt(i - 1) == '\r') {
                        continue;
                    }
                    echo.append("\r\n");
                    ws.sendText(echo.toString());
                    echo.setLength(0);
                    ConsoleShell.Result r = shell.run(line.toString());
                    line.setLength(0);
                    if (!r.output().isEmpty()) {
                        ws.sendText(r.output());
                    }
                    if (r.exit()) {
                        ws.close(1000, "exit " + r.exitCode());
                        return;
                    }
                    ws.sendText(shell.prompt());
                } else if (c == 0x03) {
                    line.setLength(0);
                    echo.append("^C\r\n").append(shell.prompt());
                } else if (c == 0x04) {
                    if (line.length() == 0) {
                        ws.sendText(echo + "exit\r\n");
                        ws.close(1000, "exit 0");
                        return;
                    }
                } else if (c == 0x7F || c == 0x08) {
                    if (line.length() > 0) {
                        line.setLength(line.length() - 1);
                        echo.append("\b \b");
                    }
                } else if (c >= 0x20 || c == '\t') {
                    line.append(c);
                    echo.append(c);
                }
            }
            if (echo.length() > 0) {
                ws.sendText(echo.toString());
            }
        }
    }

    private void attach(WebSocket ws, Session session, Socket socket) throws IOException {
        SimulatedCloud.ConsoleTarget t = session.target();
        long lastAt = Long.MIN_VALUE;
        socket.setSoTimeout(500);
        while (!closed) {
            List<ContainerProgram.LogLine> lines;
            try {
                lines = cloud.logLines(t.subscription(), t.resourceGroup(), t.group(), t.container());
            } catch (ArmException e) {
                ws.close(1000, "container group is gone");
                return;
            }
            // Each line once, in time order; a restarted container's new run has later lines.
            StringBuilder sb = new StringBuilder();
            for (ContainerProgram.LogLine l : lines) {
                if (l.at() > lastAt) {
                    sb.append(l.text()).append("\r\n");
                }
            }
            if (!lines.isEmpty()) {
                lastAt = Math.max(lastAt, lines.get(lines.size() - 1).at());
            }
            if (sb.length() > 0) {
                ws.sendText(sb.toString());
            }
            try {
                WebSocket.Message m = ws.read();
                if (m == null || m.close()) {
                    ws.close(1000, "");
                    return;
                }
            } catch (SocketTimeoutException e) {
                // no input: keep streaming
            }
        }
    }

    private static void httpError(OutputStream out, int status, String reason, String message) throws IOException {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: text/plain\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                break;
            }
            if (c != '\r') {
                b.write(c);
            }
            if (b.size() > 8192) {
                throw new IOException("header line too long");
            }
        }
        return c == -1 && b.size() == 0 ? null : b.toString(StandardCharsets.US_ASCII);
    }

    private static byte[] sha1(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 6455 framing for the server side: reads masked client frames, writes unmasked frames. */
    static final class WebSocket {
        record Message(String text, boolean close) {
        }

        private final DataInputStream in;
        private final OutputStream out;
        private boolean closeSent;

        WebSocket(DataInputStream in, OutputStream out) {
            this.in = in;
            this.out = out;
        }

        /** The next text or binary message (fragments joined), answering pings on the way; null at end of stream. */
        Message read() throws IOException {
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            while (true) {
                int b0 = in.read();
                if (b0 < 0) {
                    return null;
                }
                int b1 = in.readUnsignedByte();
                boolean fin = (b0 & 0x80) != 0;
                int opcode = b0 & 0x0F;
                boolean masked = (b1 & 0x80) != 0;
                long len = b1 & 0x7F;
                if (len == 126) {
                    len = in.readUnsignedShort();
                } else if (len == 127) {
                    len = in.readLong();
                }
                if (len > MAX_FRAME) {
                    close(1009, "message too big");
                    throw new IOException("frame too big");
                }
                byte[] mask = new byte[4];
                if (masked) {
                    in.readFully(mask);
                }
                byte[] payload = new byte[(int) len];
                in.readFully(payload);
                if (masked) {
                    for (int i = 0; i < payload.length; i++) {
                        payload[i] ^= mask[i & 3];
                    }
                }
                switch (opcode) {
                    case 0x8 -> {
                        return new Message("", true);
                    }
                    case 0x9 -> send(0xA, payload);
                    case 0xA -> {
                        // pong: ignore
                    }
                    case 0x0, 0x1, 0x2 -> {
                        data.write(payload);
                        if (fin) {
                            return new Message(data.toString(StandardCharsets.UTF_8), false);
                        }
                    }
                    default -> throw new IOException("unknown opcode " + opcode);
                }
            }
        }

        synchronized void sendText(String text) throws IOException {
            send(0x1, text.getBytes(StandardCharsets.UTF_8));
        }

        synchronized void close(int code, String reason) throws IOException {
            if (closeSent) {
                return;
            }
            closeSent = true;
            byte[] r = reason.getBytes(StandardCharsets.UTF_8);
            byte[] p = new byte[2 + Math.min(r.length, 120)];
            p[0] = (byte) (code >> 8);
            p[1] = (byte) code;
            System.arraycopy(r, 0, p, 2, p.length - 2);
            send(0x8, p);
        }

        private synchronized void send(int opcode, byte[] payload) throws IOException {
            ByteArrayOutputStream f = new ByteArrayOutputStream();
            f.write(0x80 | opcode);
            if (payload.length < 126) {
                f.write(payload.length);
            } else if (payload.length < 65536) {
                f.write(126);
                f.write(payload.length >> 8);
                f.write(payload.length);
            } else {
                f.write(127);
                for (int i = 7; i >= 0; i--) {
                    f.write((int) ((long) payload.length >> (8 * i)));
                }
            }
            f.write(payload);
            out.write(f.toByteArray());
            out.flush();
        }
    }
}
