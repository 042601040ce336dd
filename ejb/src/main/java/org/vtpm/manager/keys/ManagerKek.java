package org.vtpm.manager.keys;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

import org.vtpm.tpm.client.HmacSession;
import org.vtpm.tpm.client.PolicySession;
import org.vtpm.tpm.client.SessionSetup;
import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.client.TpmCommandException;
import org.vtpm.tpm.command.Create;
import org.vtpm.tpm.command.CreateResponse;
import org.vtpm.tpm.command.PolicyGetDigest;
import org.vtpm.tpm.command.PolicyPcr;
import org.vtpm.tpm.command.Unseal;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Auth;
import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.KeyedHashParms;
import org.vtpm.tpm.types.KeyedHashScheme;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.SensitiveCreate;
import org.vtpm.tpm.types.SensitiveData;
import org.vtpm.tpm.types.SessionAttributes;
import org.vtpm.tpm.wire.TpmException;
import org.vtpm.tpm.wire.TpmRc;
import org.vtpm.tpm.wire.Tpm2b;

/**
 * Seals the manager KEK into the physical TPM and unseals it at start. The KEK is a sealed data
 * object under the {@link StoragePrimary storage primary key}: only the TPM whose owner seed
 * produced that key can load it, and, when bound to PCRs, only while the host's PCRs hold the
 * values they had at sealing. The KEK travels to and from the TPM in sessions salted to the
 * storage primary key, with parameter encryption.
 */
public final class ManagerKek {

    private static final SessionAttributes ENCRYPT_COMMAND = SessionAttributes.of(
            SessionAttributes.CONTINUE_SESSION, SessionAttributes.DECRYPT);
    private static final SessionAttributes ENCRYPT_RESPONSE = SessionAttributes.of(
            SessionAttributes.CONTINUE_SESSION, SessionAttributes.ENCRYPT);

    private ManagerKek() {
    }

    /**
     * Creates a new random KEK and seals it under the storage primary key of {@code ptpm}; the
     * returned object is what the manager stores, and {@link #unseal} gives the KEK back.
     *
     * @param pcrs host PCRs the KEK is bound to, at their current values; empty for none
     * @throws KeyProtectionException when the TPM refuses
     * @throws IOException when the TPM cannot be reached
     */
    public static SealedKek seal(Tpm ptpm, Optional<PcrBinding> pcrs) throws KeyProtectionException, IOException {
        try (StoragePrimary srk = StoragePrimary.create(ptpm)) {
            Digest policy = pcrs.isPresent() ? pcrPolicy(ptpm, pcrs.get().selection()) : Digest.EMPTY;
            byte[] kek = AesGcm.randomKey();
            HmacSession session = srk.startSaltedSession();
            try {
                CreateResponse created = TpmCalls.execute(ptpm, "TPM2_Create of the sealed KEK",
                        new Create(srk.handle(), Tpm2b.of(new SensitiveCreate(Auth.EMPTY, new SensitiveData(kek))),
                                Tpm2b.of(template(policy, pcrs.isPresent())), Data.EMPTY, PcrSelectionList.EMPTY),
                        session.withAttributes(ENCRYPT_COMMAND));
                return new SealedKek(created.outPublic().value(), created.outPrivate(), pcrs);
            } finally {
                Arrays.fill(kek, (byte) 0);
                TpmCalls.flush(ptpm, session.handle());
            }
        }
    }

    /**
     * The KEK {@code sealed} holds. Loads it under the storage primary key of {@code ptpm}, unseals
     * it (with a TPM2_PolicyPCR session when bound to PCRs) and flushes what it loaded.
     *
     * @throws KeyProtectionException when {@code ptpm} is not the TPM that sealed it, when its PCRs
     *     moved, or when the TPM refuses otherwise
     * @throws IOException when the TPM cannot be reached
     */
    public static Kek unseal(Tpm ptpm, SealedKek sealed) throws KeyProtectionException, IOException {
        try (StoragePrimary srk = StoragePrimary.create(ptpm)) {
            Handle object = srk.load(sealed.publicArea(), sealed.privateArea(), "the manager KEK", "was sealed");
            try {
                byte[] kek = unsealObject(ptpm, srk, object, sealed.pcrs());
                if (kek.length != AesGcm.KEY_BYTES) {
                    Arrays.fill(kek, (byte) 0);
                    throw new KeyProtectionException("the sealed object holds " + kek.length
                            + " bytes, not a " + AesGcm.KEY_BYTES + "-byte manager KEK");
                }
                return Kek.adopt(kek);
            } finally {
                TpmCalls.flush(ptpm, object);
            }
        }
    }

