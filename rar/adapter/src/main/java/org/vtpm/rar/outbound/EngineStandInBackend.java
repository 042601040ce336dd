package org.vtpm.rar.outbound;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.logging.Logger;

import org.vtpm.rar.api.TpmTarget;
import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.command.Startup;
import org.vtpm.tpm.server.DirectoryStateStore;
import org.vtpm.tpm.server.EngineDevice;
import org.vtpm.tpm.server.PlatformException;
import org.vtpm.tpm.server.TpmPlatform;
import org.vtpm.tpm.transport.InProcessTransport;
import org.vtpm.tpm.transport.TpmTransport;
import org.vtpm.tpm.types.Su;
import org.vtpm.tpm.wire.TpmException;

/**
 * A software stand-in for the host's physical TPM where the machine has none: the project's own
 * TPM engine in this JVM, its permanent state in a file of the server's data directory (readable
 * by the server's user only), so keys rooted in it survive restarts. It protects nothing a
 * hardware TPM would: it is for development and evaluation, and says so wherever it is described.
 */
final class EngineStandInBackend implements TpmBackend, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EngineStandInBackend.class.getName());

    private final Path stateDirectory;
    private DirectoryStateStore store;
    private TpmPlatform platform;

    EngineStandInBackend(Path stateDirectory) {
        this.stateDirectory = stateDirectory;
    }

    @Override
    public String description() {
        return "software pTPM stand-in (vtpm engine, state in " + stateDirectory + "), not a hardware TPM";
    }

    @Override
    public boolean serves(TpmTarget target) {
        return target.kind() == TpmTarget.Kind.PHYSICAL;
    }

    /** Powers the stand-in on at first use and sends TPM2_Startup, as a platform's firmware would. */
    @Override
    public synchronized TpmTransport open(TpmTarget target) throws IOException {
        if (platform == null) {
            store = DirectoryStateStore.open(stateDirectory, PosixFilePermissions.fromString("rw-------"));
            TpmPlatform powered = new TpmPlatform(new EngineDevice(new SecureRandom()), store);
            try {
                powered.init(true);
                new Tpm(new InProcessTransport(powered::execute, "pTPM stand-in")).execute(new Startup(Su.CLEAR));
            } catch (PlatformException | TpmException e) {
                store.close();
                throw new IOException("the pTPM stand-in did not start: " + e.getMessage(), e);
            }
            platform = powered;
            LOG.warning("started " + description());
        }
        return new InProcessTransport(platform::execute, "pTPM stand-in");
    }

    @Override
    public synchronized void close() throws IOException {
        if (platform != null) {
            try {
                platform.close();
            } catch (PlatformException e) {
                throw new IOException("the pTPM stand-in did not stop orderly: " + e.getMessage(), e);
            } finally {
                platform = null;
                store.close();
            }
        }
    }
}
