package org.vtpm.manager.keys;

import java.io.IOException;

import org.vtpm.tpm.client.HmacSession;
import org.vtpm.tpm.client.PasswordSession;
import org.vtpm.tpm.client.PolicySession;
import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.client.TpmCommandException;
import org.vtpm.tpm.client.SessionSetup;
import org.vtpm.tpm.command.CreatePrimary;
import org.vtpm.tpm.command.CreatePrimaryResponse;
import org.vtpm.tpm.command.Load;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.EccCurve;
import org.vtpm.tpm.types.EccParameter;
import org.vtpm.tpm.types.EccParms;
import org.vtpm.tpm.types.EccPoint;
import org.vtpm.tpm.types.EccScheme;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.KdfScheme;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.Private;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.SensitiveCreate;
import org.vtpm.tpm.types.SymDefObject;
import org.vtpm.tpm.wire.TpmException;
import org.vtpm.tpm.wire.TpmRc;
import org.vtpm.tpm.wire.Tpm2b;

/**
 * The physical TPM's storage primary key (SRK), re-created from the TCG Provisioning Guidance ECC
 * NIST P-256 template (section 7.5.1) whenever the manager needs it. The same owner seed gives the
 * same key, so nothing needs to be persisted in the pTPM, and an ECC primary is created in
 * milliseconds. Closing flushes it.
 *
 * <p>The owner hierarchy's authorization is assumed empty, as the Provisioning Guidance leaves it.
 */
final class StoragePrimary implements AutoCloseable {

    static final HashAlgorithm SESSION_HASH = HashAlgorithm.SHA256;
    private static final int AES_BITS = 128;
    private static final int P256_COORDINATE_BYTES = 32;

    private final Tpm tpm;
    private final Handle handle;
    private final Public publicArea;

    private StoragePrimary(Tpm tpm, Handle handle, Public publicArea) {
        this.tpm = tpm;
        this.handle = handle;
        this.publicArea = publicArea;
    }

    static StoragePrimary create(Tpm tpm) throws KeyProtectionException, IOException {
        CreatePrimaryResponse created = TpmCalls.execute(tpm, "TPM2_CreatePrimary of the storage primary key",
                new CreatePrimary(Handle.RH_OWNER, Tpm2b.of(SensitiveCreate.EMPTY), Tpm2b.of(template()), Data.EMPTY,
                        PcrSelectionList.EMPTY), PasswordSession.empty());
        return new StoragePrimary(tpm, created.objectHandle(), created.outPublic().value());
    }

    static Public template() {
        ObjectAttributes attributes = ObjectAttributes.of(ObjectAttributes.FIXED_TPM, ObjectAttributes.FIXED_PARENT,
                ObjectAttributes.SENSITIVE_DATA_ORIGIN, ObjectAttributes.USER_WITH_AUTH, ObjectAttributes.NO_DA,
                ObjectAttributes.RESTRICTED, ObjectAttributes.DECRYPT);
        EccParameter zero = new EccParameter(new byte[P256_COORDINATE_BYTES]);
        return new Public(AlgId.ECC, AlgId.SHA256, attributes, Digest.EMPTY,
                new EccParms(SymDefObject.aesCfb(AES_BITS), EccScheme.NULL, EccCurve.NIST_P256,
                        KdfScheme.NULL),
                new EccPoint(zero, zero));
    }

    Handle handle() {
        return handle;
    }

    Public publicArea() {
        return publicArea;
    }

    /**
     * How sessions that carry secrets start: salted to this key and encrypting with AES-CFB, so a
     * secret crossing the bus (or network) to a hardware TPM is never in clear.
     */
    SessionSetup saltedSetup() {
        return SessionSetup.unsalted(SESSION_HASH).salted(handle, publicArea).withAesCfb(AES_BITS);
    }

    HmacSession startSaltedSession() throws KeyProtectionException, IOException {
        try {
            return HmacSession.start(tpm, saltedSetup());
        } catch (TpmException e) {
            throw TpmCalls.failed("starting a session salted to the storage primary key", e);
        }
    }

    /**
     * Loads a child of this key.
     *
     * @param what     the object, for messages: "the manager KEK"
     * @param madeHow  how it came to be, for messages: "was sealed"
     * @throws KeyProtectionException naming another physical TPM as the likely cause when the TPM
     *     finds the private area's integrity broken, which is what a blob of another TPM's storage
     *     primary key (or of this TPM before its storage hierarchy was cleared) looks like
     */
    Handle load(Public childPublic, Private childPrivate, String what, String madeHow)
            throws KeyProtectionException, IOException {
        try {
            return tpm.execute(new Load(handle, childPrivate, Tpm2b.of(childPublic)), PasswordSession.empty())
                    .objectHandle();
        } catch (TpmCommandException e) {
            if (e.rc().base().equals(TpmRc.INTEGRITY)) {
                throw new KeyProtectionException(what + " " + madeHow + " by a different physical TPM (or this TPM's"
                        + " storage hierarchy was cleared since): its storage primary key cannot load it (" + e.rc()
                        + ")", e);
            }
            throw TpmCalls.failed("TPM2_Load of " + what, e);
        } catch (TpmException e) {
            throw TpmCalls.failed("TPM2_Load of " + what, e);
        }
    }

    PolicySession startSaltedPolicySession() throws KeyProtectionException, IOException {
        try {
            return PolicySession.start(tpm, saltedSetup());
        } catch (TpmException e) {
            throw TpmCalls.failed("starting a policy session salted to the storage primary key", e);
        }
    }

    @Override
    public void close() throws KeyProtectionException, IOException {
        TpmCalls.flush(tpm, handle);
    }
}
