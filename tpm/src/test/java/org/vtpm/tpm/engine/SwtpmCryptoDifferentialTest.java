package org.vtpm.tpm.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vtpm.tpm.client.PasswordSession;
import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.client.TpmCommandException;
import org.vtpm.tpm.command.EcdhKeyGen;
import org.vtpm.tpm.command.EcdhKeyGenResponse;
import org.vtpm.tpm.command.EcdhZGen;
import org.vtpm.tpm.command.EncryptDecrypt;
import org.vtpm.tpm.command.EncryptDecrypt2;
import org.vtpm.tpm.command.EncryptDecrypt2Response;
import org.vtpm.tpm.command.EncryptDecryptResponse;
import org.vtpm.tpm.command.FlushContext;
import org.vtpm.tpm.command.LoadExternal;
import org.vtpm.tpm.command.RsaDecrypt;
import org.vtpm.tpm.command.RsaEncrypt;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.EccParameter;
import org.vtpm.tpm.types.EccPoint;
import org.vtpm.tpm.types.EccScheme;
import org.vtpm.tpm.types.Empty;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Iv;
import org.vtpm.tpm.types.MaxBuffer;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.types.PublicKeyRsa;
import org.vtpm.tpm.types.RsaDecryptScheme;
import org.vtpm.tpm.types.RsaScheme;
import org.vtpm.tpm.types.SchemeHash;
import org.vtpm.tpm.wire.Tpm2b;
import org.vtpm.tpm.wire.TpmRc;

/**
 * RSA_Encrypt/RSA_Decrypt, ECDH_KeyGen/ECDH_ZGen and EncryptDecrypt(2) against swtpm: the same
 * external key is loaded into both, what one encrypts the other decrypts, symmetric results are
 * byte for byte the same, and refused inputs get the same response codes.
 */
class SwtpmCryptoDifferentialTest {

    private static final RsaDecryptScheme OAEP = new RsaDecryptScheme(AlgId.OAEP, new SchemeHash(AlgId.SHA256));
    private static final RsaDecryptScheme RSAES = new RsaDecryptScheme(AlgId.RSAES,
            Empty.INSTANCE);
    private static final Data LABEL = new Data("label\0".getBytes(StandardCharsets.US_ASCII));

    private static Differential both;
    private Tpm engine;
    private Tpm swtpm;

    @BeforeAll
    static void startSwtpm() throws IOException {
        both = new Differential();
    }

    @AfterAll
    static void stopSwtpm() throws IOException {
        both.close();
    }

    @BeforeEach
    void powerCycle() throws IOException {
        both.restart();
        engine = both.engineTpm();
        swtpm = both.swtpmTpm();
    }

    private static Handle load(Tpm tpm, ExternalKeys.Pair key) throws Exception {
        return tpm.execute(new LoadExternal(Tpm2b.of(key.sensitive()), Tpm2b.of(key.publicArea()), Handle.RH_NULL))
                .objectHandle();
    }

    @Test
    void rsaCiphertextsOfEitherDecryptOnTheOther() throws Exception {
        ExternalKeys.Pair key = ExternalKeys.rsa(ExternalKeys.DECRYPTING, RsaScheme.NULL);
        Handle ours = load(engine, key);
        Handle theirs = load(swtpm, key);
        byte[] message = "a secret for RSA".getBytes(StandardCharsets.US_ASCII);
        for (RsaDecryptScheme scheme : List.of(OAEP, RSAES, RsaDecryptScheme.NULL)) {
            Data label = scheme == OAEP ? LABEL : Data.EMPTY;
            for (Tpm[] pair : new Tpm[][] {{engine, swtpm}, {swtpm, engine}}) {
                Handle encryptor = pair[0] == engine ? ours : theirs;
                Handle decryptor = pair[1] == engine ? ours : theirs;
                PublicKeyRsa encrypted = pair[0].execute(new RsaEncrypt(encryptor, new PublicKeyRsa(message), scheme,
                        label)).outData();
                assertEquals(256, encrypted.size());
                byte[] decrypted = pair[1].execute(new RsaDecrypt(decryptor, encrypted, scheme, label),
                        PasswordSession.of(ExternalKeys.AUTH)).message().buffer();
                byte[] expected = scheme == RsaDecryptScheme.NULL ? padded(message, 256) : message;
                assertArrayEquals(expected, decrypted, scheme.toString());
            }
        }
        byte[] garbage = new byte[256];
        garbage[5] = 1;
        sameCode(ours, theirs, (tpm, h) -> tpm.execute(new RsaDecrypt(h,
                new PublicKeyRsa(new byte[255]), OAEP, LABEL), PasswordSession.of(ExternalKeys.AUTH)));
        sameCode(ours, theirs, (tpm, h) -> tpm.execute(new RsaEncrypt(h,
                new PublicKeyRsa(message), OAEP, new Data("no zero".getBytes(StandardCharsets.US_ASCII)))));
        byte[] aboveModulus = new byte[256];
        Arrays.fill(aboveModulus, (byte) 0xFF);
        // libtpms answers these (it pads and exponentiates through OpenSSL) with TPM_RC_FAILURE;
        // Part 3 and the reference implementation give TPM_RC_VALUE, which the engine follows.
        for (Call padding : List.<Call>of(
                (tpm, h) -> tpm.execute(new RsaEncrypt(h, new PublicKeyRsa(aboveModulus), RsaDecryptScheme.NULL,
                        Data.EMPTY)),
                (tpm, h) -> tpm.execute(new RsaDecrypt(h, new PublicKeyRsa(garbage), OAEP, LABEL),
                        PasswordSession.of(ExternalKeys.AUTH)),
                (tpm, h) -> tpm.execute(new RsaEncrypt(h, new PublicKeyRsa(new byte[250]), OAEP, LABEL)),
                (tpm, h) -> tpm.execute(new RsaEncrypt(h, new PublicKeyRsa(new byte[250]), RSAES, Data.EMPTY)))) {
            assertEquals(TpmRc.VALUE.toString(), code(engine, ours, padding));
        }
    }

