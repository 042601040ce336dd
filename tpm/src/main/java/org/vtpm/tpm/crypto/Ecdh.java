package org.vtpm.tpm.crypto;

import java.math.BigInteger;

import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * Elliptic-curve Diffie-Hellman as the TPM uses it (TPM2_ECDH_ZGen, salted sessions, ECC
 * duplication and credentials): the shared point {@code d * Q}, whose x coordinate is Z.
 *
 * <p>Every peer point is validated first, since a point off the curve would let a peer learn bits of
 * the private key (invalid-curve attack).
 */
public final class Ecdh {

    private Ecdh() {
    }

    /**
     * Decodes and validates a public point given as a TPMS_ECC_POINT's coordinates (big-endian,
     * possibly shorter than the coordinate size).
     *
     * @throws CryptoException {@link CryptoException.Reason#ECC_POINT} for a coordinate out of range, a
     *                         point off the curve or the point at infinity
     */
    public static ECPoint validatePoint(EccCurve curve, byte[] x, byte[] y) throws CryptoException {
        if (x.length > curve.coordinateSize() || y.length > curve.coordinateSize()) {
            throw new CryptoException(CryptoException.Reason.ECC_POINT, "coordinate longer than "
                    + curve.coordinateSize() + " bytes");
        }
        BigInteger p = curve.domain().getCurve().getField().getCharacteristic();
        BigInteger bx = new BigInteger(1, x);
        BigInteger by = new BigInteger(1, y);
        if (bx.compareTo(p) >= 0 || by.compareTo(p) >= 0) {
            throw new CryptoException(CryptoException.Reason.ECC_POINT, "coordinate not below the field prime");
        }
        try {
            return curve.domain().getCurve().validatePoint(bx, by);
        } catch (IllegalArgumentException e) {
            throw new CryptoException(CryptoException.Reason.ECC_POINT, "point is not on " + curve.nistName(), e);
        }
    }

    /**
     * The shared point {@code privateKey * peer}, normalized.
     *
     * @throws CryptoException {@link CryptoException.Reason#KEY} for a private key outside
     *                         {@code [1, n-1]}, {@link CryptoException.Reason#ECC_POINT} for an invalid
     *                         peer point
     */
    public static ECPoint sharedPoint(EccCurve curve, BigInteger privateKey, byte[] peerX, byte[] peerY)
            throws CryptoException {
        BigInteger n = curve.domain().getN();
        if (privateKey.signum() <= 0 || privateKey.compareTo(n) >= 0) {
            throw new CryptoException(CryptoException.Reason.KEY, "private key out of range for "
                    + curve.nistName());
        }
        ECPoint peer = validatePoint(curve, peerX, peerY);
        ECPoint shared = peer.multiply(privateKey).normalize();
        if (shared.isInfinity()) {
            throw new CryptoException(CryptoException.Reason.ECC_POINT, "shared point is the point at infinity");
        }
        return shared;
    }

    /** Z, the x coordinate of the shared point at the curve's full coordinate size. */
    public static byte[] sharedSecret(EccCurve curve, BigInteger privateKey, byte[] peerX, byte[] peerY)
            throws CryptoException {
        ECPoint shared = sharedPoint(curve, privateKey, peerX, peerY);
        return BigIntegers.asUnsignedByteArray(curve.coordinateSize(), shared.getAffineXCoord().toBigInteger());
    }
}
