package org.vtpm.tpm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.testing.Tpm2Tools;
import org.vtpm.tpm.transport.HandBuiltCommands;
import org.vtpm.tpm.transport.swtpm.SwtpmControlChannel;
import org.vtpm.tpm.transport.swtpm.SwtpmSocketTransport;

/**
 * {@code java -jar vtpm.jar socket ...} as tools that start swtpm run it: pid file, SIGTERM,
 * {@code -d}, state kept across restarts (the engine's and libtpms'), and tpm2-tools.
 */
class VtpmSocketIT {

    private static final long START_SECONDS = 30;
    private static final String ENGINE = "engine";
    private static final String LIBTPMS = "swtpm";
    private static final byte[] SHUTDOWN_STATE = HexFormat.of().parseHex("80010000000c000001450001");
    private static final byte[] STARTUP_STATE = HexFormat.of().parseHex("80010000000c000001440001");

    @TempDir
    Path dir;

    private final List<Long> started = new ArrayList<>();

    /** SIGTERM first, so a server still running stops its swtpm backend too; SIGKILL if that fails. */
    @AfterEach
    void stopEverythingStarted() throws Exception {
        for (long pid : started) {
            ProcessHandle process = ProcessHandle.of(pid).orElse(null);
            if (process == null) {
                continue;
            }
            process.destroy();
            try {
                process.onExit().get(15, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                process.destroyForcibly();
                process.onExit().get(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void sigtermStoresTheStateAndARestartKeepsNvOnLibtpms() throws Exception {
        Path state = dir.resolve("state");
        Path pidFile = dir.resolve("vtpm.pid");
        byte[] data = "restart!".getBytes(StandardCharsets.US_ASCII);

        Server first = startForeground(state, pidFile, "not-need-init,startup-clear", LIBTPMS);
        assertEquals(Long.toString(first.process.pid()), Files.readString(pidFile).strip());
        try (SwtpmSocketTransport tpm = new SwtpmSocketTransport("127.0.0.1", first.port)) {
            assertEquals(0, HandBuiltCommands.responseCode(tpm.transmit(HandBuiltCommands.nvDefineSpace())));
            assertEquals(0, HandBuiltCommands.responseCode(tpm.transmit(HandBuiltCommands.nvWrite(data))));
        }
        assertEquals(16, tool("swtpm:host=127.0.0.1,port=" + first.port, "tpm2_getrandom", "--hex", "8")
                .strip().length());

        first.process.destroy();
        assertTrue(first.process.waitFor(15, TimeUnit.SECONDS), "SIGTERM did not stop the server");
        assertFalse(Files.exists(pidFile), "the pid file is removed at exit");
        assertEquals(List.of(".lock", "vtpm-permanent.state"), fileNames(state), "whole state files only");
        assertTrue(Files.readString(dir.resolve("vtpm.log")).contains("serving the TPM"));

        Server second = startForeground(state, pidFile, "not-need-init,startup-clear", LIBTPMS);
        try (SwtpmSocketTransport tpm = new SwtpmSocketTransport("127.0.0.1", second.port)) {
            byte[] read = tpm.transmit(HandBuiltCommands.nvRead());
            assertEquals(0, HandBuiltCommands.responseCode(read));
            assertArrayEquals(data, HandBuiltCommands.nvReadData(read));
        }
        new SwtpmControlChannel("127.0.0.1", second.port + 1).shutdown();
        assertTrue(second.process.waitFor(15, TimeUnit.SECONDS), "CMD_SHUTDOWN did not stop the server");
        assertEquals(0, second.process.exitValue());
        assertFalse(Files.exists(pidFile));
    }

    @Test
    void theEngineResumesAfterShutdownStateSigtermAndRestart() throws Exception {
        Path state = dir.resolve("state");
        Path pidFile = dir.resolve("vtpm.pid");
        byte[] digest = HashAlgorithm.SHA256.hash(new byte[] {42});
        byte[] before;
        Server first = startForeground(state, pidFile, "not-need-init,startup-clear", ENGINE);
        try (SwtpmSocketTransport tpm = new SwtpmSocketTransport("127.0.0.1", first.port)) {
            assertEquals(0, HandBuiltCommands.responseCode(
                    tpm.transmit(HandBuiltCommands.pcrExtendSha256(10, digest))));
            before = HandBuiltCommands.pcrDigest(tpm.transmit(HandBuiltCommands.pcrReadSha256(10)));
            assertEquals(0, HandBuiltCommands.responseCode(tpm.transmit(SHUTDOWN_STATE)));
        }
        first.process.destroy();
        assertTrue(first.process.waitFor(15, TimeUnit.SECONDS), "SIGTERM did not stop the server");

        Server second = startForeground(state, pidFile, "not-need-init", ENGINE);
        try (SwtpmSocketTransport tpm = new SwtpmSocketTransport("127.0.0.1", second.port)) {
            assertEquals(0, HandBuiltCommands.responseCode(tpm.transmit(STARTUP_STATE)));
            assertArrayEquals(before, HandBuiltCommands.pcrDigest(tpm.transmit(HandBuiltCommands.pcrReadSha256(10))));
        }
    }

    @Test
    void aDaemonServesTpm2ToolsOverMssim() throws Exception {
        Path pidFile = dir.resolve("daemon.pid");
        for (int attempt = 1; ; attempt++) {
            int port = freePortPair();
            Process launcher = start(List.of("socket", "--tpm2", "--server", "type=mssim,port=" + port,
                    "--tpmstate", "dir=" + dir.resolve("state"), "--pid", "file=" + pidFile, "-d",
                    "--log", "file=" + dir.resolve("daemon.log")));
            assertTrue(launcher.waitFor(START_SECONDS, TimeUnit.SECONDS), "-d did not return");
            if (launcher.exitValue() != 0 && attempt < 3) {
                continue;
            }
            assertEquals(0, launcher.exitValue(), Files.readString(dir.resolve("err.txt")));
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            started.add(pid);
            assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the daemon runs");
            String tcti = "mssim:host=127.0.0.1,port=" + port;
            tool(tcti, "tpm2_startup", "-c");
            tool(tcti, "tpm2_pcrextend", "16:sha256=" + "ab".repeat(32));
            assertTrue(tool(tcti, "tpm2_pcrread", "sha256:16").contains("16:"));
            assertTrue(tool(tcti, "tpm2_getcap", "properties-fixed").contains("TPM2_PT_MANUFACTURER"));

            ProcessHandle daemon = ProcessHandle.of(pid).orElseThrow();
            daemon.destroy();
            daemon.onExit().get(15, TimeUnit.SECONDS);
            assertFalse(Files.exists(pidFile));
            return;
        }
    }

    @Test
    void unixSocketsServeTpm2ToolsAndAreRemovedAtExit() throws Exception {
        Path socket = dir.resolve("tpm.sock");
        Path control = dir.resolve("tpm.sock.ctrl");
        Path pidFile = dir.resolve("unix.pid");
        Process process = start(List.of("socket", "--tpm2", "--server", "type=unixio,path=" + socket, "--ctrl",
                "type=unixio,path=" + control, "--tpmstate", "dir=" + dir.resolve("state"), "--flags",
                "not-need-init,startup-clear", "--pid", "file=" + pidFile));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (process.isAlive() && !Files.exists(pidFile) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(Files.exists(pidFile), "vtpm.jar socket did not start: " + Files.readString(dir.resolve("err.txt")));
        assertEquals(16, tool("swtpm:path=" + socket, "tpm2_getrandom", "--hex", "8").strip().length());

        process.destroy();
        assertTrue(process.waitFor(15, TimeUnit.SECONDS), "SIGTERM did not stop the server");
        assertFalse(Files.exists(socket));
        assertFalse(Files.exists(control));
    }

    @Test
    void aStateDirectoryInUseFailsWithExitCodeOne() throws Exception {
        Path state = dir.resolve("state");
        startForeground(state, dir.resolve("vtpm.pid"), "not-need-init", ENGINE);
        Process second = start(List.of("socket", "--tpm2", "--server", "port=" + freePortPair(), "--tpmstate",
                "dir=" + state, "--log", "file=-"));
        assertTrue(second.waitFor(START_SECONDS, TimeUnit.SECONDS));
        assertEquals(1, second.exitValue());
        assertTrue(Files.readString(dir.resolve("err.txt")).contains("in use"));

        Process usage = start(List.of("socket", "--tpm2", "--server", "port=1,colour=blue"));
        assertTrue(usage.waitFor(START_SECONDS, TimeUnit.SECONDS));
        assertEquals(2, usage.exitValue());
    }

    private record Server(Process process, int port) {
    }

    /** Starts a foreground server on a fresh pair of ports and waits for its pid file. */
    private Server startForeground(Path state, Path pidFile, String flags, String backend) throws Exception {
        for (int attempt = 1; ; attempt++) {
            int port = freePortPair();
            Process process = start(List.of("socket", "--tpm2", "--server", "type=tcp,port=" + port, "--ctrl",
                    "type=tcp,port=" + (port + 1), "--tpmstate", "dir=" + state, "--flags", flags, "--pid",
                    "file=" + pidFile, "--log", "file=" + dir.resolve("vtpm.log") + ",level=2", "--backend",
                    "type=" + backend));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
            while (process.isAlive() && !Files.exists(pidFile) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            if (Files.exists(pidFile)) {
                return new Server(process, port);
            }
            process.destroyForcibly().waitFor();
            assertTrue(attempt < 3, "vtpm.jar socket did not start: " + Files.readString(dir.resolve("err.txt")));
        }
    }

    private Process start(List<String> args) throws IOException {
        Path jar = Path.of(System.getProperty("vtpm.jar", "target/vtpm.jar"));
        assertTrue(Files.isRegularFile(jar), "package the module first: no " + jar.toAbsolutePath());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(args);
        Process process = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile())
                .start();
        started.add(process.pid());
        return process;
    }

    private static int freePortPair() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        while (true) {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, loopback)) {
                port = socket.getLocalPort();
            }
            if (port < 65000 && free(loopback, port + 1)) {
                return port;
            }
        }
    }

    private static boolean free(InetAddress address, int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, address)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String tool(String tcti, String... command) throws Exception {
        return Tpm2Tools.run(dir, tcti, command);
    }

    private static List<String> fileNames(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
