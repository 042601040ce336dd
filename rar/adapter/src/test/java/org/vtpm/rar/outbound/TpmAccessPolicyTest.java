package org.vtpm.rar.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.naming.NameNotFoundException;

import jakarta.resource.spi.ConnectionManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vtpm.rar.api.TpmAccessDeniedException;
import org.vtpm.rar.api.TpmAccessPolicy;
import org.vtpm.rar.api.TpmConnection;
import org.vtpm.rar.api.TpmResourceException;
import org.vtpm.rar.api.TpmTarget;
import org.vtpm.tpm.transport.swtpm.SwtpmProcess;

/** The access policy hook: asked before every connection, with the caller as the server knows it. */
class TpmAccessPolicyTest {

    private SwtpmProcess swtpm;
    private TpmManagedConnectionFactory factory;
    private final List<String> asked = new ArrayList<>();

    /** The container-less way to get connections: straight from the managed connection factory. */
    private final ConnectionManager direct = (mcf, info) -> mcf.createManagedConnection(null, info).getConnection(null, info);

    @BeforeEach
    void startTpm() throws Exception {
        swtpm = SwtpmProcess.start();
        factory = new TpmManagedConnectionFactory();
        factory.setBackend("tcp");
        factory.setPort(swtpm.dataPort());
    }

    @AfterEach
    void stopTpm() throws Exception {
        swtpm.close();
    }

    @Test
    void withoutAPolicyEveryCallerIsServed() throws Exception {
        try (TpmConnection tpm = connectionFactory().getConnection()) {
            assertEquals(2, tpm.getRandom(2).length);
        }
    }

    @Test
    void thePolicyIsAskedWithTheTargetAndTheCallerAndCanRefuse() throws Exception {
        TpmAccessPolicy onlyOther = (target, caller) -> {
            asked.add(target + " by " + caller.map(Principal::getName).orElse("nobody"));
            if (!target.name().equals("other")) {
                throw new TpmAccessDeniedException("no access to " + target);
            }
        };
        factory.setAccessPolicy("java:global/test/policy");
        factory.usePolicyLookup(name -> onlyOther);

        TpmAccessDeniedException denied = assertThrows(TpmAccessDeniedException.class,
                () -> connectionFactory().getConnection());
        assertTrue(denied.getMessage().contains("physical:default"));
        assertEquals(List.of("physical:default by nobody"), asked);
    }

    @Test
    void aPolicyThatCannotBeFoundRefusesRatherThanAllows() {
        factory.setAccessPolicy("java:global/missing");
        factory.usePolicyLookup(name -> {
            throw new NameNotFoundException(name);
        });
        TpmResourceException missing = assertThrows(TpmResourceException.class,
                () -> connectionFactory().getConnection(TpmTarget.defaultPhysical()));
        assertTrue(missing.getMessage().contains("java:global/missing"), missing.getMessage());
    }

    @Test
    void outsideASecurityDomainThereIsNoCaller() {
        assertEquals(Optional.empty(), CallerIdentity.current());
    }

    private TpmConnectionFactoryImpl connectionFactory() throws Exception {
        return (TpmConnectionFactoryImpl) factory.createConnectionFactory(direct);
    }
}
