package org.vtpm.tpm.cli;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.vtpm.tpm.server.DirectoryStateStore;

/**
 * The command line of {@code vtpm socket}, swtpm's {@code socket} command line: the same options,
 * value syntax and defaults, for the subset that makes sense for this server.
 *
 * @param protocol     what {@code --server type=} names: swtpm's data channel (tcp, unixio) or mssim
 * @param server       where the data channel listens: {@code bindaddr} (127.0.0.1 unless given) and
 *                     {@code port}, or a Unix socket {@code path}; for mssim the command port, the
 *                     platform port being the next one
 * @param disconnect   close the data connection after each response
 * @param control      where the control channel listens, if one is wanted ({@code --ctrl})
 * @param stateDirectory {@code --tpmstate dir}, or the {@code TPM_PATH} environment variable
 * @param stateMode    permissions of state files ({@code --tpmstate mode}, octal)
 * @param notNeedInit  power the TPM on at start instead of waiting for {@code CMD_INIT}
 * @param startup      the TPM2_Startup to send at start, if any
 * @param pidFile      {@code --pid file}
 * @param logEnabled   false for {@code --log file=-}, swtpm's way to turn logging off
 * @param logFile      {@code --log file}; empty: standard error
 * @param logLevel     {@code --log level}
 * @param logTruncate  {@code --log truncate}
 * @param daemon       {@code -d}: run in the background once listening
 * @param terminate    {@code -t}: stop when the first data connection ends
 * @param backend      the TPM behind the server ({@code --backend type=})
 * @param swtpmPath    the swtpm executable of the libtpms backend ({@code --backend path=})
 */