    @Test
    void rsaSchemesOfTheKeyAndAttributesAreCheckedAlike() throws Exception {
        ExternalKeys.Pair oaepKey = ExternalKeys.rsa(ExternalKeys.DECRYPTING,
                new RsaScheme(AlgId.OAEP, new SchemeHash(AlgId.SHA256)));
        Handle ours = load(engine, oaepKey);
        Handle theirs = load(swtpm, oaepKey);
        byte[] message = "m".getBytes(StandardCharsets.US_ASCII);
        sameCode(ours, theirs, (tpm, h) -> tpm.execute(new RsaEncrypt(h,
                new PublicKeyRsa(message), RSAES, Data.EMPTY)));
        sameCode(ours, theirs, (tpm, h) -> tpm.execute(new RsaEncrypt(h,
                new PublicKeyRsa(message), new RsaDecryptScheme(AlgId.OAEP, new SchemeHash(AlgId.SHA384)), LABEL)));
        sameCode(ours, theirs, (tpm, h) -> tpm.execute(new RsaEncrypt(h,
                new PublicKeyRsa(message), RsaDecryptScheme.NULL, LABEL)));
        flush(ours, theirs);

        ExternalKeys.Pair signing = ExternalKeys.rsa(ObjectAttributes.of(ObjectAttributes.USER_WITH_AUTH,
                ObjectAttributes.SIGN_ENCRYPT), RsaScheme.NULL);
        Handle ourSigner = load(engine, signing);
        Handle theirSigner = load(swtpm, signing);
        sameCode(ourSigner, theirSigner, (tpm, h) -> tpm.execute(new RsaEncrypt(h,
                new PublicKeyRsa(message), OAEP, LABEL)));
        sameCode(ourSigner, theirSigner, (tpm, h) -> tpm.execute(new RsaDecrypt(h,
                new PublicKeyRsa(new byte[256]), OAEP, LABEL), PasswordSession.of(ExternalKeys.AUTH)));
        flush(ourSigner, theirSigner);

        ExternalKeys.Pair ecc = ExternalKeys.ecc(ExternalKeys.DECRYPTING, EccScheme.NULL);
        Handle ourEcc = load(engine, ecc);
        Handle theirEcc = load(swtpm, ecc);
        sameCode(ourEcc, theirEcc, (tpm, h) -> tpm.execute(new RsaEncrypt(h,
                new PublicKeyRsa(message), OAEP, LABEL)));
    }

    @Test
    void ecdhPointsOfEitherAgreeOnTheOther() throws Exception {
        ExternalKeys.Pair key = ExternalKeys.ecc(ExternalKeys.DECRYPTING, EccScheme.NULL);
        Handle ours = load(engine, key);
        Handle theirs = load(swtpm, key);
        for (Tpm[] pair : new Tpm[][] {{engine, swtpm}, {swtpm, engine}}) {
            EcdhKeyGenResponse generated = pair[0].execute(new EcdhKeyGen(pair[0] == engine ? ours : theirs));
            EccPoint z = pair[1].execute(new EcdhZGen(pair[1] == engine ? ours : theirs, generated.pubPoint()),
                    PasswordSession.of(ExternalKeys.AUTH)).outPoint().value();
            assertEquals(generated.zPoint().value(), z);
        }
        EccPoint offCurve = new EccPoint(new EccParameter(new byte[] {1}), new EccParameter(new byte[] {2}));
        sameCode(ours, theirs, (tpm, h) -> tpm.execute(new EcdhZGen(h, Tpm2b.of(offCurve)),
                PasswordSession.of(ExternalKeys.AUTH)));
        flush(ours, theirs);

        ExternalKeys.Pair signing = ExternalKeys.ecc(ObjectAttributes.of(ObjectAttributes.USER_WITH_AUTH,
                ObjectAttributes.SIGN_ENCRYPT), new EccScheme(AlgId.ECDSA, new SchemeHash(AlgId.SHA256)));
        Handle ourSigner = load(engine, signing);
        Handle theirSigner = load(swtpm, signing);
        sameCode(ourSigner, theirSigner, (tpm, h) -> tpm.execute(new EcdhZGen(h,
                Tpm2b.of((EccPoint) signing.publicArea().unique())), PasswordSession.of(ExternalKeys.AUTH)));
        flush(ourSigner, theirSigner);
        ExternalKeys.Pair rsa = ExternalKeys.rsa(ExternalKeys.DECRYPTING, RsaScheme.NULL);
        Handle ourRsa = load(engine, rsa);
        Handle theirRsa = load(swtpm, rsa);
        sameCode(ourRsa, theirRsa, (tpm, h) -> tpm.execute(new EcdhKeyGen(h)));
    }

