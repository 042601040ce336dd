package org.vtpm.rar.outbound;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

import org.vtpm.rar.api.TpmTarget;
import org.vtpm.tpm.transport.TpmTransport;
import org.vtpm.tpm.transport.swtpm.SwtpmOptions;
import org.vtpm.tpm.transport.swtpm.SwtpmProcess;

/**
 * A software stand-in for the host's physical TPM where the machine has none: one swtpm process,
 * started by the adapter on first use, keeping its state in a directory of the server's data
 * directory so keys rooted in it survive restarts. It protects nothing a real pTPM would: it is
 * for development and evaluation, and says so wherever it is described.
 */
final class SwtpmStandInBackend implements TpmBackend, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SwtpmStandInBackend.class.getName());

    private final Path stateDirectory;
    private SwtpmProcess process;

    SwtpmStandInBackend(Path stateDirectory) {
        this.stateDirectory = stateDirectory;
    }

    @Override
    public String description() {
        return "software pTPM stand-in (swtpm, state in " + stateDirectory + "), not a hardware TPM";
    }

    @Override
    public boolean serves(TpmTarget target) {
        return target.kind() == TpmTarget.Kind.PHYSICAL;
    }

    @Override
    public synchronized TpmTransport open(TpmTarget target) throws IOException {
        if (process == null || !process.isAlive()) {
            Files.createDirectories(stateDirectory);
            process = SwtpmProcess.start(SwtpmOptions.defaults().withStateDirectory(stateDirectory));
            LOG.warning("started " + description() + " as " + process);
        }
        return process.openDataChannel();
    }

    @Override
    public synchronized void close() throws IOException {
        if (process != null) {
            process.close();
            process = null;
        }
    }
}
