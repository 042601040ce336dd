package org.vtpm.tpm.engine.commands;

import java.nio.ByteBuffer;

import org.vtpm.tpm.command.Certify;
import org.vtpm.tpm.command.CertifyCreation;
import org.vtpm.tpm.command.CertifyCreationResponse;
import org.vtpm.tpm.command.CertifyResponse;
import org.vtpm.tpm.command.GetTime;
import org.vtpm.tpm.command.GetTimeResponse;
import org.vtpm.tpm.command.NvCertify;
import org.vtpm.tpm.command.NvCertifyResponse;
import org.vtpm.tpm.command.NvRead;
import org.vtpm.tpm.command.Quote;
import org.vtpm.tpm.command.QuoteResponse;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.crypto.Kdfa;
import org.vtpm.tpm.engine.state.Clock;
import org.vtpm.tpm.engine.state.EngineState;
import org.vtpm.tpm.engine.state.LoadedKey;
import org.vtpm.tpm.engine.state.NvIndex;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Attest;
import org.vtpm.tpm.types.AttestUnion;
import org.vtpm.tpm.types.CertifyInfo;
import org.vtpm.tpm.types.ClockInfo;
import org.vtpm.tpm.types.CreationInfo;
import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.Empty;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.MaxNvBuffer;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.NvCertifyInfo;
import org.vtpm.tpm.types.NvDigestCertifyInfo;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.QuoteInfo;
import org.vtpm.tpm.types.SchemeHash;
import org.vtpm.tpm.types.SigScheme;
import org.vtpm.tpm.types.Signature;
import org.vtpm.tpm.types.St;
import org.vtpm.tpm.types.TimeAttestInfo;
import org.vtpm.tpm.types.TimeInfo;
import org.vtpm.tpm.types.TpmLimits;
import org.vtpm.tpm.wire.Codecs;
import org.vtpm.tpm.wire.Tpm2b;
import org.vtpm.tpm.wire.TpmRc;

/**
 * TPM2_Certify, TPM2_CertifyCreation, TPM2_Quote and TPM2_GetTime (Part 3, 18.2 to 18.7),
 * TPM2_NV_Certify (31.16), and the TPMS_ATTEST every one of them signs.
 */
public final class AttestationCommands {

    private final EngineState state;
    private final NvCommands nv;

