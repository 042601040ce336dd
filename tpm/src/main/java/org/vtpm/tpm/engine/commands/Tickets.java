package org.vtpm.tpm.engine.commands;

import java.security.MessageDigest;

import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.crypto.Hmac;
import org.vtpm.tpm.engine.state.Hierarchies;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.St;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.TkCreation;
import org.vtpm.tpm.types.TkAuth;
import org.vtpm.tpm.types.TkHashcheck;
import org.vtpm.tpm.types.TkVerified;
import org.vtpm.tpm.wire.TpmWriter;

/**
 * Tickets (Part 1, 11.4.6 and Part 2, 10.7): HMACs keyed with a hierarchy's proof that let the
 * TPM later trust something it computed itself.
 */
public final class Tickets {

    /** The HMAC of creation and verification tickets (TPM_PT_CONTEXT_HASH). */
    public static final HashAlgorithm TICKET_HASH = HashAlgorithm.SHA384;

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

    /**
     * TPMT_TK_VERIFIED: HMAC(proof, TPM_ST_VERIFIED || digest || keyName), or the NULL ticket for a
     * key in the null hierarchy.
     */
    public static TkVerified verified(Hierarchies hierarchies, Handle hierarchy, byte[] digest, Name keyName) {
        if (hierarchy.equals(Handle.RH_NULL)) {
            return new TkVerified(St.VERIFIED, Handle.RH_NULL, Digest.EMPTY);
        }
        byte[] message = new TpmWriter().writeU16(St.VERIFIED.value()).writeBytes(digest)
                .writeBytes(keyName.buffer()).toByteArray();
        return new TkVerified(St.VERIFIED, hierarchy,
                new Digest(Hmac.compute(TICKET_HASH, hierarchies.proof(hierarchy), message)));
    }

    /**
     * TPMT_TK_AUTH of TPM2_PolicySigned or TPM2_PolicySecret: HMAC(proof, tag || timeout || epoch ||
     * cpHashA || policyRef || authName). The timeout counts in TPM time, which restarts at every
     * _TPM_Init, so the ticket also covers the session epoch it was issued in: otherwise an expired
     * ticket would come back to life after a power cycle.
     */
    public static TkAuth auth(Hierarchies hierarchies, St tag, Handle hierarchy, long timeout, long epoch,
            byte[] cpHashA, byte[] policyRef, Name authName) {
        byte[] message = new TpmWriter().writeU16(tag.value()).writeU64(timeout).writeU64(epoch).writeBytes(cpHashA)
                .writeBytes(policyRef).writeBytes(authName.buffer()).toByteArray();
        return new TkAuth(tag, hierarchy, new Digest(Hmac.compute(TICKET_HASH, hierarchies.proof(hierarchy), message)));
    }

    /** TPMT_TK_CREATION: HMAC(proof, TPM_ST_CREATION || name || creationHash). */
    public static TkCreation creation(Hierarchies hierarchies, Handle hierarchy, Name name, byte[] creationHash) {
        byte[] message = new TpmWriter().writeU16(St.CREATION.value()).writeBytes(name.buffer())
                .writeBytes(creationHash).toByteArray();
        return new TkCreation(St.CREATION, hierarchy,
                new Digest(Hmac.compute(TICKET_HASH, hierarchies.proof(hierarchy), message)));
    }

    /** Whether {@code ticket} is this TPM's creation ticket for the object and creation hash. */
    public static boolean isValid(Hierarchies hierarchies, TkCreation ticket, Name name, byte[] creationHash) {
        return hierarchies.isEnabled(ticket.hierarchy()) && MessageDigest.isEqual(
                creation(hierarchies, ticket.hierarchy(), name, creationHash).digest().buffer(),
                ticket.digest().buffer());
    }

    /** Whether {@code ticket} is this TPM's hashcheck ticket for {@code digest}. */
    public static boolean isValid(Hierarchies hierarchies, TkHashcheck ticket, HashAlgorithm alg, byte[] digest) {
        if (ticket.hierarchy().equals(Handle.RH_NULL) || !hierarchies.isEnabled(ticket.hierarchy())) {
            return false;
        }
        return MessageDigest.isEqual(hashCheck(hierarchies, ticket.hierarchy(), alg, digest).digest().buffer(),
                ticket.digest().buffer());
    }

    private static boolean startsWithGeneratedValue(byte[] data) {
        return data.length >= 4 && ((data[0] & 0xFF) << 24 | (data[1] & 0xFF) << 16 | (data[2] & 0xFF) << 8
                | (data[3] & 0xFF)) == TPM_GENERATED_VALUE;
    }
}
