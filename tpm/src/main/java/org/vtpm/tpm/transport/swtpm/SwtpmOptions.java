package org.vtpm.tpm.transport.swtpm;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import org.vtpm.tpm.transport.Timeouts;

/**
 * How {@link SwtpmProcess} starts swtpm.
 *
 * @param executable     the swtpm binary, looked up on {@code PATH} unless absolute
 * @param stateDirectory where swtpm keeps its state; empty for a temporary directory deleted on close
 * @param notNeedInit    the TPM starts initialized ({@code --flags not-need-init}), no {@code CMD_INIT}
 *                       needed before the first command
 * @param startupClear   swtpm sends TPM2_Startup(CLEAR) itself ({@code --flags startup-clear})
 * @param socketType     TCP ports or Unix domain sockets for both channels
 * @param startTimeout   how long to wait for both channels to answer
 * @param stopGrace      how long SIGTERM may take before SIGKILL follows
 * @param timeouts       connect and read timeouts of the channels handed out
 * @param dataPort       a fixed loopback data port (control on the next one); empty for free ports
 */
public record SwtpmOptions(
        String executable,
        Optional<Path> stateDirectory,
        boolean notNeedInit,
        boolean startupClear,
        SwtpmSocketType socketType,
        Duration startTimeout,
        Duration stopGrace,
        Timeouts timeouts,
        OptionalInt dataPort) {

    public SwtpmOptions {
        Objects.requireNonNull(dataPort, "dataPort");
        Objects.requireNonNull(executable, "executable");
        Objects.requireNonNull(stateDirectory, "stateDirectory");
        Objects.requireNonNull(socketType, "socketType");
        Objects.requireNonNull(startTimeout, "startTimeout");
        Objects.requireNonNull(stopGrace, "stopGrace");
        Objects.requireNonNull(timeouts, "timeouts");
    }

    /** A ready-to-use TPM on loopback TCP in a temporary state directory: initialized, started with CLEAR. */
    public static SwtpmOptions defaults() {
        return new SwtpmOptions("swtpm", Optional.empty(), true, true, SwtpmSocketType.TCP, Duration.ofSeconds(10),
                Duration.ofSeconds(5), Timeouts.DEFAULT, OptionalInt.empty());
    }

    public SwtpmOptions withExecutable(String value) {
        return new SwtpmOptions(value, stateDirectory, notNeedInit, startupClear, socketType, startTimeout, stopGrace,
                timeouts, dataPort);
    }

    /** Keeps the state in {@code value}, which outlives the process. */
    public SwtpmOptions withStateDirectory(Path value) {
        return new SwtpmOptions(executable, Optional.of(value), notNeedInit, startupClear, socketType, startTimeout,
                stopGrace, timeouts, dataPort);
    }

    public SwtpmOptions withNotNeedInit(boolean value) {
        return new SwtpmOptions(executable, stateDirectory, value, startupClear, socketType, startTimeout, stopGrace,
                timeouts, dataPort);
    }

    public SwtpmOptions withStartupClear(boolean value) {
        return new SwtpmOptions(executable, stateDirectory, notNeedInit, value, socketType, startTimeout, stopGrace,
                timeouts, dataPort);
    }

    public SwtpmOptions withSocketType(SwtpmSocketType value) {
        return new SwtpmOptions(executable, stateDirectory, notNeedInit, startupClear, value, startTimeout, stopGrace,
                timeouts, dataPort);
    }

    public SwtpmOptions withStartTimeout(Duration value) {
        return new SwtpmOptions(executable, stateDirectory, notNeedInit, startupClear, socketType, value, stopGrace,
                timeouts, dataPort);
    }

    public SwtpmOptions withStopGrace(Duration value) {
        return new SwtpmOptions(executable, stateDirectory, notNeedInit, startupClear, socketType, startTimeout, value,
                timeouts, dataPort);
    }

    public SwtpmOptions withTimeouts(Timeouts value) {
        return new SwtpmOptions(executable, stateDirectory, notNeedInit, startupClear, socketType, startTimeout,
                stopGrace, value, dataPort);
    }

    /**
     * Listens on this data port and the next one (control), instead of free ports: for a TPM
     * that clients reach at a configured address and that must come back there after a restart.
     */
    public SwtpmOptions withDataPort(int value) {
        if (value < 1 || value > 65534) {
            throw new IllegalArgumentException("data port out of range: " + value);
        }
        return new SwtpmOptions(executable, stateDirectory, notNeedInit, startupClear, socketType, startTimeout,
                stopGrace, timeouts, OptionalInt.of(value));
    }
}