    /** @param nv the NV commands, whose read checks TPM2_NV_Certify shares */
    public AttestationCommands(EngineState state, NvCommands nv) {
        this.state = state;
        this.nv = nv;
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

    /** TPM2_Certify: vouches that an object with this name is loaded in this TPM. */
    public CertifyResponse certify(Certify command, Request request) throws CommandError {
        if (!(state.objects().get(command.objectHandle()).orElseThrow() instanceof LoadedKey object)) {
            throw CommandError.of(TpmRc.TYPE.withHandle(1));
        }
        LoadedKey key = signer(command.signHandle(), 2);
        Attest attest = attest(key, St.ATTEST_CERTIFY, command.qualifyingData(),
                new CertifyInfo(object.name(), object.qualifiedName()));
        return new CertifyResponse(Tpm2b.of(attest), signIfKeyed(key, command.inScheme(), attest, 2));
    }

    /** TPM2_CertifyCreation: vouches for an object's creation data, given this TPM's creation ticket. */
    public CertifyCreationResponse certifyCreation(CertifyCreation command, Request request) throws CommandError {
        if (!(state.objects().get(command.objectHandle()).orElseThrow() instanceof LoadedKey object)) {
            throw CommandError.of(TpmRc.TYPE.withHandle(2));
        }
        LoadedKey key = signer(command.signHandle(), 1);
        if (!Tickets.isValid(state.hierarchies(), command.creationTicket(), object.name(),
                command.creationHash().buffer())) {
            throw CommandError.of(TpmRc.TICKET.withParameter(4));
        }
        Attest attest = attest(key, St.ATTEST_CREATION, command.qualifyingData(),
                new CreationInfo(object.name(), command.creationHash()));
        return new CertifyCreationResponse(Tpm2b.of(attest), signIfKeyed(key, command.inScheme(), attest, 3));
    }

    /** TPM2_GetTime: the TPM's time and clock, signed, with the endorsement hierarchy's consent. */
    public GetTimeResponse getTime(GetTime command, Request request) throws CommandError {
        LoadedKey key = signer(command.signHandle(), 2);
        Clock clock = state.clock();
        TimeInfo time = new TimeInfo(clock.time(), new ClockInfo(clock.clock(), clock.resetCount(),
                clock.restartCount(), clock.safe()));
        Attest attest = attest(key, St.ATTEST_TIME, command.qualifyingData(),
                new TimeAttestInfo(time, TpmProperties.FIRMWARE_VERSION));
        return new GetTimeResponse(Tpm2b.of(attest), signIfKeyed(key, command.inScheme(), attest, 2));
    }

    /**
     * TPM2_NV_Certify (Part 3, 31.16): part of an index's contents (TPMS_NV_CERTIFY_INFO), or with
     * size and offset both 0 the digest of all of it (TPMS_NV_DIGEST_CERTIFY_INFO), readable with
     * the same authorization as TPM2_NV_Read.
     */
    public NvCertifyResponse nvCertify(NvCertify command, Request request) throws CommandError {
        LoadedKey key = signer(command.signHandle(), 1);
        SigningSchemes.Scheme scheme = key == null ? null : SigningSchemes.resolve(key, command.inScheme(), 2);
        if (command.size() > TpmLimits.MAX_NV_BUFFER_SIZE) {
            throw CommandError.of(TpmRc.VALUE.withParameter(3));
        }
        MaxNvBuffer contents = nv.read(new NvRead(command.authHandle(), command.nvIndex(), command.size(),
                command.offset()), request).data();
        NvIndex index = state.nv().get(command.nvIndex()).orElseThrow();
        Attest attest;
        if (command.size() != 0 || command.offset() != 0) {
            attest = attest(key, St.ATTEST_NV, command.qualifyingData(),
                    new NvCertifyInfo(index.name(), command.offset(), contents));
        } else {
            HashAlgorithm hash = scheme != null ? scheme.hash()
                    : command.inScheme().details() instanceof SchemeHash named
                            ? Algorithms.hash(named.hashAlg()).orElse(null) : null;
            byte[] digest = hash == null ? new byte[0] : hash.hash(index.read(0, index.publicArea().dataSize()));
            attest = attest(key, St.ATTEST_NV_DIGEST, command.qualifyingData(),
                    new NvDigestCertifyInfo(index.name(), new Digest(digest)));
        }
        return new NvCertifyResponse(Tpm2b.of(attest), signIfKeyed(key, command.inScheme(), attest, 2));
    }

    /** The signing key, or null for TPM_RH_NULL (the attestation is then returned unsigned). */
    LoadedKey signer(Handle handle, int handleNumber) throws CommandError {
        if (handle.equals(Handle.RH_NULL)) {
            return null;
        }
        if (state.objects().get(handle).orElseThrow() instanceof LoadedKey key
                && key.has(ObjectAttributes.SIGN_ENCRYPT)) {
            return key;
        }
        throw CommandError.of(TpmRc.KEY.withHandle(handleNumber));
    }

    Signature signIfKeyed(LoadedKey key, SigScheme inScheme, Attest attest, int schemeParameter)
            throws CommandError {
        if (key == null) {
            return new Signature(AlgId.NULL, Empty.INSTANCE);
        }
        SigningSchemes.Scheme scheme = SigningSchemes.resolve(key, inScheme, schemeParameter);
        return SigningCommands.sign(state, key, scheme, scheme.hash().hash(Codecs.marshal(attest)));
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
