package org.vtpm.tpm.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Arrays;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vtpm.tpm.client.PasswordSession;
import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.command.ContextLoad;
import org.vtpm.tpm.command.ContextSave;
import org.vtpm.tpm.command.FlushContext;
import org.vtpm.tpm.command.Hmac;
import org.vtpm.tpm.command.HmacStart;
import org.vtpm.tpm.command.LoadExternal;
import org.vtpm.tpm.command.SequenceComplete;
import org.vtpm.tpm.command.SequenceUpdate;
import org.vtpm.tpm.command.Startup;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.transport.InProcessTransport;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Auth;
import org.vtpm.tpm.types.Context;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.EccScheme;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.KeyedHashParms;
import org.vtpm.tpm.types.KeyedHashScheme;
import org.vtpm.tpm.types.MaxBuffer;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.SchemeHash;
import org.vtpm.tpm.types.Sensitive;
import org.vtpm.tpm.types.SensitiveData;
import org.vtpm.tpm.types.Su;
import org.vtpm.tpm.wire.Tpm2b;

/**
 * HMAC sequences (TPM2_HMAC_Start, then TPM2_SequenceUpdate and TPM2_SequenceComplete) against
 * swtpm with the same external HMAC key: byte for byte the same results and refusals, the same
 * HMAC as TPM2_HMAC computes, and a sequence that survives a saved context and a saved state.
 */
class SwtpmHmacSequenceDifferentialTest {

    /** A password session with the external keys' authValue, "external". */
    private static final String KEY_AUTH = "00000011 40000009 0000 01 0008 65787465726e616c";
    private static final String SEQUENCE_AUTH = "0000000b 40000009 0000 01 0002 6161";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectAttributes SIGNING = ObjectAttributes.of(ObjectAttributes.SIGN_ENCRYPT,
            ObjectAttributes.USER_WITH_AUTH);

