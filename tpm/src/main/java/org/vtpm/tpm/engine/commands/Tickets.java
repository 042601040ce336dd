package org.vtpm.tpm.engine.commands;

import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.crypto.Hmac;
import org.vtpm.tpm.engine.state.Hierarchies;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.St;
import org.vtpm.tpm.types.TkHashcheck;
import org.vtpm.tpm.wire.TpmWriter;

/**
 * Tickets (Part 1, 11.4.6 and Part 2, 10.7): HMACs keyed with a hierarchy's proof that let the
 * TPM later trust something it computed itself.
 */
public final class Tickets {

    /** TPM_GENERATED_VALUE: data starting with it must never be vouched for as external. */
    public static final int TPM_GENERATED_VALUE = 0xFF544347;

    private Tickets() {
    }

    /**
     * TPMT_TK_HASHCHECK for data hashed in one piece: the NULL ticket when the data could pass for a
     * TPM-generated structure.
     */
    public static TkHashcheck hashCheck(Hierarchies hierarchies, Handle hierarchy, HashAlgorithm alg, byte[] digest,
            byte[] data) {
        return startsWithGeneratedValue(data) ? TkHashcheck.NULL : hashCheck(hierarchies, hierarchy, alg, digest);
    }

    /**
     * TPMT_TK_HASHCHECK: HMAC(proof, TPM_ST_HASHCHECK || hashAlg || digest), or the NULL ticket for
     * TPM_RH_NULL.
     */
    public static TkHashcheck hashCheck(Hierarchies hierarchies, Handle hierarchy, HashAlgorithm alg, byte[] digest) {
        if (hierarchy.equals(Handle.RH_NULL)) {
            return TkHashcheck.NULL;
        }
        byte[] message = new TpmWriter(4 + digest.length).writeU16(St.HASHCHECK.value()).writeU16(alg.algId())
                .writeBytes(digest).toByteArray();
        return new TkHashcheck(St.HASHCHECK, hierarchy,
                new Digest(Hmac.compute(alg, hierarchies.proof(hierarchy), message)));
    }

    private static boolean startsWithGeneratedValue(byte[] data) {
        return data.length >= 4 && ((data[0] & 0xFF) << 24 | (data[1] & 0xFF) << 16 | (data[2] & 0xFF) << 8
                | (data[3] & 0xFF)) == TPM_GENERATED_VALUE;
    }
}
