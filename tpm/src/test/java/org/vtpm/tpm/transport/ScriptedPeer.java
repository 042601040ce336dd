package org.vtpm.tpm.transport;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/** A loopback server that plays one scripted part per accepted connection, for failure-path tests. */
public final class ScriptedPeer implements AutoCloseable {

    /** What the peer does with one connection. */
    @FunctionalInterface
    public interface Script {
        void play(DataInputStream in, DataOutputStream out) throws IOException;
    }

    private final ServerSocket server;
    private final Thread thread;
    private final List<Socket> accepted = new ArrayList<>();

    public ScriptedPeer(Script script) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> serve(script), "scripted-peer-" + server.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    private void serve(Script script) {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                synchronized (accepted) {
                    accepted.add(socket);
                }
                script.play(new DataInputStream(socket.getInputStream()),
                        new DataOutputStream(socket.getOutputStream()));
            } catch (IOException e) {
                // The client went away or the server was closed: wait for the next connection, if any.
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (accepted) {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