    private static Differential both;

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
    }

    /** The same HMAC-SHA256 key from outside into both. */
    private static void loadBoth() throws Exception {
        byte[] key = new byte[32];
        byte[] seed = new byte[32];
        RANDOM.nextBytes(key);
        RANDOM.nextBytes(seed);
        KeyedHashScheme scheme = new KeyedHashScheme(AlgId.HMAC, new SchemeHash(AlgId.SHA256));
        Public publicArea = new Public(AlgId.KEYEDHASH, AlgId.SHA256, SIGNING, Digest.EMPTY,
                new KeyedHashParms(scheme), new Digest(HashAlgorithm.SHA256.hash(seed, key)));
        Sensitive sensitive = new Sensitive(AlgId.KEYEDHASH, ExternalKeys.AUTH, new Digest(seed),
                new SensitiveData(key));
        for (Tpm tpm : new Tpm[] {both.engineTpm(), both.swtpmTpm()}) {
            tpm.execute(new LoadExternal(Tpm2b.of(sensitive), Tpm2b.of(publicArea), Handle.RH_NULL));
        }
    }

    @Test
    void sequencesGiveTheHmacOfTheWholeData() throws Exception {
        loadBoth();
        both.sameBytes("8002 00000000 0000015b 80000000 " + KEY_AUTH + " 0002 6161 000b");
        both.sameBytes("8002 00000000 0000015c 80000001 " + SEQUENCE_AUTH + " 0003 616263");
        both.sameBytes("8002 00000000 0000015c 80000001 " + SEQUENCE_AUTH + " 0000");
        Differential.Answers done = both.sameBytes("8002 00000000 0000013e 80000001 " + SEQUENCE_AUTH
                + " 0003 646566 40000001");
        Differential.Answers whole = both.sameCode("8002 00000000 00000155 80000000 " + KEY_AUTH
                + " 0006 616263646566 000b");
        assertArrayEquals(Arrays.copyOfRange(whole.engine(), 14, 14 + 34),
                Arrays.copyOfRange(done.engine(), 14, 14 + 34));

        both.sameBytes("8002 00000000 0000015b 80000000 " + KEY_AUTH + " 0000 0010");
        both.sameBytes("8002 00000000 0000013e 80000001 " + SEQUENCE_AUTH + " 0000 40000007");
        both.sameBytes("8002 00000000 0000013e 80000001 00000009 40000009 0000 01 0000 0000 40000007");
        both.sameBytes("8002 00000000 0000015b 80000000 " + KEY_AUTH + " 0000 0010");
        both.sameBytes("8002 00000000 00000185 00000010 80000001 00000012 "
                + "40000009 0000 01 0000 40000009 0000 01 0000 0000");
        both.sameBytes("8001 00000000 00000165 80000001");
    }

    @Test
    void startRefusesWhatTheReferenceRefuses() throws Exception {
        loadBoth();
        both.sameBytes("8002 00000000 0000015b 80000000 " + KEY_AUTH + " 0000 0004");
        both.sameBytes("8002 00000000 0000015b 80000000 " + KEY_AUTH + " 0000 0099");
        both.sameBytes("8002 00000000 0000015b 80000000 00000011 40000009 0000 01 0008 65787465726e616d 0000 000b");
        ExternalKeys.Pair ecc = ExternalKeys.ecc(ObjectAttributes.of(ObjectAttributes.SIGN_ENCRYPT,
                ObjectAttributes.USER_WITH_AUTH), EccScheme.NULL);
        for (Tpm tpm : new Tpm[] {both.engineTpm(), both.swtpmTpm()}) {
            tpm.execute(new LoadExternal(Tpm2b.of(ecc.sensitive()), Tpm2b.of(ecc.publicArea()), Handle.RH_NULL));
        }
        both.sameBytes("8002 00000000 0000015b 80000001 " + KEY_AUTH + " 0000 000b");
        both.sameBytes("8002 00000000 0000015b 80000000 " + KEY_AUTH + " 0000 000b");
        both.sameBytes("8002 00000000 0000015b 80000002 " + KEY_AUTH + " 0000 000b");
    }

    /** The engine alone: a sequence saved as a context, or with the whole state, goes on where it stopped. */
    @Test
    void aSequenceSurvivesContextsAndSavedStates() throws Exception {
        Engine engine = Engine.manufacture(new SecureRandom());
        Tpm tpm = new Tpm(new InProcessTransport(engine, "hmac-sequence"));
        tpm.execute(new Startup(Su.CLEAR));
        byte[] key = new byte[20];
        RANDOM.nextBytes(key);
        Public publicArea = new Public(AlgId.KEYEDHASH, AlgId.SHA256, SIGNING, Digest.EMPTY,
                new KeyedHashParms(new KeyedHashScheme(AlgId.HMAC, new SchemeHash(AlgId.SHA384))),
                new Digest(HashAlgorithm.SHA256.hash(new byte[32], key)));
        Handle handle = tpm.execute(new LoadExternal(Tpm2b.of(new Sensitive(AlgId.KEYEDHASH, Auth.EMPTY,
                new Digest(new byte[32]), new SensitiveData(key))), Tpm2b.of(publicArea), Handle.RH_NULL))
                .objectHandle();
        byte[] first = new byte[300];
        byte[] second = new byte[700];
        RANDOM.nextBytes(first);
        RANDOM.nextBytes(second);
        byte[] expected = tpm.execute(new Hmac(handle, new MaxBuffer(concat(first, second)), AlgId.NULL),
                PasswordSession.empty()).outHMAC().buffer();

        Handle sequence = tpm.execute(new HmacStart(handle, Auth.EMPTY, AlgId.NULL), PasswordSession.empty())
                .sequenceHandle();
        tpm.execute(new SequenceUpdate(sequence, new MaxBuffer(first)), PasswordSession.empty());
        Context saved = tpm.execute(new ContextSave(sequence)).context();
        tpm.execute(new FlushContext(sequence));
        sequence = tpm.execute(new ContextLoad(saved)).loadedHandle();
        Engine restored = Engine.restore(engine.saveState());
        Tpm again = new Tpm(new InProcessTransport(restored, "hmac-sequence-restored"));
        again.execute(new SequenceUpdate(sequence, new MaxBuffer(Arrays.copyOf(second, 200))),
                PasswordSession.empty());
        byte[] result = again.execute(new SequenceComplete(sequence,
                new MaxBuffer(Arrays.copyOfRange(second, 200, second.length)), Handle.RH_NULL),
                PasswordSession.empty()).result().buffer();
        assertArrayEquals(expected, result);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
