package org.vtpm.tpm.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vtpm.tpm.command.EventSequenceComplete;
import org.vtpm.tpm.command.Hash;
import org.vtpm.tpm.command.HashResponse;
import org.vtpm.tpm.command.HashSequenceStart;
import org.vtpm.tpm.command.Hmac;
import org.vtpm.tpm.command.LoadExternal;
import org.vtpm.tpm.command.LoadExternalResponse;
import org.vtpm.tpm.command.PcrEvent;
import org.vtpm.tpm.command.PcrExtend;
import org.vtpm.tpm.command.PcrRead;
import org.vtpm.tpm.command.PcrReadResponse;
import org.vtpm.tpm.command.PcrReset;
import org.vtpm.tpm.command.SequenceComplete;
import org.vtpm.tpm.command.SequenceCompleteResponse;
import org.vtpm.tpm.command.SequenceUpdate;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Attest;
import org.vtpm.tpm.types.Auth;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.DigestValuesList;
import org.vtpm.tpm.types.Event;
import org.vtpm.tpm.types.Ha;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.KeyedHashParms;
import org.vtpm.tpm.types.KeyedHashScheme;
import org.vtpm.tpm.types.MaxBuffer;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.types.PcrSelect;
import org.vtpm.tpm.types.PcrSelection;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.SchemeHash;
import org.vtpm.tpm.types.Sensitive;
import org.vtpm.tpm.types.SensitiveData;
import org.vtpm.tpm.types.St;
import org.vtpm.tpm.wire.Bytes;
import org.vtpm.tpm.wire.Tpm2b;
import org.vtpm.tpm.wire.TpmWriter;

/**
 * PCR_Read, PCR_Extend, PCR_Event, PCR_Reset, Hash, HMAC (with LoadExternal), HashSequenceStart,
 * SequenceUpdate, SequenceComplete and EventSequenceComplete against swtpm, each result
 * recomputed with {@link HashAlgorithm}.
 */
class PcrAndHashTest {

    private static final int PCR = 16;
    private static final HashAlgorithm SHA256 = HashAlgorithm.SHA256;
    private static final PcrSelectionList PCR_16 = PcrSelectionList.of(new PcrSelection(AlgId.SHA256,
            PcrSelect.of(PCR)));

    private static SwtpmFixture swtpm;

    @BeforeAll
    static void start() throws Exception {
        swtpm = SwtpmFixture.start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (swtpm != null) {
            swtpm.close();
        }
    }

    @AfterEach
    void resetPcr() throws Exception {
        swtpm.tpm.execute(new PcrReset(Handle.pcr(PCR)), PasswordSession.empty());
        swtpm.flushAllExcept();
    }

    @Test
    void extendEventAndResetChangePcr16AsTheSpecificationSays() throws Exception {
        assertArrayEquals(new byte[32], pcr16());
        byte[] measurement = SHA256.hash("measured".getBytes(StandardCharsets.UTF_8));
        swtpm.tpm.execute(new PcrExtend(Handle.pcr(PCR), new DigestValuesList(List.of(
                new Ha(AlgId.SHA256, Bytes.of(measurement))))), PasswordSession.empty());
        byte[] extended = SHA256.hash(new byte[32], measurement);
        PcrReadResponse after = swtpm.tpm.execute(new PcrRead(PCR_16));
        assertArrayEquals(extended, after.pcrValues().digests().get(0).buffer());
        assertEquals(PCR_16, after.pcrSelectionOut());

        byte[] eventData = "an event".getBytes(StandardCharsets.UTF_8);
        DigestValuesList eventDigests = swtpm.tpm.execute(new PcrEvent(Handle.pcr(PCR), new Event(eventData)),
                PasswordSession.empty()).digests();
        Ha sha256 = eventDigests.digests().stream().filter(d -> d.hashAlg().equals(AlgId.SHA256)).findFirst()
                .orElseThrow();
        assertArrayEquals(SHA256.hash(eventData), sha256.digest().toByteArray());
        assertArrayEquals(SHA256.hash(extended, SHA256.hash(eventData)), pcr16());

        swtpm.tpm.execute(new PcrReset(Handle.pcr(PCR)), PasswordSession.empty());
        assertArrayEquals(new byte[32], pcr16());
    }