    @Test
    void everyModeEncryptsAndChainsByteForByteAlike() throws Exception {
        byte[] iv = new byte[16];
        for (int i = 0; i < 16; i++) {
            iv[i] = (byte) (0xF0 + i);
        }
        for (int bits : new int[] {128, 256}) {
            ExternalKeys.Pair key = ExternalKeys.aes(bits, AlgId.NULL);
            Handle ours = load(engine, key);
            Handle theirs = load(swtpm, key);
            for (AlgId mode : List.of(AlgId.CFB, AlgId.CBC, AlgId.CTR, AlgId.OFB, AlgId.ECB)) {
                boolean blocksOnly = mode.equals(AlgId.CBC) || mode.equals(AlgId.ECB);
                for (int length : blocksOnly ? new int[] {16, 48} : new int[] {16, 37, 5}) {
                    byte[] data = new byte[length];
                    for (int i = 0; i < length; i++) {
                        data[i] = (byte) (i * 7 + bits);
                    }
                    Iv ivIn = new Iv(mode.equals(AlgId.ECB) ? new byte[0] : iv);
                    for (boolean decrypt : new boolean[] {false, true}) {
                        EncryptDecrypt2 ourCommand = new EncryptDecrypt2(ours, new MaxBuffer(data), decrypt, mode,
                                ivIn);
                        EncryptDecrypt2 theirCommand = new EncryptDecrypt2(theirs, new MaxBuffer(data), decrypt, mode,
                                ivIn);
                        EncryptDecrypt2Response a = engine.execute(ourCommand, PasswordSession.of(ExternalKeys.AUTH));
                        EncryptDecrypt2Response b = swtpm.execute(theirCommand, PasswordSession.of(ExternalKeys.AUTH));
                        String what = mode + " " + bits + " " + length + (decrypt ? " decrypt" : " encrypt");
                        assertEquals(b.outData(), a.outData(), what);
                        assertEquals(b.ivOut(), a.ivOut(), what + " ivOut");
                        EncryptDecryptResponse older = engine.execute(new EncryptDecrypt(ours, decrypt, mode, ivIn,
                                new MaxBuffer(data)), PasswordSession.of(ExternalKeys.AUTH));
                        assertEquals(b.outData(), older.outData(), what + " by EncryptDecrypt");
                        assertEquals(b.ivOut(), older.ivOut(), what + " ivOut by EncryptDecrypt");
                    }
                }
            }
            for (Object[] bad : new Object[][] {{AlgId.ECB, 16, 16}, {AlgId.CBC, 15, 16}, {AlgId.CFB, 16, 8},
                {AlgId.NULL, 16, 16}}) {
                MaxBuffer data = new MaxBuffer(new byte[(int) bad[1]]);
                Iv badIv = new Iv(new byte[(int) bad[2]]);
                sameCode(ours, theirs, (tpm, h) -> tpm.execute(new EncryptDecrypt2(h, data, false,
                        (AlgId) bad[0], badIv), PasswordSession.of(ExternalKeys.AUTH)));
                sameCode(ours, theirs, (tpm, h) -> tpm.execute(new EncryptDecrypt(h, false, (AlgId) bad[0], badIv,
                        data), PasswordSession.of(ExternalKeys.AUTH)));
            }
            flush(ours, theirs);
        }
        ExternalKeys.Pair cbcOnly = ExternalKeys.aes(128, AlgId.CBC);
        Handle ours = load(engine, cbcOnly);
        Handle theirs = load(swtpm, cbcOnly);
        sameCode(ours, theirs, (tpm, h) -> tpm.execute(new EncryptDecrypt2(h,
                new MaxBuffer(new byte[16]), false, AlgId.CFB, new Iv(iv)), PasswordSession.of(ExternalKeys.AUTH)));
    }

    private void flush(Handle ours, Handle theirs) throws Exception {
        engine.execute(new FlushContext(ours));
        swtpm.execute(new FlushContext(theirs));
    }

    private interface Call {
        Object run(Tpm tpm, Handle handle) throws Exception;
    }

    /** Runs {@code call} on each side with that side's handle of the same key: both must answer alike. */
    private void sameCode(Handle ours, Handle theirs, Call call) {
        assertEquals(code(swtpm, theirs, call), code(engine, ours, call));
    }

    private static String code(Tpm tpm, Handle handle, Call call) {
        try {
            call.run(tpm, handle);
            return "success";
        } catch (TpmCommandException e) {
            return e.rc().toString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] padded(byte[] message, int size) {
        byte[] out = new byte[size];
        System.arraycopy(message, 0, out, size - message.length, message.length);
        return out;
    }
}
