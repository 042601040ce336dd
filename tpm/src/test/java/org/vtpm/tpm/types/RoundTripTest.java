package org.vtpm.tpm.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.vtpm.tpm.testing.RandomValues;
import org.vtpm.tpm.wire.Codecs;
import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmRc;
import org.vtpm.tpm.wire.TpmReader;

/** Marshal, then unmarshal: the same value, and exactly the bytes written consumed. */
class RoundTripTest {

    static final List<Class<?>> STRUCTURES = List.of(Public.class, Sensitive.class, SensitiveCreate.class,
            CreationData.class, TkCreation.class, TkHashcheck.class, TkVerified.class, TkAuth.class,
            PcrSelectionList.class, DigestList.class, DigestValuesList.class, Ha.class, CapabilityData.class,
            Attest.class, Signature.class, SigScheme.class, NvPublic.class, Context.class, AuthCommand.class,
            AuthResponse.class, SymDef.class, SymDefObject.class, EccPoint.class, RsaDecryptScheme.class,
            KdfScheme.class, ObjectAttributes.class, NvAttributes.class, SessionAttributes.class, AlgList.class);

    @Provide
    Arbitrary<Class<?>> structures() {
        return Arbitraries.of(STRUCTURES);
    }

    @Property(tries = 600)
    void roundTrips(@ForAll("structures") Class<?> type, @ForAll long seed) throws TpmFormatException {
        Object value = new RandomValues(seed).next(type);
        byte[] bytes = Codecs.marshal(value);

        TpmReader in = new TpmReader(bytes);
        Object back = Codecs.of(type).read(in, true);

        assertEquals(value, back);
        assertEquals(0, in.remaining());
        assertArrayEquals(bytes, Codecs.marshal(back));
    }

    /** A structure cut short anywhere is TPM_RC_INSUFFICIENT: never a partial value, never another error. */
    @Property(tries = 200)
    void truncatedStructuresAreInsufficient(@ForAll("structures") Class<?> type, @ForAll long seed) {
        byte[] bytes = Codecs.marshal(new RandomValues(seed).next(type));
        for (int length = 0; length < bytes.length; length++) {
            byte[] cut = Arrays.copyOf(bytes, length);
            TpmFormatException e = assertThrows(TpmFormatException.class, () -> Codecs.unmarshal(type, cut));
            assertEquals(TpmRc.INSUFFICIENT, e.rc(), type.getSimpleName() + " cut at " + length);
        }
    }

    /** Any byte changed, dropped or added: a value or a response code, nothing else. */
    @Property(tries = 2000)
    void mutatedStructuresFailOnlyWithResponseCodes(@ForAll("structures") Class<?> type, @ForAll long seed) {
        byte[] bytes = Codecs.marshal(new RandomValues(seed).next(type));
        Random random = new Random(seed);
        if (bytes.length > 0) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        if (random.nextBoolean()) {
            bytes = Arrays.copyOf(bytes, bytes.length + (random.nextBoolean() ? 1 : -Math.min(1, bytes.length)));
        }
        try {
            Object value = Codecs.unmarshal(type, bytes);
            assertArrayEquals(bytes, Codecs.marshal(value));
        } catch (TpmFormatException e) {
            assertTrue(e.rc().isFormat1() || e.rc().equals(TpmRc.BAD_TAG), e.getMessage());
        }
    }
}
