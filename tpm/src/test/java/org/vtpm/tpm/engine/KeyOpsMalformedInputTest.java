package org.vtpm.tpm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.vtpm.tpm.command.ActivateCredential;
import org.vtpm.tpm.command.ChangeEps;
import org.vtpm.tpm.command.Clear;
import org.vtpm.tpm.command.ClearControl;
import org.vtpm.tpm.command.ClockSet;
import org.vtpm.tpm.command.CommandFraming;
import org.vtpm.tpm.command.CommandSpec;
import org.vtpm.tpm.command.Commands;
import org.vtpm.tpm.command.Duplicate;
import org.vtpm.tpm.command.EcdhKeyGen;
import org.vtpm.tpm.command.EcdhZGen;
import org.vtpm.tpm.command.EncryptDecrypt;
import org.vtpm.tpm.command.EncryptDecrypt2;
import org.vtpm.tpm.command.HierarchyChangeAuth;
import org.vtpm.tpm.command.HierarchyControl;
import org.vtpm.tpm.command.Import;
import org.vtpm.tpm.command.LoadExternal;
import org.vtpm.tpm.command.MakeCredential;
import org.vtpm.tpm.command.NvCertify;
import org.vtpm.tpm.command.RsaDecrypt;
import org.vtpm.tpm.command.RsaEncrypt;
import org.vtpm.tpm.command.SetPrimaryPolicy;
import org.vtpm.tpm.command.TpmCommand;
import org.vtpm.tpm.command.TpmResponse;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Auth;
import org.vtpm.tpm.types.AuthCommand;
import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.EccParameter;
import org.vtpm.tpm.types.EccPoint;
import org.vtpm.tpm.types.EccScheme;
import org.vtpm.tpm.types.EncryptedSecret;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.IdObject;
import org.vtpm.tpm.types.Iv;
import org.vtpm.tpm.types.MaxBuffer;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.Nonce;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.types.Private;
import org.vtpm.tpm.types.PublicKeyRsa;
import org.vtpm.tpm.types.RsaDecryptScheme;
import org.vtpm.tpm.types.RsaScheme;
import org.vtpm.tpm.types.SchemeHash;
import org.vtpm.tpm.types.Sensitive;
import org.vtpm.tpm.types.SessionAttributes;
import org.vtpm.tpm.types.SigScheme;
import org.vtpm.tpm.types.SymDefObject;
import org.vtpm.tpm.types.SymKey;
import org.vtpm.tpm.wire.Tpm2b;
import org.vtpm.tpm.wire.TpmRc;

/**
 * The key-operation and hierarchy commands never fail as a broken TPM would: mutations of valid
 * commands, aimed at every kind of loaded object (a hash sequence, a symmetric key whose key does
 * not fit its public area, RSA and ECC keys), get a response code, never
 * TPM_RC_FAILURE (the engine's answer to an exception that escaped a command).
 */
class KeyOpsMalformedInputTest {

    private static final Auth AUTH = ExternalKeys.AUTH;

