package org.vtpm.bench.workload;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

import org.vtpm.tpm.client.HmacSession;
import org.vtpm.tpm.client.PasswordSession;
import org.vtpm.tpm.client.SessionSetup;
import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.command.CreatePrimary;
import org.vtpm.tpm.command.CreatePrimaryResponse;
import org.vtpm.tpm.command.FlushContext;
import org.vtpm.tpm.command.GetRandom;
import org.vtpm.tpm.command.Hash;
import org.vtpm.tpm.command.NvDefineSpace;
import org.vtpm.tpm.command.NvRead;
import org.vtpm.tpm.command.NvUndefineSpace;
import org.vtpm.tpm.command.NvWrite;
import org.vtpm.tpm.command.PcrExtend;
import org.vtpm.tpm.command.PcrRead;
import org.vtpm.tpm.command.Quote;
import org.vtpm.tpm.command.Sign;
import org.vtpm.tpm.command.TpmResponse;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Auth;
import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.DigestValuesList;
import org.vtpm.tpm.types.Ha;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.MaxBuffer;
import org.vtpm.tpm.types.MaxNvBuffer;
import org.vtpm.tpm.types.NvAttributes;
import org.vtpm.tpm.types.NvPublic;
import org.vtpm.tpm.types.PcrSelect;
import org.vtpm.tpm.types.PcrSelection;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.SensitiveCreate;
import org.vtpm.tpm.types.SessionAttributes;
import org.vtpm.tpm.types.SigScheme;
import org.vtpm.tpm.types.TkHashcheck;
import org.vtpm.tpm.wire.Bytes;
import org.vtpm.tpm.wire.Tpm2b;
import org.vtpm.tpm.wire.TpmException;

/** The {@link Operation} behind each {@link Workload}. */
final class Operations {

    /** The debug PCR: extendable from locality 0 on every PC Client TPM, and used by nothing else. */
    private static final Handle DEBUG_PCR = Handle.pcr(16);
    private static final DigestValuesList SHA256_MEASUREMENT = new DigestValuesList(List.of(
            new Ha(AlgId.SHA256, Bytes.of(HashAlgorithm.SHA256.hash(new byte[] {'b', 'e', 'n', 'c', 'h'})))));
    private static final PcrSelectionList FIRST_EIGHT_PCRS = PcrSelectionList.of(
            new PcrSelection(AlgId.SHA256, PcrSelect.of(0, 1, 2, 3, 4, 5, 6, 7)));
    private static final int RANDOM_BYTES = 32;
    private static final int HASHED_BYTES = 1024;
    private static final int NV_BYTES = 64;
    /** An index in the owner range (TCG Registry of Reserved TPM 2.0 Handles: 0x01500000..). */
    private static final Handle NV_INDEX = new Handle(0x0150_0B00);
    private static final byte[] NONCE = HashAlgorithm.SHA256.hash(new byte[] {'n', 'o', 'n', 'c', 'e'});

    private Operations() {
    }

    static Operation getRandom(Tpm tpm) {
        GetRandom command = new GetRandom(RANDOM_BYTES);
        return stateless(() -> tpm.execute(command));
    }

    static Operation pcrExtend(Tpm tpm) {
        PcrExtend command = new PcrExtend(DEBUG_PCR, SHA256_MEASUREMENT);
        return stateless(() -> tpm.execute(command, PasswordSession.empty()));
    }

    static Operation pcrRead(Tpm tpm) {
        PcrRead command = new PcrRead(FIRST_EIGHT_PCRS);
        return stateless(() -> tpm.execute(command));
    }

    static Operation hash(Tpm tpm) {
        Hash command = new Hash(new MaxBuffer(new byte[HASHED_BYTES]), AlgId.SHA256, Handle.RH_NULL);
        return stateless(() -> tpm.execute(command));
    }