    @Test
    void hashGivesTheDigestAndATicketOnlyForDataTheTpmCouldNotHaveMade() throws Exception {
        byte[] data = "data to hash".getBytes(StandardCharsets.UTF_8);
        HashResponse hashed = swtpm.tpm.execute(new Hash(new MaxBuffer(data), AlgId.SHA384, Handle.RH_OWNER));
        assertArrayEquals(HashAlgorithm.SHA384.hash(data), hashed.outHash().buffer());
        assertEquals(St.HASHCHECK, hashed.validation().tag());
        assertEquals(Handle.RH_OWNER, hashed.validation().hierarchy());
        assertFalse(hashed.validation().digest().isEmpty());

        byte[] generated = new TpmWriter().writeU32(Attest.TPM_GENERATED_VALUE).writeBytes(data).toByteArray();
        HashResponse refused = swtpm.tpm.execute(new Hash(new MaxBuffer(generated), AlgId.SHA256, Handle.RH_OWNER));
        assertArrayEquals(SHA256.hash(generated), refused.outHash().buffer());
        assertEquals(Handle.RH_NULL, refused.validation().hierarchy());
    }

    @Test
    void aHashSequenceEqualsTheHashOfItsParts() throws Exception {
        Auth sequenceAuth = new Auth("sequence".getBytes(StandardCharsets.UTF_8));
        Handle sequence = swtpm.tpm.execute(new HashSequenceStart(sequenceAuth, AlgId.SHA256)).sequenceHandle();
        byte[] part1 = new byte[1024];
        byte[] part2 = "tail".getBytes(StandardCharsets.UTF_8);
        java.util.Arrays.fill(part1, (byte) 0x5A);
        swtpm.tpm.execute(new SequenceUpdate(sequence, new MaxBuffer(part1)), PasswordSession.of(sequenceAuth));
        SequenceCompleteResponse done = swtpm.tpm.execute(new SequenceComplete(sequence, new MaxBuffer(part2),
                Handle.RH_OWNER), PasswordSession.of(sequenceAuth));
        assertArrayEquals(SHA256.hash(part1, part2), done.result().buffer());
        assertEquals(Handle.RH_OWNER, done.validation().hierarchy());
    }

    @Test
    void anEventSequenceExtendsEveryBankWithTheDigestOfItsData() throws Exception {
        Handle sequence = swtpm.tpm.execute(new HashSequenceStart(Auth.EMPTY, AlgId.NULL)).sequenceHandle();
        byte[] part1 = "event part one, ".getBytes(StandardCharsets.UTF_8);
        byte[] part2 = "event part two".getBytes(StandardCharsets.UTF_8);
        swtpm.tpm.execute(new SequenceUpdate(sequence, new MaxBuffer(part1)), PasswordSession.empty());
        DigestValuesList results = swtpm.tpm.execute(new EventSequenceComplete(Handle.pcr(PCR), sequence,
                new MaxBuffer(part2)), PasswordSession.empty(), PasswordSession.empty()).results();
        for (Ha result : results.digests()) {
            HashAlgorithm hash = HashAlgorithm.fromAlgId(result.hashAlg().value()).orElseThrow();
            assertArrayEquals(hash.hash(part1, part2), result.digest().toByteArray(), hash.tpmName());
        }
        assertArrayEquals(SHA256.hash(new byte[32], SHA256.hash(part1, part2)), pcr16());
    }

    @Test
    void hmacWithAnExternallyLoadedKeyEqualsBouncyCastles() throws Exception {
        byte[] key = SHA256.hash("hmac key".getBytes(StandardCharsets.UTF_8));
        byte[] seed = new byte[32];
        Auth auth = new Auth("key auth".getBytes(StandardCharsets.UTF_8));
        Public template = new Public(AlgId.KEYEDHASH, AlgId.SHA256, ObjectAttributes.of(ObjectAttributes.SIGN_ENCRYPT,
                ObjectAttributes.USER_WITH_AUTH), Digest.EMPTY,
                new KeyedHashParms(new KeyedHashScheme(AlgId.HMAC, new SchemeHash(AlgId.SHA256))),
                new Digest(SHA256.hash(seed, key)));
        Sensitive sensitive = new Sensitive(AlgId.KEYEDHASH, auth, new Digest(seed), new SensitiveData(key));
        LoadExternalResponse loaded = swtpm.tpm.execute(new LoadExternal(Tpm2b.of(sensitive), Tpm2b.of(template),
                Handle.RH_NULL));
        assertEquals(Name.of(template), loaded.name());
        byte[] data = "authenticate me".getBytes(StandardCharsets.UTF_8);
        byte[] mac = swtpm.tpm.execute(new Hmac(loaded.objectHandle(), new MaxBuffer(data), AlgId.SHA256),
                PasswordSession.of(auth)).outHMAC().buffer();
        assertArrayEquals(org.vtpm.tpm.crypto.Hmac.compute(SHA256, key, data), mac);
    }

    private static byte[] pcr16() throws Exception {
        return swtpm.tpm.execute(new PcrRead(PCR_16)).pcrValues().digests().get(0).buffer();
    }
}
