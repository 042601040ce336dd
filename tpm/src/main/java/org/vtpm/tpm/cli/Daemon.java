package org.vtpm.tpm.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.vtpm.tpm.Main;

/**
 * swtpm's {@code -d}: the server continues in the background and the command returns once it
 * listens. A JVM cannot fork, so the same command line without {@code -d} runs as a new process
 * that outlives this one; its output goes to its {@code --log} file only.
 */
final class Daemon {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    private Daemon() {
    }

    static int start(List<String> args, SocketOptions options, PrintStream err) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "socket"));
        command.addAll(SocketOptions.withoutDaemon(args));
        Process child;
        try {
            if (options.pidFile().isPresent()) {
                // A leftover file from an earlier run must not pass for the new process being ready.
                Files.deleteIfExists(options.pidFile().get());
            }
            child = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            err.println("vtpm socket: cannot start the background process: " + e.getMessage());
            return ExitCode.FAILURE;
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                err.println("vtpm socket: the background process exited with status " + child.exitValue()
                        + "; run without -d, or with --log file=FILE, to see why");
                return ExitCode.FAILURE;
            }
            if (ready(options)) {
                return ExitCode.OK;
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        child.destroy();
        err.println("vtpm socket: the background process did not listen within " + START_TIMEOUT.toSeconds() + " s");
        return ExitCode.FAILURE;
    }

    /** Listening on the data channel, and the pid file written if one was asked for (it comes last). */
    private static boolean ready(SocketOptions options) {
        if (options.pidFile().isPresent() && !Files.exists(options.pidFile().get())) {
            return false;
        }
        SocketAddress address = options.server();
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null
                && inet.getAddress().isAnyLocalAddress()) {
            address = new InetSocketAddress(InetAddress.getLoopbackAddress(), inet.getPort());
        }
        try (SocketChannel probe = SocketChannel.open(address)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
