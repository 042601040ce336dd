package org.vtpm.tpm.engine.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.SecureRandom;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.engine.state.EngineState;
import org.vtpm.tpm.engine.state.HashSequence;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Name;

/** Names as HMAC sessions see them: a client's cpHash only matches when both sides agree. */
class EntitiesTest {

    /**
     * tpm2_pcrevent authorizes TPM2_EventSequenceComplete with an HMAC session; its cpHash covers
     * the sequence's Name, which tpm2-tss and libtpms take as the empty buffer, not the handle.
     */
    @Test
    void aSequenceObjectHasTheEmptyName() {
        EngineState state = EngineState.manufacture(new SecureRandom());
        Handle hash = state.objects().add(HashSequence.start(new byte[0], false, List.of(HashAlgorithm.SHA256)))
                .orElseThrow();
        Handle event = state.objects().add(HashSequence.start(new byte[0], true, List.of(HashAlgorithm.values())))
                .orElseThrow();

        assertEquals(Name.EMPTY, Entities.name(state, hash));
        assertEquals(Name.EMPTY, Entities.name(state, event));
        assertEquals(Name.of(Handle.RH_OWNER), Entities.name(state, Handle.RH_OWNER));
    }
}
