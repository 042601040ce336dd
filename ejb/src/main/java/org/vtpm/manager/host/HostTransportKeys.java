package org.vtpm.manager.host;

import java.io.IOException;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.vtpm.manager.keys.ConnectionTransport;
import org.vtpm.manager.keys.KeyProtectionException;
import org.vtpm.manager.keys.TransportKey;
import org.vtpm.manager.keys.TransportKeyBlob;
import org.vtpm.rar.api.TpmConnection;
import org.vtpm.rar.api.TpmResourceException;
import org.vtpm.tpm.client.Tpm;

/**
 * Each host's transport key: a key pair created in the host's pTPM (only it can use the private
 * half), to which other hosts seal the vTPM states they send it.
 */
@Stateless
@PermitAll
public class HostTransportKeys {

    @PersistenceContext(unitName = "vtpm")
    private EntityManager em;

    @EJB
    private HostRegistry hosts;

    /** The host's transport key, created in its pTPM the first time a vTPM migrates to it. */
    public TransportKeyBlob publicKey(Host host) throws TpmResourceException {
        Host current = em.find(Host.class, host.getId(), LockModeType.PESSIMISTIC_WRITE);
        try {
            if (current.getTransportKey() != null) {
                return TransportKeyBlob.decode(current.getTransportKey());
            }
            try (TpmConnection connection = hosts.physicalTpm(current)) {
                TransportKeyBlob created = TransportKey.create(new Tpm(new ConnectionTransport(connection)));
                current.setTransportKey(created.encoded());
                return created;
            }
        } catch (KeyProtectionException | IOException e) {
            throw new KeyProtectionFailure("the transport key of host '" + host.getName() + "' is not available: "
                    + e.getMessage(), e);
        }
    }

    /** Opens, in the host's pTPM, what another host sealed to its transport key. */
    public byte[] open(Host host, byte[] sealed) throws TpmResourceException {
        Host current = em.find(Host.class, host.getId());
        try (TpmConnection connection = hosts.physicalTpm(current)) {
            return TransportKey.open(new Tpm(new ConnectionTransport(connection)),
                    TransportKeyBlob.decode(current.getTransportKey()), sealed);
        } catch (KeyProtectionException | IOException e) {
            throw new KeyProtectionFailure("host '" + host.getName() + "' could not open the migrated state: "
                    + e.getMessage(), e);
        }
    }
}
