package org.vtpm.tpm.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.vtpm.tpm.testing.RandomValues;
import org.vtpm.tpm.wire.Codecs;
import org.vtpm.tpm.wire.TpmFormatException;
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
}
