package org.vtpm.tpm.engine.state;

import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.SymDef;
import org.vtpm.tpm.types.TpmLimits;
import org.vtpm.tpm.wire.Codecs;
import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmReader;
import org.vtpm.tpm.wire.TpmRc;
import org.vtpm.tpm.wire.TpmWriter;

/**
 * An HMAC session (Part 1, 19.6): its hash, parameter-encryption algorithm, session key, the
 * TPM's current nonce, and the name of the entity it is bound to (empty when unbound).
 */
public final class AuthSession {

    private static final int MAX_SYM_DEF = 16;

    private final HashAlgorithm hash;
    private final SymDef symmetric;
    private final byte[] sessionKey;
    private final Name bindName;
    private byte[] nonceTpm;

    public AuthSession(HashAlgorithm hash, SymDef symmetric, byte[] sessionKey, Name bindName, byte[] nonceTpm) {
        this.hash = hash;
        this.symmetric = symmetric;
        this.sessionKey = sessionKey.clone();
        this.bindName = bindName;
        this.nonceTpm = nonceTpm.clone();
    }

    public HashAlgorithm hash() {
        return hash;
    }

    public SymDef symmetric() {
        return symmetric;
    }

    public byte[] sessionKey() {
        return sessionKey.clone();
    }

    public Name bindName() {
        return bindName;
    }

    public byte[] nonceTpm() {
        return nonceTpm.clone();
    }

    /** The TPM's nonce rolls with every response that uses the session. */
    public void nonceTpm(byte[] nonce) {
        nonceTpm = nonce.clone();
    }

    void write(TpmWriter out) {
        out.writeU16(hash.algId());
        StateFields.writeBytes(out, Codecs.marshal(symmetric));
        StateFields.writeBytes(out, sessionKey);
        StateFields.writeBytes(out, bindName.buffer());
        StateFields.writeBytes(out, nonceTpm);
    }

    static AuthSession read(TpmReader in) throws TpmFormatException {
        int alg = in.readU16();
        HashAlgorithm hash = PcrBanks.bank(alg)
                .orElseThrow(() -> new TpmFormatException(TpmRc.HASH, "session hash 0x" + Integer.toHexString(alg)));
        SymDef symmetric = Codecs.unmarshal(SymDef.class, StateFields.readBytes(in, MAX_SYM_DEF));
        byte[] sessionKey = StateFields.readBytes(in, TpmLimits.MAX_DIGEST_SIZE);
        Name bindName = new Name(StateFields.readBytes(in, TpmLimits.SIZEOF_TPMT_HA));
        byte[] nonce = StateFields.readBytes(in, TpmLimits.MAX_DIGEST_SIZE);
        return new AuthSession(hash, symmetric, sessionKey, bindName, nonce);
    }
}
