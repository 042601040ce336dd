package org.vtpm.bench.engine;

import java.io.IOException;
import java.security.SecureRandom;

import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.command.Startup;
import org.vtpm.tpm.engine.Engine;
import org.vtpm.tpm.transport.InProcessTransport;
import org.vtpm.tpm.types.Su;
import org.vtpm.tpm.wire.TpmException;

/** A freshly manufactured engine after TPM2_Startup(CLEAR), with a client calling it in process. */
public record StartedEngine(Engine engine, Tpm tpm) {

    public static StartedEngine manufacture(SecureRandom entropy, String name) throws TpmException, IOException {
        Engine engine = Engine.manufacture(entropy);
        Tpm tpm = new Tpm(new InProcessTransport(engine, name));
        tpm.execute(new Startup(Su.CLEAR));
        return new StartedEngine(engine, tpm);
    }
}
