package org.vtpm.tpm.engine.commands;

import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.vtpm.tpm.command.StartAuthSession;
import org.vtpm.tpm.command.StartAuthSessionResponse;
import org.vtpm.tpm.crypto.CryptoException;
import org.vtpm.tpm.crypto.EccCurve;
import org.vtpm.tpm.crypto.Ecdh;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.crypto.Kdfa;
import org.vtpm.tpm.crypto.Kdfe;
import org.vtpm.tpm.crypto.OaepLabel;
import org.vtpm.tpm.crypto.RsaOaep;
import org.vtpm.tpm.engine.state.AuthSession;
import org.vtpm.tpm.engine.state.EngineState;
import org.vtpm.tpm.engine.state.LoadedKey;
import org.vtpm.tpm.engine.state.PolicyState;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.EccParms;
import org.vtpm.tpm.types.EccPoint;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.KeyBits;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.Nonce;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.types.Se;
import org.vtpm.tpm.types.SymDef;
import org.vtpm.tpm.types.SymModeAlg;
import org.vtpm.tpm.wire.Codecs;
import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmRc;

/**
 * TPM2_StartAuthSession (Part 3, 11.1) for HMAC, policy and trial sessions: unsalted or salted
 * (the salt encrypted to a loaded RSA key with OAEP, or to an ECC key by ECDH), unbound or bound
 * to an entity, with no parameter encryption, XOR or AES-CFB. A policy session starts with the
 * zero policyDigest and its timing from now.
 */
public final class SessionCommands {

    private static final int MIN_NONCE = 16;

    private final EngineState state;

    public SessionCommands(EngineState state) {
        this.state = state;
    }

    public StartAuthSessionResponse start(StartAuthSession command, Request request) throws CommandError {
        Se type = command.sessionType();
        if (!type.equals(Se.HMAC) && !type.equals(Se.POLICY) && !type.equals(Se.TRIAL)) {
            throw CommandError.of(TpmRc.VALUE.withParameter(3));
        }
        HashAlgorithm hash = Algorithms.hash(command.authHash())
                .orElseThrow(() -> CommandError.of(TpmRc.HASH.withParameter(5)));
        int nonceSize = command.nonceCaller().size();
        if (nonceSize < MIN_NONCE || nonceSize > hash.digestSize()) {
            throw CommandError.of(TpmRc.SIZE.withParameter(1));
        }
        checkSymmetric(command.symmetric());
        byte[] salt = salt(command);
        Handle bind = command.bind();
        byte[] bindAuth = bind.equals(Handle.RH_NULL) ? new byte[0]
                : AuthValues.trimTrailingZeros(Entities.authValue(state, bind));
        Name bindName = bind.equals(Handle.RH_NULL) ? Name.EMPTY : Entities.name(state, bind);
        byte[] nonceTpm = state.random().generate(hash.digestSize());
        byte[] sessionKey = salt.length == 0 && bindAuth.length == 0 && bind.equals(Handle.RH_NULL) ? new byte[0]
                : Kdfa.derive(hash, concat(bindAuth, salt), "ATH", nonceTpm, command.nonceCaller().buffer(),
                        hash.digestSize() * 8);
        AuthSession session = type.equals(Se.HMAC)
                ? new AuthSession(hash, command.symmetric(), sessionKey, bindName, nonceTpm)
                : new AuthSession(hash, command.symmetric(), sessionKey, nonceTpm, PolicyState.start(hash,
                        type.equals(Se.TRIAL), state.clock().time(), state.sessions().epoch()));
        Handle handle = state.sessions().add(session).orElseThrow(() -> CommandError.of(TpmRc.SESSION_HANDLES));
        return new StartAuthSessionResponse(handle, new Nonce(nonceTpm));
    }

    private static void checkSymmetric(SymDef symmetric) throws CommandError {
        AlgId alg = symmetric.algorithm();
        if (alg.equals(AlgId.NULL) || alg.equals(AlgId.XOR)) {
            return;
        }
        if (!alg.equals(AlgId.AES) || !(symmetric.keyBits() instanceof KeyBits bits)
                || bits.value() != 128 && bits.value() != 256) {
            throw CommandError.of(TpmRc.SYMMETRIC.withParameter(4));
        }
        if (!(symmetric.mode() instanceof SymModeAlg mode) || !mode.mode().equals(AlgId.CFB)) {
            throw CommandError.of(TpmRc.MODE.withParameter(4));
        }
    }

    /** The salt the caller encrypted to tpmKey: empty without a key, else it must decrypt. */
    private byte[] salt(StartAuthSession command) throws CommandError {
        byte[] encrypted = command.encryptedSalt().buffer();
        if (command.tpmKey().equals(Handle.RH_NULL)) {
            if (encrypted.length != 0) {
                throw CommandError.of(TpmRc.VALUE.withParameter(2));
            }
            return new byte[0];
        }
        if (!(state.objects().get(command.tpmKey()).orElseThrow() instanceof LoadedKey key)
                || !key.has(ObjectAttributes.DECRYPT) || key.privateKey().isEmpty()) {
            throw CommandError.of(TpmRc.KEY.withHandle(1));
        }
        HashAlgorithm nameAlg = Algorithms.hash(key.publicValue().nameAlg()).orElseThrow();
        AsymmetricKeyParameter privateKey = key.privateKey().get();
        try {
            if (privateKey instanceof RSAKeyParameters rsa) {
                return RsaOaep.decrypt(rsa, nameAlg, OaepLabel.SECRET, encrypted);
            }
            EccPoint ephemeral = Codecs.unmarshal(EccPoint.class, encrypted);
            EccCurve curve = EccCurve.fromCurveId(((EccParms) key.publicValue().parameters()).curveID().value())
                    .orElseThrow();
            byte[] z = Ecdh.sharedSecret(curve, ((ECPrivateKeyParameters) privateKey).getD(),
                    ephemeral.x().buffer(), ephemeral.y().buffer());
            byte[] staticX = ((EccPoint) key.publicValue().unique()).x().buffer();
            return Kdfe.derive(nameAlg, z, "SECRET", ephemeral.x().buffer(), staticX, nameAlg.digestSize() * 8);
        } catch (CryptoException | TpmFormatException e) {
            throw CommandError.of(TpmRc.VALUE.withParameter(2));
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
