package org.vtpm.tpm.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;

import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Shared secrets computed by {@code openssl pkeyutl -derive} for freshly generated key pairs: our
 * private scalar and the peer's uncompressed public point, with OpenSSL's Z.
 */
class EcdhTest {

    private static final HexFormat HEX = HexFormat.of();

    @ParameterizedTest
    @CsvSource({
        "NIST_P256, 0b4ac62948956f71e52eda0d722b3aa00b11ef89e489df1c5cab0c9e69c9465e, "
                + "043e4cedd110232abab0571ce7421363afbfae9ca30c04ccc56cc7175b308ea96385762ef97e71fed80e0b350ac642b2cdd0f6389243df62556d19fdb50188e298, "
                + "946b88061b94634dadd15e5bdd8e28ec0c0a9e93906a5d171f72e62da6f7200e",
        "NIST_P384, cd98b990dcc258802c52b2b56b484be22d548ce1c48faf16628d5ee8a51f6522f2b08f6e0c64ff99435b59b346d20ca9, "
                + "043cfeba52b2988cecb33362d8d9e92e0092d523af6652518de3589d33087e5017f876450f411862fb94393c1dcd1ebf93a8cf4d5eef4b7dba0b038d106a4f88c8e9eccc9542dd6195296c886f5b73b9c5b8f0a9fc96e0f330be23a27fe9a91cf4, "
                + "01e438f03874dec072c1343969bb7c26b6d2d36e43621fefa75191de3ff8f064e0368ee0f44b75d4a75b6417fa48c5d5",
    })
    void matchesOpenSslDerive(EccCurve curve, String privateKey, String peerPoint, String z) throws Exception {
        byte[] point = HEX.parseHex(peerPoint);
        int size = curve.coordinateSize();
        byte[] x = Arrays.copyOfRange(point, 1, 1 + size);
        byte[] y = Arrays.copyOfRange(point, 1 + size, 1 + 2 * size);
        assertArrayEquals(HEX.parseHex(z), Ecdh.sharedSecret(curve, new BigInteger(privateKey, 16), x, y));
    }

    @Test
    void bothSidesAgree() throws Exception {
        EccCurve curve = EccCurve.NIST_P256;
        BigInteger a = new BigInteger("1234567890abcdef1234567890abcdef", 16);
        BigInteger b = new BigInteger("fedcba0987654321fedcba0987654321", 16);
        ECPoint qa = curve.domain().getG().multiply(a).normalize();
        ECPoint qb = curve.domain().getG().multiply(b).normalize();
        byte[] zA = Ecdh.sharedSecret(curve, a, qb.getAffineXCoord().getEncoded(), qb.getAffineYCoord().getEncoded());
        byte[] zB = Ecdh.sharedSecret(curve, b, qa.getAffineXCoord().getEncoded(), qa.getAffineYCoord().getEncoded());
        assertArrayEquals(zA, zB);
        assertEquals(32, zA.length);
    }

    @Test
    void aPointOffTheCurveIsRejected() {
        EccCurve curve = EccCurve.NIST_P256;
        ECPoint g = curve.domain().getG();
        byte[] x = g.getAffineXCoord().getEncoded();
        byte[] y = g.getAffineYCoord().getEncoded();
        y[31] ^= 1;
        CryptoException e = assertThrows(CryptoException.class,
                () -> Ecdh.sharedSecret(curve, BigInteger.TWO, x, y));
        assertEquals(CryptoException.Reason.ECC_POINT, e.reason());
    }

    @Test
    void outOfRangeCoordinatesAndKeysAreRejected() {
        EccCurve curve = EccCurve.NIST_P384;
        ECPoint g = curve.domain().getG();
        byte[] x = g.getAffineXCoord().getEncoded();
        byte[] y = g.getAffineYCoord().getEncoded();
        assertEquals(CryptoException.Reason.ECC_POINT, assertThrows(CryptoException.class,
                () -> Ecdh.validatePoint(curve, new byte[49], y)).reason());
        byte[] allOnes = new byte[48];
        Arrays.fill(allOnes, (byte) 0xFF);
        assertEquals(CryptoException.Reason.ECC_POINT, assertThrows(CryptoException.class,
                () -> Ecdh.validatePoint(curve, allOnes, y)).reason());
        assertEquals(CryptoException.Reason.ECC_POINT, assertThrows(CryptoException.class,
                () -> Ecdh.validatePoint(curve, new byte[0], new byte[0])).reason());
        assertEquals(CryptoException.Reason.KEY, assertThrows(CryptoException.class,
                () -> Ecdh.sharedSecret(curve, BigInteger.ZERO, x, y)).reason());
        assertEquals(CryptoException.Reason.KEY, assertThrows(CryptoException.class,
                () -> Ecdh.sharedSecret(curve, curve.domain().getN(), x, y)).reason());
    }

    @Test
    void shortCoordinatesAreLeftPadded() throws Exception {
        EccCurve curve = EccCurve.NIST_P256;
        ECPoint g = curve.domain().getG();
        byte[] x = g.getAffineXCoord().getEncoded();
        byte[] y = g.getAffineYCoord().getEncoded();
        assertEquals(g, Ecdh.validatePoint(curve, x, y));
        assertEquals(EccCurve.NIST_P256, EccCurve.fromCurveId(0x0003).orElseThrow());
    }
}