public record SocketOptions(
        Protocol protocol,
        SocketAddress server,
        boolean disconnect,
        Optional<SocketAddress> control,
        Path stateDirectory,
        Set<PosixFilePermission> stateMode,
        boolean notNeedInit,
        Optional<StartupType> startup,
        Optional<Path> pidFile,
        boolean logEnabled,
        Optional<Path> logFile,
        int logLevel,
        boolean logTruncate,
        boolean daemon,
        boolean terminate,
        Backend backend,
        String swtpmPath) {

    /** What the data port speaks. */
    public enum Protocol { SWTPM, MSSIM }

    /** The TPM the server serves: the Java engine, or libtpms in a swtpm process. */
    public enum Backend { ENGINE, SWTPM }

    /** The {@code startup-*} flags. */
    public enum StartupType { CLEAR, STATE }

    static final String LOOPBACK = "127.0.0.1";

    /** swtpm's default log level. */
    static final int DEFAULT_LOG_LEVEL = 1;

    /** The options of a daemonized child: everything but {@code -d}. */
    static List<String> withoutDaemon(List<String> args) {
        List<String> child = new ArrayList<>(args);
        child.removeIf(arg -> arg.equals("-d") || arg.equals("--daemon"));
        return child;
    }

    /**
     * Parses the arguments after {@code socket}. Options take their value as the next argument or
     * after {@code =} ({@code --server=port=1}), as getopt does.
     *
     * @param environment for {@code TPM_PATH}, swtpm's alternative to {@code --tpmstate dir}
     */
    static SocketOptions parse(List<String> args, Map<String, String> environment) throws UsageException {
        Parsed parsed = new Parsed();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String inline = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                inline = arg.substring(equals + 1);
            }
            switch (name) {
                case "--tpm2":
                    noValue(name, inline);
                    parsed.tpm2 = true;
                    break;
                case "-d":
                case "--daemon":
                    noValue(name, inline);
                    parsed.daemon = true;
                    break;
                case "-t":
                case "--terminate":
                    noValue(name, inline);
                    parsed.terminate = true;
                    break;
                case "-p":
                case "--port":
                case "--server":
                case "--ctrl":
                case "--tpmstate":
                case "--flags":
                case "--pid":
                case "--log":
                case "--backend":
                    String value = inline;
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            throw new UsageException(name + " needs a value");
                        }
                        value = args.get(++i);
                    }
                    parsed.set(name, value);
                    break;
                default:
                    throw new UsageException(arg.startsWith("-") ? "unsupported option '" + arg + "'"
                            : "unexpected argument '" + arg + "'");
            }
        }
        return parsed.build(environment);
    }

    private static void noValue(String name, String inline) throws UsageException {
        if (inline != null) {
            throw new UsageException(name + " takes no value");
        }
    }

    static int port(String what, String text) throws UsageException {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below, with the same message as an out-of-range number
        }
        throw new UsageException(what + ": not a TCP port: '" + text + "'");
    }

    /** The options as they are collected, before defaults and cross-checks. */
    private static final class Parsed {
        boolean tpm2;
        boolean daemon;
        boolean terminate;
        Optional<Integer> portOption = Optional.empty();
        Optional<KeyValueOption> server = Optional.empty();
        Optional<KeyValueOption> ctrl = Optional.empty();
        Optional<KeyValueOption> tpmstate = Optional.empty();
        Optional<KeyValueOption> flags = Optional.empty();
        Optional<KeyValueOption> pid = Optional.empty();
        Optional<KeyValueOption> log = Optional.empty();
        Optional<KeyValueOption> backend = Optional.empty();

        void set(String name, String value) throws UsageException {
            switch (name) {
                case "-p":
                case "--port":
                    portOption = once(name, portOption, port(name, value));
                    break;
                case "--server":
                    server = once(name, server, KeyValueOption.parse(name, value,
                            Set.of("type", "port", "bindaddr", "path", "disconnect")));
                    break;
                case "--ctrl":
                    ctrl = once(name, ctrl, KeyValueOption.parse(name, value,
                            Set.of("type", "port", "bindaddr", "path")));
                    break;
                case "--tpmstate":
                    tpmstate = once(name, tpmstate, KeyValueOption.parse(name, value, Set.of("dir", "mode")));
                    break;
                case "--flags":
                    flags = once(name, flags, KeyValueOption.parse(name, value,
                            Set.of("not-need-init", "startup-clear", "startup-state", "startup-none")));
                    break;
                case "--pid":
                    pid = once(name, pid, KeyValueOption.parse(name, value, Set.of("file")));
                    break;
                case "--log":
                    log = once(name, log, KeyValueOption.parse(name, value, Set.of("file", "level", "truncate")));
                    break;
                default:
                    backend = once(name, backend, KeyValueOption.parse(name, value, Set.of("type", "path")));
            }
        }

        private static <T> Optional<T> once(String name, Optional<T> previous, T value) throws UsageException {
            if (previous.isPresent()) {
                throw new UsageException(name + " given twice");
            }
            return Optional.of(value);
        }

        SocketOptions build(Map<String, String> environment) throws UsageException {
            if (!tpm2) {
                throw new UsageException("only TPM 2.0 is emulated: --tpm2 is required");
            }
            Protocol protocol = Protocol.SWTPM;
            SocketAddress serverAddress;
            boolean disconnect = false;
            if (server.isPresent()) {
                KeyValueOption s = server.get();
                String type = s.get("type").orElse("tcp");
                disconnect = s.has("disconnect");
                if (type.equals("unixio")) {
                    if (portOption.isPresent()) {
                        throw new UsageException("-p is for TCP; --server type=unixio takes path=PATH");
                    }
                    serverAddress = unixAddress("--server", s);
                } else if (type.equals("tcp") || type.equals("mssim")) {
                    protocol = type.equals("mssim") ? Protocol.MSSIM : Protocol.SWTPM;
                    Optional<Integer> port = s.port("port");
                    if (port.isPresent() && portOption.isPresent()) {
                        throw new UsageException("the data port is given by both -p and --server port");
                    }
                    serverAddress = tcpAddress("--server", s, port.or(() -> portOption));
                } else {
                    throw new UsageException("--server: unsupported type '" + type
                            + "' (supported: tcp, unixio, mssim)");
                }
            } else {
                serverAddress = new InetSocketAddress(LOOPBACK, portOption.orElseThrow(
                        () -> new UsageException("no data port: give --server port=PORT or -p PORT")));
            }
            if (protocol == Protocol.MSSIM && ((InetSocketAddress) serverAddress).getPort() == 65535) {
                throw new UsageException("--server type=mssim: the platform port would be past 65535");
            }

            Optional<SocketAddress> controlAddress = Optional.empty();
            if (ctrl.isPresent()) {
                KeyValueOption c = ctrl.get();
                String type = c.nonEmpty("type").orElseThrow(
                        () -> new UsageException("--ctrl: type=tcp or type=unixio is required"));
                if (type.equals("tcp")) {
                    controlAddress = Optional.of(tcpAddress("--ctrl", c, c.port("port")));
                } else if (type.equals("unixio")) {
                    controlAddress = Optional.of(unixAddress("--ctrl", c));
                } else {
                    throw new UsageException("--ctrl: unsupported type '" + type + "' (supported: tcp, unixio)");
                }
            }

            Path stateDirectory = path("--tpmstate dir", tpmstate.isPresent() ? tpmstate.get().nonEmpty("dir")
                    : Optional.empty(), Optional.ofNullable(environment.get("TPM_PATH")))
                    .orElseThrow(() -> new UsageException("no state directory: give --tpmstate dir=DIR"));
            Set<PosixFilePermission> stateMode = DirectoryStateStore.DEFAULT_MODE;
            if (tpmstate.isPresent() && tpmstate.get().has("mode")) {
                stateMode = mode(tpmstate.get().nonEmpty("mode").orElseThrow());
            }

            boolean notNeedInit = flags.isPresent() && flags.get().has("not-need-init");
            Optional<StartupType> startup = Optional.empty();
            if (flags.isPresent()) {
                int startupFlags = 0;
                for (String flag : List.of("startup-clear", "startup-state", "startup-none")) {
                    startupFlags += flags.get().has(flag) ? 1 : 0;
                }
                if (startupFlags > 1) {
                    throw new UsageException("--flags: only one startup-* flag may be given");
                }
                if (flags.get().has("startup-clear")) {
                    startup = Optional.of(StartupType.CLEAR);
                } else if (flags.get().has("startup-state")) {
                    startup = Optional.of(StartupType.STATE);
                }
            }

            Optional<Path> pidFile = pid.isPresent()
                    ? Optional.of(path("--pid file", pid.get().nonEmpty("file"), Optional.empty())
                            .orElseThrow(() -> new UsageException("--pid: file=FILE is required")))
                    : Optional.empty();

            boolean logEnabled = true;
            Optional<Path> logFile = Optional.empty();
            int logLevel = DEFAULT_LOG_LEVEL;
            boolean logTruncate = false;
            if (log.isPresent()) {
                KeyValueOption l = log.get();
                Optional<String> file = l.nonEmpty("file");
                if (file.isPresent() && file.get().equals("-")) {
                    logEnabled = false;
                } else if (file.isPresent()) {
                    logFile = path("--log file", file, Optional.empty());
                }
                if (l.has("level")) {
                    logLevel = level(l.nonEmpty("level").orElseThrow());
                }
                logTruncate = l.has("truncate");
            }

            Backend backendType = Backend.ENGINE;
            String swtpmPath = "swtpm";
            if (backend.isPresent()) {
                String type = backend.get().nonEmpty("type").orElse("engine");
                if (type.equals("swtpm")) {
                    backendType = Backend.SWTPM;
                } else if (!type.equals("engine")) {
                    throw new UsageException("--backend: unsupported type '" + type + "' (supported: engine, swtpm)");
                }
                if (backend.get().has("path") && backendType != Backend.SWTPM) {
                    throw new UsageException("--backend: path is for type=swtpm");
                }
                swtpmPath = backend.get().nonEmpty("path").orElse(swtpmPath);
            }

            return new SocketOptions(protocol, serverAddress, disconnect, controlAddress, stateDirectory, stateMode,
                    notNeedInit, startup, pidFile, logEnabled, logFile, logLevel, logTruncate, daemon, terminate,
                    backendType, swtpmPath);
        }

        private static SocketAddress tcpAddress(String option, KeyValueOption value, Optional<Integer> port)
                throws UsageException {
            if (value.has("path")) {
                throw new UsageException(option + ": path is for type=unixio");
            }
            int number = port.orElseThrow(() -> new UsageException(option + ": port=PORT is required"));
            return new InetSocketAddress(value.nonEmpty("bindaddr").orElse(LOOPBACK), number);
        }

        private static SocketAddress unixAddress(String option, KeyValueOption value) throws UsageException {
            if (value.has("port") || value.has("bindaddr")) {
                throw new UsageException(option + ": port and bindaddr are for type=tcp");
            }
            Path socket = path(option + " path", value.nonEmpty("path"), Optional.empty())
                    .orElseThrow(() -> new UsageException(option + ": type=unixio needs path=PATH"));
            return UnixDomainSocketAddress.of(socket);
        }

        private static Optional<Path> path(String what, Optional<String> given, Optional<String> fallback)
                throws UsageException {
            Optional<String> text = given.or(() -> fallback);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(Path.of(text.get()));
            } catch (InvalidPathException e) {
                throw new UsageException(what + ": not a path: '" + text.get() + "'");
            }
        }

        private static Set<PosixFilePermission> mode(String octal) throws UsageException {
            int bits;
            try {
                bits = Integer.parseInt(octal, 8);
            } catch (NumberFormatException e) {
                bits = -1;
            }
            if (bits < 0 || bits > 0777) {
                throw new UsageException("--tpmstate mode: not an octal file mode: '" + octal + "'");
            }
            Set<PosixFilePermission> mode = EnumSet.noneOf(PosixFilePermission.class);
            PosixFilePermission[] order = PosixFilePermission.values();
            for (int bit = 0; bit < 9; bit++) {
                if ((bits & (0400 >> bit)) != 0) {
                    mode.add(order[bit]);
                }
            }
            if (!mode.contains(PosixFilePermission.OWNER_READ) || !mode.contains(PosixFilePermission.OWNER_WRITE)) {
                throw new UsageException("--tpmstate mode: the owner must be able to read and write: '" + octal
                        + "' (" + PosixFilePermissions.toString(mode) + ")");
            }
            return mode;
        }

        private static int level(String text) throws UsageException {
            try {
                int level = Integer.parseInt(text);
                if (level >= 0) {
                    return level;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new UsageException("--log level: not a level: '" + text + "'");
        }
    }
}
