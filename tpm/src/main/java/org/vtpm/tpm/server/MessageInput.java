package org.vtpm.tpm.server;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.function.BooleanSupplier;

/**
 * The input side of a connection, read message by message. Between messages a peer may stay
 * silent as long as it likes (a hypervisor keeps its TPM connection open for the life of the VM);
 * once a message has begun, every read is bounded by the socket's timeout, so a peer that stalls
 * mid-message loses its connection instead of holding it.
 */
final class MessageInput extends DataInputStream {

    private static final int CHUNK = 64 * 1024;

    private final BufferedInputStream buffered;
    private final BooleanSupplier stopping;

    /**
     * @param socketIn a socket's stream with a read timeout set
     * @param stopping tells {@link #awaitMessage} to give up waiting: the server is closing
     */
    MessageInput(InputStream socketIn, BooleanSupplier stopping) {
        this(new BufferedInputStream(socketIn), stopping);
    }

    private MessageInput(BufferedInputStream buffered, BooleanSupplier stopping) {
        super(buffered);
        this.buffered = buffered;
        this.stopping = stopping;
    }

    /**
     * Reads exactly {@code length} bytes, which the caller has checked against its limit. Memory
     * grows with the bytes that actually arrive, so a peer announcing much and sending little costs
     * little.
     */
    byte[] readBounded(int length) throws IOException {
        ByteArrayOutputStream collected = new ByteArrayOutputStream(Math.min(length, CHUNK));
        byte[] chunk = new byte[Math.min(length, CHUNK)];
        int remaining = length;
        while (remaining > 0) {
            int n = Math.min(remaining, chunk.length);
            readFully(chunk, 0, n);
            collected.write(chunk, 0, n);
            remaining -= n;
        }
        return collected.toByteArray();
    }

    /** Waits, without a time limit, until the first byte of the next message has arrived. */
    void awaitMessage() throws IOException {
        while (true) {
            try {
                buffered.mark(1);
                if (buffered.read() < 0) {
                    throw new EOFException("peer closed the connection");
                }
                buffered.reset();
                return;
            } catch (SocketTimeoutException e) {
                if (stopping.getAsBoolean()) {
                    throw e;
                }
            }
        }
    }
}
