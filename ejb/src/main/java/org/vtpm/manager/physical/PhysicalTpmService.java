package org.vtpm.manager.physical;

import java.util.UUID;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;

import org.vtpm.manager.audit.AuditEvent;
import org.vtpm.manager.audit.AuditLog;
import org.vtpm.manager.security.Roles;
import org.vtpm.rar.api.TpmConnection;
import org.vtpm.rar.api.TpmConnectionFactory;
import org.vtpm.rar.api.TpmResourceException;

/** Operations on the host's physical TPM, through the resource adapter's physical definition. */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class PhysicalTpmService {

    /** TPM2_GetRandom answers at most the size of the TPM's largest digest; 64 covers SHA-512. */
    public static final int MAX_RANDOM_BYTES = 64;

    @Resource(lookup = "java:/eis/tpm/physical")
    private TpmConnectionFactory tpms;

    @EJB
    private AuditLog auditLog;

    @Resource
    private SessionContext session;

    /** Random bytes from the physical TPM; recorded in the audit log under a fresh correlation id. */
    public RandomResult random(int count) throws TpmResourceException {
        if (count < 1 || count > MAX_RANDOM_BYTES) {
            throw new IllegalArgumentException("bytes must be between 1 and " + MAX_RANDOM_BYTES + ", was " + count);
        }
        String correlationId = UUID.randomUUID().toString();
        String actor = session.getCallerPrincipal().getName();
        try (TpmConnection tpm = tpms.getConnection()) {
            byte[] random = tpm.getRandom(count);
            auditLog.record(actor, "TPM2_GetRandom", tpm.target().toString(), AuditEvent.Outcome.SUCCESS,
                    correlationId, random.length + " bytes");
            return new RandomResult(random, correlationId);
        }
    }

    public record RandomResult(byte[] bytes, String correlationId) {
    }
}