    @Test
    void mutatedCommandsNeverFailTheTpm() {
        Engine engine = Engine.manufacture(new SecureRandom());
        engine.process(0, Bytes.command("8001 00000000 00000144 0000"));
        List<Handle> objects = new ArrayList<>();
        // Without noDA the wrong authorizations among the inputs would soon lock every key out.
        ExternalKeys.Pair rsa = ExternalKeys.rsa(ExternalKeys.DECRYPTING.with(ObjectAttributes.NO_DA), RsaScheme.NULL);
        ExternalKeys.Pair ecc = ExternalKeys.ecc(ExternalKeys.DECRYPTING, EccScheme.NULL);
        ExternalKeys.Pair aes = ExternalKeys.aes(128, AlgId.NULL);
        Sensitive shortKey = new Sensitive(AlgId.SYMCIPHER, AUTH, aes.sensitive().seedValue(),
                new SymKey(new byte[5]));
        for (ExternalKeys.Pair pair : List.of(rsa, new ExternalKeys.Pair(aes.publicArea(), shortKey))) {
            byte[] response = engine.process(0, encode(new LoadExternal(Tpm2b.of(pair.sensitive()),
                    Tpm2b.of(pair.publicArea()), Handle.RH_NULL)));
            assertEquals(0, Bytes.responseCode(response));
            objects.add(new Handle(Bytes.u32(response, 10)));
        }
        byte[] sequence = engine.process(0, Bytes.command("8001 00000000 00000186 0000 000b"));
        objects.add(new Handle(Bytes.u32(sequence, 10)));

        List<byte[]> seeds = new ArrayList<>();
        Handle nv = new Handle(0x01500000);
        EccPoint point = (EccPoint) ecc.publicArea().unique();
        for (Handle object : objects) {
            for (Handle other : objects) {
                seeds.add(encode(new ActivateCredential(object, other, new IdObject(new byte[40]),
                        new EncryptedSecret(new byte[256])), Auth.EMPTY, AUTH));
                seeds.add(encode(new Import(object, new Data(new byte[16]), Tpm2b.of(rsa.publicArea()),
                        new Private(new byte[60]), new EncryptedSecret(new byte[70]), SymDefObject.aesCfb(128)),
                        AUTH));
                seeds.add(encode(new Duplicate(object, other, Data.EMPTY, SymDefObject.aesCfb(128)), AUTH));
            }
            seeds.add(encode(new MakeCredential(object, new Digest(new byte[20]), Name.EMPTY)));
            seeds.add(encode(new RsaEncrypt(object, new PublicKeyRsa(new byte[10]), RsaDecryptScheme.NULL,
                    Data.EMPTY)));
            seeds.add(encode(new RsaDecrypt(object, new PublicKeyRsa(new byte[256]), new RsaDecryptScheme(
                    AlgId.OAEP, new SchemeHash(AlgId.SHA256)), Data.EMPTY), AUTH));
            seeds.add(encode(new EcdhKeyGen(object)));
            seeds.add(encode(new EcdhZGen(object, Tpm2b.of(new EccPoint(new EccParameter(point.x().buffer()),
                    new EccParameter(point.y().buffer())))), AUTH));
            seeds.add(encode(new EncryptDecrypt2(object, new MaxBuffer(new byte[32]), false, AlgId.CFB,
                    new Iv(new byte[16])), AUTH));
            seeds.add(encode(new EncryptDecrypt(object, true, AlgId.CBC, new Iv(new byte[16]),
                    new MaxBuffer(new byte[32])), AUTH));
            seeds.add(encode(new NvCertify(object, Handle.RH_OWNER, nv, Data.EMPTY, SigScheme.NULL, 8, 0), AUTH,
                    Auth.EMPTY));
        }
        seeds.add(Bytes.command("8002 00000000 0000012a 40000001 00000009 40000009 0000 01 0000 0000 000e 01500000"
                + " 000b 00060006 0000 0010"));
        seeds.add(encode(new HierarchyChangeAuth(Handle.RH_OWNER, new Auth(new byte[8])), Auth.EMPTY));
        seeds.add(encode(new SetPrimaryPolicy(Handle.RH_OWNER, new Digest(new byte[32]), AlgId.SHA256),
                Auth.EMPTY));
        seeds.add(encode(new HierarchyControl(Handle.RH_PLATFORM, Handle.RH_PLATFORM_NV, false), Auth.EMPTY));
        seeds.add(encode(new ClearControl(Handle.RH_PLATFORM, true), Auth.EMPTY));
        seeds.add(encode(new Clear(Handle.RH_PLATFORM), Auth.EMPTY));
        seeds.add(encode(new ChangeEps(Handle.RH_PLATFORM), Auth.EMPTY));
        seeds.add(encode(new ClockSet(Handle.RH_OWNER, 1L << 40), Auth.EMPTY));

        Random random = new Random(20261127L);
        List<byte[]> inputs = new ArrayList<>(seeds);
        for (int i = 0; i < 20_000; i++) {
            inputs.add(mutate(seeds.get(random.nextInt(seeds.size())), random));
        }
        Collections.shuffle(inputs.subList(seeds.size(), inputs.size()), random);
        for (byte[] input : inputs) {
            byte[] response = engine.process(0, input);
            assertNotEquals(TpmRc.FAILURE.value(), Bytes.responseCode(response), Bytes.hex(input));
        }
    }

    private static <R extends TpmResponse> byte[] encode(TpmCommand<R> command, Auth... auths) {
        CommandSpec<R> spec = Commands.spec(command);
        List<AuthCommand> sessions = new ArrayList<>();
        for (Auth auth : auths) {
            sessions.add(new AuthCommand(Handle.RS_PW, Nonce.EMPTY, SessionAttributes.CONTINUE_SESSION, auth));
        }
        return CommandFraming.encode(spec.code(), spec.handles(command), sessions, spec.parameters(command));
    }

    /** Changes a byte or two past the header and handles, keeping the size field consistent. */
    private static byte[] mutate(byte[] seed, Random random) {
        byte[] b = seed.clone();
        for (int e = 0; e < 1 + random.nextInt(2); e++) {
            int at = 10 + random.nextInt(b.length - 10);
            b[at] = random.nextBoolean() ? (byte) random.nextInt(256) : (byte) (b[at] ^ 1 << random.nextInt(8));
        }
        if (random.nextInt(8) == 0) {
            b = Arrays.copyOf(b, b.length - 1 - random.nextInt(Math.min(8, b.length - 10)));
            b[2] = (byte) (b.length >>> 24);
            b[3] = (byte) (b.length >>> 16);
            b[4] = (byte) (b.length >>> 8);
            b[5] = (byte) b.length;
        }
        return b;
    }
}
