package org.vtpm.tpm.client;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Objects;

import org.vtpm.tpm.command.StartAuthSession;
import org.vtpm.tpm.command.StartAuthSessionResponse;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.crypto.Kdfa;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Auth;
import org.vtpm.tpm.types.Empty;
import org.vtpm.tpm.types.EncryptedSecret;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.Nonce;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.Se;
import org.vtpm.tpm.types.SymDef;
import org.vtpm.tpm.types.XorHash;
import org.vtpm.tpm.wire.TpmException;

/**
 * How to start an HMAC or policy session with TPM2_StartAuthSession: its hash, its
 * parameter-encryption algorithm, and optionally a salt (encrypted to a loaded RSA or ECC key) and
 * a bind entity. An immutable value; {@link #unsalted} gives the plainest session.
 *
 * @param authHash  the session's hash: HMACs, the session key and nonce sizes
 * @param symmetric AES-CFB or XOR for parameter encryption, or {@link SymDef#NULL}
 * @param tpmKey    the key the salt is encrypted to, or TPM_RH_NULL for no salt
 * @param tpmKeyPublic that key's public area (unused when there is no salt)
 * @param bind      the entity the session is bound to, or TPM_RH_NULL
 * @param bindAuth  that entity's authValue, mixed into the session key
 */
public record SessionSetup(HashAlgorithm authHash, SymDef symmetric, Handle tpmKey, Public tpmKeyPublic,
        Handle bind, Auth bindAuth) {

    public SessionSetup {
        Objects.requireNonNull(authHash, "authHash");
        Objects.requireNonNull(symmetric, "symmetric");
        Objects.requireNonNull(tpmKey, "tpmKey");
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(bindAuth, "bindAuth");
        if (!tpmKey.equals(Handle.RH_NULL)) {
            Objects.requireNonNull(tpmKeyPublic, "tpmKeyPublic of a salted session");
        }
    }

    /** A session neither salted nor bound, without parameter encryption. */
    public static SessionSetup unsalted(HashAlgorithm authHash) {
        return new SessionSetup(authHash, SymDef.NULL, Handle.RH_NULL, null, Handle.RH_NULL, Auth.EMPTY);
    }

    /** The same session, salted with a secret encrypted to the loaded key {@code tpmKey}. */
    public SessionSetup salted(Handle key, Public keyPublic) {
        return new SessionSetup(authHash, symmetric, key, keyPublic, bind, bindAuth);
    }

    /** The same session, bound to {@code entity} whose authValue is {@code auth}. */
    public SessionSetup bound(Handle entity, Auth auth) {
        return new SessionSetup(authHash, symmetric, tpmKey, tpmKeyPublic, entity, auth);
    }

    /** The same session, encrypting parameters with AES in CFB mode. */
    public SessionSetup withAesCfb(int keyBits) {
        return new SessionSetup(authHash, SymDef.aesCfb(keyBits), tpmKey, tpmKeyPublic, bind, bindAuth);
    }

    /** The same session, obfuscating parameters with XOR over the session's hash. */
    public SessionSetup withXor() {
        SymDef xor = new SymDef(AlgId.XOR, new XorHash(new AlgId(authHash.algId())), Empty.INSTANCE);
        return new SessionSetup(authHash, xor, tpmKey, tpmKeyPublic, bind, bindAuth);
    }

    /**
     * Starts the session: sends TPM2_StartAuthSession with a fresh nonceCaller and derives the
     * session key {@code KDFa(authHash, bindAuth || salt, "ATH", nonceTPM, nonceCaller)} (Part 1,
     * 19.6.8), empty when the session is neither salted nor bound.
     */
    SessionState start(Tpm tpm, Se type, SecureRandom random) throws TpmException, IOException {
        Nonce nonceCaller = SessionState.newNonce(authHash, random);
        byte[] salt = new byte[0];
        EncryptedSecret encryptedSalt = EncryptedSecret.EMPTY;
        if (!tpmKey.equals(Handle.RH_NULL)) {
            Salt generated = Salt.forKey(tpmKeyPublic, random);
            salt = generated.value();
            encryptedSalt = generated.encrypted();
        }
        // Resolved first: a failure after TPM2_StartAuthSession would leave the session loaded.
        Name bindName = bind.equals(Handle.RH_NULL) ? null : tpm.nameOf(bind);
        StartAuthSessionResponse started = tpm.execute(new StartAuthSession(tpmKey, bind, nonceCaller,
                encryptedSalt, type, symmetric, new AlgId(authHash.algId())));
        byte[] bindValue = bind.equals(Handle.RH_NULL) ? new byte[0] : SessionState.significant(bindAuth);
        byte[] keyMaterial = new byte[bindValue.length + salt.length];
        System.arraycopy(bindValue, 0, keyMaterial, 0, bindValue.length);
        System.arraycopy(salt, 0, keyMaterial, bindValue.length, salt.length);
        byte[] sessionKey = keyMaterial.length == 0 ? new byte[0]
                : Kdfa.derive(authHash, keyMaterial, "ATH", started.nonceTPM().buffer(), nonceCaller.buffer(),
                        8 * authHash.digestSize());
        return new SessionState(started.sessionHandle(), authHash, symmetric, sessionKey, nonceCaller,
                started.nonceTPM(), bindName, bindValue, random);
    }
}