    /**
     * CreatePrimary of a signing key under the owner hierarchy, then FlushContext of the new key.
     *
     * @param first a different unique field each time, so the TPM derives a new key rather than
     *     serving one it has derived before
     */
    static Operation createPrimary(Tpm tpm, KeyKind kind, boolean first) {
        ByteBuffer unique = ByteBuffer.allocate(kind.uniqueSize());
        return new Operation() {
            private long counter;

            @Override
            public CreatePrimaryResponse run() throws TpmException, IOException {
                Public template;
                if (first) {
                    unique.putLong(0, ++counter);
                    template = kind.template(false, unique.array().clone());
                } else {
                    template = kind.template(false, new byte[0]);
                }
                CreatePrimaryResponse response = tpm.execute(primary(template), PasswordSession.empty());
                tpm.execute(new FlushContext(response.objectHandle()));
                return response;
            }

            @Override
            public void close() {
            }
        };
    }

    static Operation quote(Tpm tpm, KeyKind kind) throws TpmException, IOException {
        Handle key = tpm.execute(primary(kind.template(true, new byte[0])), PasswordSession.empty()).objectHandle();
        Quote command = new Quote(key, new Data(NONCE), SigScheme.NULL, FIRST_EIGHT_PCRS);
        return withKey(tpm, key, () -> tpm.execute(command, PasswordSession.empty()));
    }

    static Operation sign(Tpm tpm, KeyKind kind) throws TpmException, IOException {
        Handle key = tpm.execute(primary(kind.template(false, new byte[0])), PasswordSession.empty()).objectHandle();
        Sign command = new Sign(key, new Digest(NONCE), SigScheme.NULL, TkHashcheck.NULL);
        return withKey(tpm, key, () -> tpm.execute(command, PasswordSession.empty()));
    }

    /** An ordinary index written and read with its own (empty) authValue. */
    static Operation nv(Tpm tpm, boolean write) throws TpmException, IOException {
        NvAttributes attributes = NvAttributes.of(NvAttributes.AUTHWRITE, NvAttributes.AUTHREAD, NvAttributes.NO_DA);
        tpm.execute(new NvDefineSpace(Handle.RH_OWNER, Auth.EMPTY,
                Tpm2b.of(new NvPublic(NV_INDEX, AlgId.SHA256, attributes, Digest.EMPTY, NV_BYTES))),
                PasswordSession.empty());
        NvWrite writeCommand = new NvWrite(NV_INDEX, NV_INDEX, new MaxNvBuffer(new byte[NV_BYTES]), 0);
        NvRead readCommand = new NvRead(NV_INDEX, NV_INDEX, NV_BYTES, 0);
        return new Operation() {
            private boolean written;

            @Override
            public TpmResponse run() throws TpmException, IOException {
                if (write || !written) {
                    written = true;
                    return tpm.execute(writeCommand, PasswordSession.empty());
                }
                return tpm.execute(readCommand, PasswordSession.empty());
            }

            @Override
            public void close() throws TpmException, IOException {
                tpm.execute(new NvUndefineSpace(Handle.RH_OWNER, NV_INDEX), PasswordSession.empty());
            }
        };
    }

    /** An unsalted, unbound HMAC session that authorizes one PCR_Extend and ends with it. */
    static Operation hmacSession(Tpm tpm) {
        SessionSetup setup = SessionSetup.unsalted(HashAlgorithm.SHA256);
        PcrExtend command = new PcrExtend(DEBUG_PCR, SHA256_MEASUREMENT);
        return stateless(() -> {
            HmacSession session = HmacSession.start(tpm, setup);
            return tpm.execute(command, session.withAttributes(SessionAttributes.NONE));
        });
    }

    private static CreatePrimary primary(Public template) {
        return new CreatePrimary(Handle.RH_OWNER, Tpm2b.of(SensitiveCreate.EMPTY), Tpm2b.of(template), Data.EMPTY,
                PcrSelectionList.EMPTY);
    }

    /** A step of an operation: one or more TPM commands. */
    @FunctionalInterface
    private interface Step {
        TpmResponse run() throws TpmException, IOException;
    }

    private static Operation stateless(Step step) {
        return new Operation() {
            @Override
            public TpmResponse run() throws TpmException, IOException {
                return step.run();
            }

            @Override
            public void close() {
            }
        };
    }

    private static Operation withKey(Tpm tpm, Handle key, Step step) {
        return new Operation() {
            @Override
            public TpmResponse run() throws TpmException, IOException {
                return step.run();
            }

            @Override
            public void close() throws TpmException, IOException {
                tpm.execute(new FlushContext(key));
            }
        };
    }
}