    private static byte[] unsealObject(Tpm ptpm, StoragePrimary srk, Handle object, Optional<PcrBinding> pcrs)
            throws KeyProtectionException, IOException {
        if (pcrs.isEmpty()) {
            HmacSession session = srk.startSaltedSession();
            try {
                return TpmCalls.execute(ptpm, "TPM2_Unseal of the manager KEK", new Unseal(object),
                        session.withAttributes(ENCRYPT_RESPONSE)).outData().buffer();
            } finally {
                TpmCalls.flush(ptpm, session.handle());
            }
        }
        PolicySession session = srk.startSaltedPolicySession();
        try {
            TpmCalls.execute(ptpm, "TPM2_PolicyPCR", new PolicyPcr(session.handle(), Digest.EMPTY,
                    pcrs.get().selection()));
            return ptpm.execute(new Unseal(object), session.withAttributes(ENCRYPT_RESPONSE)).outData().buffer();
        } catch (TpmCommandException e) {
            TpmRc rc = e.rc().base();
            if (rc.equals(TpmRc.POLICY_FAIL) || rc.equals(TpmRc.PCR_CHANGED)) {
                throw new KeyProtectionException("the manager KEK cannot be unsealed: host PCRs no longer match the"
                        + " values it was sealed with (bound to " + pcrs.get() + "; " + e.rc() + ")", e);
            }
            throw TpmCalls.failed("TPM2_Unseal of the manager KEK", e);
        } catch (TpmException e) {
            throw TpmCalls.failed("TPM2_Unseal of the manager KEK", e);
        } finally {
            TpmCalls.flush(ptpm, session.handle());
        }
    }

    /** The digest TPM2_PolicyPCR gives over the current values of {@code selection}, from a trial session. */
    private static Digest pcrPolicy(Tpm ptpm, PcrSelectionList selection) throws KeyProtectionException, IOException {
        PolicySession trial;
        try {
            trial = PolicySession.startTrial(ptpm, SessionSetup.unsalted(StoragePrimary.SESSION_HASH));
        } catch (TpmException e) {
            throw TpmCalls.failed("starting a trial policy session", e);
        }
        try {
            TpmCalls.execute(ptpm, "TPM2_PolicyPCR in a trial session", new PolicyPcr(trial.handle(), Digest.EMPTY,
                    selection));
            return TpmCalls.execute(ptpm, "TPM2_PolicyGetDigest", new PolicyGetDigest(trial.handle())).policyDigest();
        } finally {
            TpmCalls.flush(ptpm, trial.handle());
        }
    }

    /**
     * A sealed data object: fixed to this TPM and parent, its data supplied (so not
     * sensitiveDataOrigin). When bound to PCRs only the policy authorizes it, for user and admin
     * roles alike; otherwise its empty authValue does.
     */
    private static Public template(Digest policy, boolean bound) {
        ObjectAttributes attributes = ObjectAttributes.of(ObjectAttributes.FIXED_TPM, ObjectAttributes.FIXED_PARENT,
                ObjectAttributes.NO_DA);
        attributes = attributes.with(bound ? ObjectAttributes.ADMIN_WITH_POLICY : ObjectAttributes.USER_WITH_AUTH);
        return new Public(AlgId.KEYEDHASH, AlgId.SHA256, attributes, policy, new KeyedHashParms(KeyedHashScheme.NULL),
                Digest.EMPTY);
    }
}
