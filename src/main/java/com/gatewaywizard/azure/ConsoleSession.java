package com.gatewaywizard.azure;

/**
 * An interactive console in a container over the exec websocket (password sent first, then input as frames).
 * Output arrives on the consumer given when it was opened, on a background thread.
 */
public interface ConsoleSession extends AutoCloseable {
    /** Sends text as typed (a line needs its own {@code \n}). */
    void send(String text);

    /** Ctrl-C: sends byte 0x03. */
    void interrupt();

    void resize(int rows, int cols);

    boolean isOpen();

    @Override
    void close();
}
