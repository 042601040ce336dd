package org.vtpm.tpm.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Known answers from OpenSSL 3's KBKDF (HMAC, counter mode), an implementation independent of ours:
 * {@code openssl kdf -keylen N -kdfopt mac:HMAC -kdfopt digest:D -kdfopt hexkey:K -kdfopt hexsalt:LABEL
 * -kdfopt hexinfo:U||V KBKDF}. OpenSSL's defaults (a 0x00 separator after the label, [L]32 at the end,
 * L = 8 * keylen) are exactly KDFa's layout when {@code bits} is a multiple of 8.
 */
class KdfaTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] KEY = HEX.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private static final byte[] U = HEX.parseHex("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf");
    private static final byte[] V = HEX.parseHex("b0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3");

    @ParameterizedTest
    @CsvSource({
        "SHA1, 16, CDC3179E8D2E31CCF876D9FB1B0A8470",
        "SHA1, 32, 8F781F44A63557FF56E200E2AAE9D38529299F2DF036EA305A96B5CA24AA7C83",
        "SHA1, 80, BE0E6768D7FFAC7B7E9A1FA4F1EF967B0E9BD54341000BF7C32CA973FF3CC2C023E0CE6850B38FB272EF8584F1F6C10909AFDA56D5A3A5AE449E7797C0CA03726D562BADABDA0C033E6BBCDD8A213F9D",
        "SHA256, 16, 798A592034FE6E76DFFF98B8CE2E01B0",
        "SHA256, 32, AA441D39382B55EA4928BC9F6CCA22714562BA39B4BFAA75D6E5D8BEF7135DEC",
        "SHA256, 48, FB934904D18BA9F2835917156BCAD1BF1E73E07CC9B535C4FBA27D645EDE3F181231C1AF4F9271A1FCA31330EE6D756A",
        "SHA256, 80, 7E2341B62AC23401D512B4B392A67A52CC74B235A3449FFA8A8378CBF8FF911D6A27D5914801A98AA4E7650D46FB5EC8F21EA44E7EA98F13A66819411DDB3CC77005970DA2978466624F4643C4D2C6E6",
        "SHA384, 16, 2CC4DB9AA42783D6988293AEAD1E645F",
        "SHA384, 48, 235D0CC7276B9B6CE5820C2028D47A85323FF645797B468D98E8892A3128404682C4B4C6FC79A642076E9605B0ACE2CC",
        "SHA384, 80, 8FE20CD47E8345A642FE0A3CE02B32BD5215A5FA002E39D92F2FE2DEA290984185EBFADD15F0C9AF4EC28979C42316C80C96F8B7012A721E487C859EE739079866A38C32CE48217044D65A2AD3094EC8",
    })
    void matchesOpenSslKbkdf(HashAlgorithm algorithm, int bytes, String expected) {
        assertArrayEquals(HEX.parseHex(expected), Kdfa.derive(algorithm, KEY, "ATH", U, V, 8 * bytes));
    }

    @Test
    void emptyContextsAndALengthThatIsNotABlockMultiple() {
        assertArrayEquals(HEX.parseHex("FDCDFD5D945FA2F098D79AA2D9E90021190E77"),
                Kdfa.derive(HashAlgorithm.SHA256, KEY, "CFB", new byte[0], new byte[0], 8 * 19));
    }

    /**
     * For 255 bits OpenSSL cannot put L = 255 itself; with {@code use-l:0} and [255]32 appended to the
     * context by hand it gives the unmasked stream (first byte 0x82), of which KDFa clears the top bit.
     */
    @Test
    void bitsNotAMultipleOfEightClearTheTopBitsOfTheFirstByte() {
        byte[] out = Kdfa.derive(HashAlgorithm.SHA256, KEY, "ATH", U, V, 255);
        assertArrayEquals(HEX.parseHex("02C0EB269D5C10722FA0436DDBD4F7964675FCC21286371101289EADAAA9D886"), out);
    }

    @Test
    void labelsWithAZeroAndAbsurdLengthsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> Kdfa.derive(HashAlgorithm.SHA256, KEY, "A\0B", U, V, 128));
        assertThrows(IllegalArgumentException.class, () -> Kdfa.derive(HashAlgorithm.SHA256, KEY, "ATH", U, V, 0));
        assertThrows(IllegalArgumentException.class,
                () -> Kdfa.derive(HashAlgorithm.SHA256, KEY, "ATH", U, V, Kdfa.MAX_BITS + 1));
        assertEquals(1, Kdfa.derive(HashAlgorithm.SHA256, KEY, "ATH", U, V, 1).length);
    }
}
