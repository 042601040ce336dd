package org.vtpm.tpm.engine.commands;

import java.security.MessageDigest;

import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.vtpm.tpm.command.Hmac;
import org.vtpm.tpm.command.HmacResponse;
import org.vtpm.tpm.command.Sign;
import org.vtpm.tpm.command.SignResponse;
import org.vtpm.tpm.command.VerifySignature;
import org.vtpm.tpm.command.VerifySignatureResponse;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.engine.keys.Signatures;
import org.vtpm.tpm.engine.state.EngineState;
import org.vtpm.tpm.engine.state.LoadedKey;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.Ha;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.types.SensitiveData;
import org.vtpm.tpm.types.Signature;
import org.vtpm.tpm.wire.TpmRc;

/** TPM2_Sign and TPM2_VerifySignature (Part 3, 20.1 and 20.2) and TPM2_HMAC (15.5). */
public final class SigningCommands {

    private final EngineState state;

    public SigningCommands(EngineState state) {
        this.state = state;
    }

    public SignResponse sign(Sign command, Request request) throws CommandError {
        LoadedKey key = signingKey(state, command.keyHandle());
        SigningSchemes.Scheme scheme = SigningSchemes.resolve(key, command.inScheme(), 2);
        byte[] digest = command.digest().buffer();
        if (digest.length != scheme.hash().digestSize()) {
            throw CommandError.of(TpmRc.SIZE.withParameter(1));
        }
        if (key.has(ObjectAttributes.RESTRICTED)
                && !Tickets.isValid(state.hierarchies(), command.validation(), scheme.hash(), digest)) {
            throw CommandError.of(TpmRc.TICKET.withParameter(3));
        }
        return new SignResponse(sign(state, key, scheme, digest));
    }

    /** Signs with a key the caller has checked may sign, by the resolved scheme. */
    static Signature sign(EngineState state, LoadedKey key, SigningSchemes.Scheme scheme, byte[] digest)
            throws CommandError {
        if (scheme.algorithm().equals(AlgId.HMAC)) {
            return Signatures.hmac(scheme.hash(), hmacKey(key), digest);
        }
        AsymmetricKeyParameter privateKey = key.privateKey().orElseThrow(() -> CommandError.of(TpmRc.KEY.withHandle(1)));
        try {
            return Signatures.sign(scheme.algorithm(), scheme.hash(), privateKey, digest,
                    state.random().generate(scheme.hash().digestSize()));
        } catch (CryptoException e) {
            throw CommandError.of(TpmRc.FAILURE);
        }
    }

    /** A loaded object with the sign attribute, else TPM_RC_KEY for handle 1. */
    static LoadedKey signingKey(EngineState state, Handle handle) throws CommandError {
        if (state.objects().get(handle).orElseThrow() instanceof LoadedKey key
                && key.has(ObjectAttributes.SIGN_ENCRYPT)) {
            return key;
        }
        throw CommandError.of(TpmRc.KEY.withHandle(1));
    }

    public VerifySignatureResponse verifySignature(VerifySignature command, Request request) throws CommandError {
        if (!(state.objects().get(command.keyHandle()).orElseThrow() instanceof LoadedKey key)) {
            throw CommandError.of(TpmRc.KEY.withHandle(1));
        }
        if (!key.has(ObjectAttributes.SIGN_ENCRYPT)) {
            throw CommandError.of(TpmRc.ATTRIBUTES.withHandle(1));
        }
        byte[] digest = command.digest().buffer();
        Signature signature = command.signature();
        boolean valid;
        if (signature.sigAlg().equals(AlgId.HMAC)) {
            Ha given = (Ha) signature.signature();
            HashAlgorithm hash = Algorithms.hash(given.hashAlg())
                    .orElseThrow(() -> CommandError.of(TpmRc.SCHEME.withParameter(2)));
            valid = key.publicValue().type().equals(AlgId.KEYEDHASH)
                    && MessageDigest.isEqual(hmac(hash, hmacKey(key), digest), given.digest().toByteArray());
        } else {
            valid = key.publicKey().map(k -> Signatures.verify(k, digest, signature)).orElse(false);
        }
        if (!valid) {
            throw CommandError.of(TpmRc.SIGNATURE.withParameter(2));
        }
        return new VerifySignatureResponse(Tickets.verified(state.hierarchies(), key.hierarchy(), digest, key.name()));
    }

    /** HMAC of the buffer with a keyed-hash signing key, by the key's hash or the one named. */
    public HmacResponse hmac(Hmac command, Request request) throws CommandError {
        LoadedKey key = signingKey(state, command.handle());
        if (!key.publicValue().type().equals(AlgId.KEYEDHASH)) {
            throw CommandError.of(TpmRc.TYPE.withHandle(1));
        }
        SigningSchemes.Scheme scheme = SigningSchemes.resolveHmac(key, command.hashAlg(), 2);
        return new HmacResponse(new Digest(hmac(scheme.hash(), hmacKey(key), command.buffer().buffer())));
    }

    private static byte[] hmac(HashAlgorithm hash, byte[] key, byte[] data) {
        return ((Ha) Signatures.hmac(hash, key, data).signature()).digest().toByteArray();
    }

    static byte[] hmacKey(LoadedKey key) throws CommandError {
        if (key.sensitive().orElseThrow(() -> CommandError.of(TpmRc.KEY.withHandle(1))).sensitive()
                instanceof SensitiveData data) {
            return data.buffer();
        }
        throw CommandError.of(TpmRc.KEY.withHandle(1));
    }
}
