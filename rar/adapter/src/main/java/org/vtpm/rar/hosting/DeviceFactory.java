package org.vtpm.rar.hosting;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Locale;

import org.vtpm.tpm.server.EngineDevice;
import org.vtpm.tpm.server.SwtpmDevice;
import org.vtpm.tpm.server.TpmDevice;
import org.vtpm.tpm.transport.swtpm.SwtpmOptions;

/** What a hosted vTPM runs on. */
public enum DeviceFactory {

    /** The pure-Java engine in this JVM: no process per vTPM, state only in memory and the store. */
    ENGINE {
        @Override
        TpmDevice create() {
            return new EngineDevice(new SecureRandom());
        }
    },

    /** One swtpm process per vTPM, its state pulled and pushed as state blobs. */
    SWTPM {
        @Override
        TpmDevice create() throws IOException {
            return SwtpmDevice.launch(SwtpmOptions.defaults());
        }
    };

    abstract TpmDevice create() throws IOException;

    public static DeviceFactory named(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown vTPM device '" + name + "'; expected engine or swtpm", e);
        }
    }
}
