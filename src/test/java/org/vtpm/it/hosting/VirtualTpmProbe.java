package org.vtpm.it.hosting;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;

import org.vtpm.rar.api.TpmConnection;
import org.vtpm.rar.api.TpmConnectionFactory;
import org.vtpm.rar.api.TpmResourceException;
import org.vtpm.rar.api.TpmTarget;

/** An enterprise application's EJB, as the README shows it: the virtual definition injected by @Resource. */
@Stateless
public class VirtualTpmProbe {

    @Resource(lookup = "java:/eis/tpm/virtual")
    private TpmConnectionFactory vtpms;

    public byte[] random(String vtpmId, int count) throws TpmResourceException {
        try (TpmConnection vtpm = vtpms.getConnection(TpmTarget.virtual(vtpmId))) {
            return vtpm.getRandom(count);
        }
    }
}
