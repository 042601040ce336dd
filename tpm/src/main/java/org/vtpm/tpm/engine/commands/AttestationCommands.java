package org.vtpm.tpm.engine.commands;

import java.nio.ByteBuffer;

import org.vtpm.tpm.command.Quote;
import org.vtpm.tpm.command.QuoteResponse;
import org.vtpm.tpm.crypto.Kdfa;
import org.vtpm.tpm.engine.state.Clock;
import org.vtpm.tpm.engine.state.EngineState;
import org.vtpm.tpm.engine.state.LoadedKey;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Attest;
import org.vtpm.tpm.types.AttestUnion;
import org.vtpm.tpm.types.ClockInfo;
import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.Empty;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.QuoteInfo;
import org.vtpm.tpm.types.SchemeHash;
import org.vtpm.tpm.types.Signature;
import org.vtpm.tpm.types.St;
import org.vtpm.tpm.wire.Codecs;
import org.vtpm.tpm.wire.Tpm2b;
import org.vtpm.tpm.wire.TpmRc;

/** TPM2_Quote (Part 3, 18.4) and the TPMS_ATTEST every attestation command signs. */
public final class AttestationCommands {

    private final EngineState state;

    public AttestationCommands(EngineState state) {
        this.state = state;
    }

    public QuoteResponse quote(Quote command, Request request) throws CommandError {
        PcrSelectionList selection = PcrSelections.filter(command.pcrSelect(), 3);
        boolean unsigned = command.signHandle().equals(Handle.RH_NULL);
        LoadedKey key = unsigned ? null : SigningCommands.signingKey(state, command.signHandle());
        SigningSchemes.Scheme scheme = unsigned ? unsignedScheme(command) : SigningSchemes.resolve(key,
                command.inScheme(), 2);
        Digest pcrDigest = new Digest(PcrSelections.digest(scheme.hash(), selection, state.pcrs()));
        Attest attest = attest(key, St.ATTEST_QUOTE, command.qualifyingData(), new QuoteInfo(selection, pcrDigest));
        byte[] quoted = Codecs.marshal(attest);
        Signature signature = unsigned ? new Signature(AlgId.NULL, Empty.INSTANCE)
                : SigningCommands.sign(state, key, scheme, scheme.hash().hash(quoted));
        return new QuoteResponse(Tpm2b.of(attest), signature);
    }

    /** Without a key, the caller's scheme must still name the hash of the PCR digest. */
    private static SigningSchemes.Scheme unsignedScheme(Quote command) throws CommandError {
        if (command.inScheme().details() instanceof SchemeHash hash) {
            return new SigningSchemes.Scheme(AlgId.NULL, Algorithms.hash(hash.hashAlg())
                    .orElseThrow(() -> CommandError.of(TpmRc.HASH.withParameter(2))));
        }
        throw CommandError.of(TpmRc.SCHEME.withParameter(2));
    }

    /**
     * A TPMS_ATTEST. Keys outside the endorsement and platform hierarchies get the reset and
     * restart counts and the firmware version obfuscated (Part 1, 36.4 "Privacy"), with an offset
     * derived from the storage proof and the key's name, so that quotes cannot be linked across
     * boots by their counters.
     */
    Attest attest(LoadedKey key, St type, Data extraData, AttestUnion attested) {
        Clock clock = state.clock();
        long firmware = TpmProperties.FIRMWARE_VERSION;
        int resetCount = clock.resetCount();
        int restartCount = clock.restartCount();
        if (key != null && !key.hierarchy().equals(Handle.RH_ENDORSEMENT)
                && !key.hierarchy().equals(Handle.RH_PLATFORM)) {
            ByteBuffer offset = ByteBuffer.wrap(Kdfa.derive(Tickets.TICKET_HASH,
                    state.hierarchies().proof(Handle.RH_OWNER), "OBFUSCATE", key.name().buffer(), new byte[0], 128));
            firmware += offset.getLong();
            resetCount += offset.getInt();
            restartCount += offset.getInt();
        }
        return new Attest(Attest.TPM_GENERATED_VALUE, type, key == null ? Name.EMPTY : key.qualifiedName(),
                extraData, new ClockInfo(clock.clock(), resetCount, restartCount, clock.safe()), firmware, attested);
    }
}
