package org.vtpm.tpm.command;

import java.util.List;

import org.bouncycastle.crypto.Digest;

import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.types.Cc;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.wire.TpmRc;

/**
 * cpHash and rpHash (Part 1, 18.7 and 18.8): the digests that HMAC sessions authorize, audit
 * sessions accumulate and PolicyCpHash binds. Clients and the engine compute them alike.
 */
public final class ParameterHashes {

    private ParameterHashes() {
    }

    /** {@code H(commandCode || name1 || ... || parameters)} over the parameter area as sent. */
    public static byte[] cpHash(HashAlgorithm hash, Cc code, List<Name> names, byte[] parameters) {
        Digest digest = hash.newDigest();
        update(digest, code.value());
        for (Name name : names) {
            byte[] bytes = name.buffer();
            digest.update(bytes, 0, bytes.length);
        }
        digest.update(parameters, 0, parameters.length);
        return finish(digest);
    }

    /** {@code H(responseCode || commandCode || parameters)} over the parameter area as received. */
    public static byte[] rpHash(HashAlgorithm hash, TpmRc rc, Cc code, byte[] parameters) {
        Digest digest = hash.newDigest();
        update(digest, rc.value());
        update(digest, code.value());
        digest.update(parameters, 0, parameters.length);
        return finish(digest);
    }

    private static void update(Digest digest, int value) {
        digest.update((byte) (value >>> 24));
        digest.update((byte) (value >>> 16));
        digest.update((byte) (value >>> 8));
        digest.update((byte) value);
    }

    private static byte[] finish(Digest digest) {
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }
}
