package org.vtpm.tpm.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Known answers from OpenSSL 3's SSKDF (SP 800-56C one-step KDF with a hash, the same construction as
 * SP 800-56A's concatenation KDF): {@code openssl kdf -keylen N -kdfopt digest:D -kdfopt hexkey:Z
 * -kdfopt hexinfo:"DUPLICATE"||00||U||V SSKDF}.
 */
class KdfeTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] Z = HEX.parseHex("c0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedf");
    private static final byte[] PARTY_U = HEX.parseHex("11".repeat(32));
    private static final byte[] PARTY_V = HEX.parseHex("22".repeat(32));

    @ParameterizedTest
    @CsvSource({
        "SHA1, 16, 46CFC48306C3A871143DFC6493F4AE4A",
        "SHA1, 64, 46CFC48306C3A871143DFC6493F4AE4AE076FA0C389D8D3C29611D4BC693BFA395A474F0CC32C30A80809DCFBB138E3A83EBCF5382323A5E0BC4C79FCAFA8377",
        "SHA256, 16, 6CB49A0C66808D6F313D989BB4B93841",
        "SHA256, 32, 6CB49A0C66808D6F313D989BB4B938417A30697481F24082CC65038E30E19FEB",
        "SHA256, 64, 6CB49A0C66808D6F313D989BB4B938417A30697481F24082CC65038E30E19FEB74719226376A6748106277BFD40DD4A641F2AED9F8FD0116FD98A0FA7CAB3B43",
        "SHA384, 32, E79BECF0E64342867C81163B651576AA6B9D6B3169948ECE47FBCF1C035CA698",
        "SHA384, 64, E79BECF0E64342867C81163B651576AA6B9D6B3169948ECE47FBCF1C035CA698F30986E26E11CD5B62BC2C6726D300E7A85191C74CDD8F6FF13210172449E8DB",
    })
    void matchesOpenSslSskdf(HashAlgorithm algorithm, int bytes, String expected) {
        assertArrayEquals(HEX.parseHex(expected),
                Kdfe.derive(algorithm, Z, "DUPLICATE", PARTY_U, PARTY_V, 8 * bytes));
    }

    @Test
    void bitsNotAMultipleOfEightClearTheTopBitsOfTheFirstByte() {
        // OpenSSL's 17-byte output starts 0x6C; 129 bits keep only the lowest bit of it.
        assertArrayEquals(HEX.parseHex("00B49A0C66808D6F313D989BB4B938417A"),
                Kdfe.derive(HashAlgorithm.SHA256, Z, "DUPLICATE", PARTY_U, PARTY_V, 129));
    }
}
