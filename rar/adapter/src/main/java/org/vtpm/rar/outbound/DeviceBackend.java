package org.vtpm.rar.outbound;

import java.io.IOException;
import java.nio.file.Path;

import org.vtpm.rar.api.TpmTarget;
import org.vtpm.tpm.transport.TpmTransport;
import org.vtpm.tpm.transport.device.LinuxTpmDevice;

/**
 * The host's TPM through the kernel's resource manager ({@code /dev/tpmrm0}): each opened file
 * has its own view of transient objects and sessions, so the adapter's flush on return never
 * touches another process's objects.
 */
final class DeviceBackend implements TpmBackend {

    private final Path device;

    DeviceBackend(Path device) {
        this.device = device;
    }

    @Override
    public String description() {
        return "hardware TPM at " + device;
    }

    @Override
    public boolean serves(TpmTarget target) {
        return target.kind() == TpmTarget.Kind.PHYSICAL;
    }

    @Override
    public TpmTransport open(TpmTarget target) throws IOException {
        return LinuxTpmDevice.open(device);
    }
}
