package org.vtpm.tpm.engine.commands;

import org.vtpm.tpm.command.EncryptDecrypt;
import org.vtpm.tpm.command.EncryptDecrypt2;
import org.vtpm.tpm.command.EncryptDecrypt2Response;
import org.vtpm.tpm.command.EncryptDecryptResponse;
import org.vtpm.tpm.engine.keys.SymmetricModes;
import org.vtpm.tpm.engine.state.EngineState;
import org.vtpm.tpm.engine.state.LoadedKey;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Iv;
import org.vtpm.tpm.types.KeyBits;
import org.vtpm.tpm.types.MaxBuffer;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.types.SymCipherParms;
import org.vtpm.tpm.types.SymDefObject;
import org.vtpm.tpm.types.SymKey;
import org.vtpm.tpm.types.SymModeAlg;
import org.vtpm.tpm.wire.TpmRc;

/** TPM2_EncryptDecrypt2 and TPM2_EncryptDecrypt (Part 3, 15.3 and 15.2) with AES keys. */
public final class SymmetricCommands {

    /** Where TPM2_EncryptDecrypt2 and TPM2_EncryptDecrypt have the parameters a response code may name. */
    private record Positions(int data, int mode, int iv) {
    }

    private static final Positions ENCRYPT_DECRYPT_2 = new Positions(1, 3, 4);
    private static final Positions ENCRYPT_DECRYPT = new Positions(4, 2, 3);

    private final EngineState state;

    public SymmetricCommands(EngineState state) {
        this.state = state;
    }

    /**
     * Encrypts (the key needs sign) or decrypts (it needs decrypt) with an unrestricted
     * symmetric key, in the key's mode or, when the key has none, the caller's.
     */
    public EncryptDecrypt2Response encryptDecrypt2(EncryptDecrypt2 command, Request request) throws CommandError {
        SymmetricModes.Result result = crypt(command.keyHandle(), command.decrypt(), command.mode(),
                command.ivIn().buffer(), command.inData().buffer(), ENCRYPT_DECRYPT_2);
        return new EncryptDecrypt2Response(new MaxBuffer(result.data()), new Iv(result.ivOut()));
    }

    /** As {@link #encryptDecrypt2}, with the parameters in their older order. */
    public EncryptDecryptResponse encryptDecrypt(EncryptDecrypt command, Request request) throws CommandError {
        SymmetricModes.Result result = crypt(command.keyHandle(), command.decrypt(), command.mode(),
                command.ivIn().buffer(), command.inData().buffer(), ENCRYPT_DECRYPT);
        return new EncryptDecryptResponse(new MaxBuffer(result.data()), new Iv(result.ivOut()));
    }

    private SymmetricModes.Result crypt(Handle keyHandle, boolean decrypt, AlgId requested, byte[] iv, byte[] data,
            Positions p) throws CommandError {
        if (!(state.objects().get(keyHandle).orElseThrow() instanceof LoadedKey key)
                || !key.publicValue().type().equals(AlgId.SYMCIPHER)) {
            throw CommandError.of(TpmRc.KEY.withHandle(1));
        }
        if (key.has(ObjectAttributes.RESTRICTED)
                || !key.has(decrypt ? ObjectAttributes.DECRYPT : ObjectAttributes.SIGN_ENCRYPT)) {
            throw CommandError.of(TpmRc.ATTRIBUTES.withHandle(1));
        }
        SymDefObject definition = ((SymCipherParms) key.publicValue().parameters()).sym();
        if (!(definition.mode() instanceof SymModeAlg keyMode) || !(definition.keyBits() instanceof KeyBits bits)) {
            throw CommandError.of(TpmRc.KEY.withHandle(1));
        }
        AlgId mode = keyMode.mode();
        if (mode.equals(AlgId.NULL)) {
            if (requested.equals(AlgId.NULL)) {
                throw CommandError.of(TpmRc.MODE.withParameter(p.mode()));
            }
            mode = requested;
        } else if (!requested.equals(AlgId.NULL) && !requested.equals(mode)) {
            throw CommandError.of(TpmRc.MODE.withParameter(p.mode()));
        }
        boolean ecb = mode.equals(AlgId.ECB);
        if (iv.length != (ecb ? 0 : SymmetricModes.BLOCK_SIZE)) {
            throw CommandError.of(TpmRc.SIZE.withParameter(p.iv()));
        }
        if ((ecb || mode.equals(AlgId.CBC)) && data.length % SymmetricModes.BLOCK_SIZE != 0) {
            throw CommandError.of(TpmRc.SIZE.withParameter(p.data()));
        }
        if (!(key.sensitive().orElseThrow(() -> CommandError.of(TpmRc.KEY.withHandle(1))).sensitive()
                instanceof SymKey symKey) || symKey.size() * 8 != bits.value()
                || bits.value() != 128 && bits.value() != 256) {
            throw CommandError.of(TpmRc.KEY.withHandle(1));
        }
        return SymmetricModes.crypt(mode, decrypt, symKey.buffer(), iv, data);
    }
}
