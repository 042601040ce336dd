package org.vtpm.tpm.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;

import org.vtpm.tpm.server.PlatformException;
import org.vtpm.tpm.wire.TpmException;

/**
 * {@code socket}: serves a TPM 2.0 with swtpm's {@code socket} command line, so tools that start
 * swtpm can start this instead.
 */
public final class SocketCommand implements Subcommand {

    private final Map<String, String> environment;

    public SocketCommand() {
        this(System.getenv());
    }

    /** @param environment where {@code TPM_PATH} is looked up */
    SocketCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String name() {
        return "socket";
    }

    @Override
    public String synopsis() {
        return "socket --tpm2 --server [type=tcp|mssim,]port=PORT[,bindaddr=ADDR][,disconnect]|type=unixio,path=PATH"
                + " [--ctrl type=tcp,port=PORT[,bindaddr=ADDR]|type=unixio,path=PATH] --tpmstate dir=DIR[,mode=MODE]"
                + " [--flags not-need-init,startup-clear|startup-state|startup-none] [--pid file=FILE]"
                + " [--log file=FILE|-[,level=N][,truncate]] [-p PORT] [-d] [-t]"
                + " [--backend type=engine|swtpm[,path=SWTPM]]";
    }

    @Override
    public String summary() {
        return "serve a TPM 2.0 on TCP like 'swtpm socket' (swtpm or mssim protocol)";
    }

    @Override
    public String help() {
        return String.join(System.lineSeparator(),
                "Serves one TPM 2.0 whose state lives in DIR, taking swtpm's options:",
                "",
                "  --server   the data channel; type=tcp (default) speaks swtpm's protocol (tpm2-tss 'swtpm'",
                "             TCTI), type=unixio the same on a Unix socket, type=mssim the Microsoft",
                "             simulator's, with the platform port at PORT+1 (tpm2-tss 'mssim' TCTI); TCP binds",
                "             to 127.0.0.1 unless bindaddr is given; disconnect closes the connection after",
                "             each response; -p PORT is short for --server port=PORT",
                "  --ctrl     swtpm's control channel (power, locality, state blobs, buffer size, hashing);",
                "             tpm2-tss's swtpm TCTI expects it on the data port + 1, or at PATH.ctrl",
                "  --tpmstate where the state is kept (or TPM_PATH); files are written atomically, mode 0640",
                "  --flags    not-need-init powers the TPM on at start; startup-clear/startup-state also",
                "             send TPM2_Startup",
                "  --pid      file written once listening, removed at exit",
                "  --log      log file ('-' for none; standard error by default), level 0..5+",
                "  -d         continue in the background once listening",
                "  -t         stop when the first data connection ends",
                "  --backend  the TPM behind the server: type=engine (default), the Java TPM engine, or",
                "             type=swtpm, libtpms in a swtpm process (path names its binary), for comparison",
                "",
                "CMD_SHUTDOWN, mssim's stop, -t or SIGTERM stop the server after storing the state.",
                "Exit status: 0 after a shutdown, 1 when the TPM cannot be served, 2 for a wrong command line.");
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        SocketOptions options = SocketOptions.parse(args, environment);
        if (options.daemon()) {
            return Daemon.start(args, options, err);
        }
        Handler log;
        try {
            log = ServerLog.configure(options.logEnabled(), options.logFile(), options.logLevel(),
                    options.logTruncate());
        } catch (IOException e) {
            err.println("vtpm socket: cannot open the log: " + e.getMessage());
            return ExitCode.FAILURE;
        }
        try {
            return serve(options, err);
        } finally {
            log.close();
        }
    }

    private static int serve(SocketOptions options, PrintStream err) {
        RunningTpm running;
        try {
            running = RunningTpm.start(options);
        } catch (IOException | PlatformException | TpmException e) {
            err.println("vtpm socket: " + e.getMessage());
            return ExitCode.FAILURE;
        }
        Thread hook = new Thread(running::close, "vtpm-socket-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        running.awaitShutdownRequest();
        running.close();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down (SIGTERM): the hook has closed everything.
        }
        return ExitCode.OK;
    }
}
