package org.vtpm.tpm.attest;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.util.BigIntegers;
import org.vtpm.tpm.crypto.EccCurve;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.eventlog.Bytes;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Attest;
import org.vtpm.tpm.types.ClockInfo;
import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.EccParameter;
import org.vtpm.tpm.types.EccParms;
import org.vtpm.tpm.types.EccPoint;
import org.vtpm.tpm.types.EccScheme;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.KdfScheme;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.types.PcrSelect;
import org.vtpm.tpm.types.PcrSelection;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.QuoteInfo;
import org.vtpm.tpm.types.SchemeHash;
import org.vtpm.tpm.types.Signature;
import org.vtpm.tpm.types.SignatureEcc;
import org.vtpm.tpm.types.St;
import org.vtpm.tpm.types.SymDefObject;
import org.vtpm.tpm.wire.Codecs;

/**
 * An ECDSA P-256 attestation key in software that makes quotes as a TPM lays them out, for tests
 * that need many quotes, or quotes a TPM would never make, without a TPM.
 */
final class SoftwareAk {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ECPrivateKeyParameters privateKey;
    private final AttestationKey ak;

    SoftwareAk() {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(EccCurve.NIST_P256.domain(), RANDOM));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        privateKey = (ECPrivateKeyParameters) pair.getPrivate();
        org.bouncycastle.math.ec.ECPoint q = ((ECPublicKeyParameters) pair.getPublic()).getQ().normalize();
        Public publicArea = new Public(AlgId.ECC, AlgId.SHA256, ObjectAttributes.of(ObjectAttributes.FIXED_TPM,
                ObjectAttributes.FIXED_PARENT, ObjectAttributes.SENSITIVE_DATA_ORIGIN, ObjectAttributes.USER_WITH_AUTH,
                ObjectAttributes.RESTRICTED, ObjectAttributes.SIGN_ENCRYPT), Digest.EMPTY,
                new EccParms(SymDefObject.NULL, new EccScheme(AlgId.ECDSA, new SchemeHash(AlgId.SHA256)),
                        org.vtpm.tpm.types.EccCurve.NIST_P256, KdfScheme.NULL),
                new EccPoint(coordinate(q.getAffineXCoord().toBigInteger()),
                        coordinate(q.getAffineYCoord().toBigInteger())));
        ak = new AttestationKey(publicArea, Name.qualified(Name.of(Handle.RH_ENDORSEMENT), Name.of(publicArea)));
    }

    AttestationKey ak() {
        return ak;
    }

    /** A quote of the SHA-256 PCRs in {@code pcrs}, as a TPM would make it, and those values. */
    Evidence quote(Bytes nonce, SortedMap<Integer, Bytes> pcrs) {
        byte[][] values = pcrs.values().stream().map(Bytes::toByteArray).toArray(byte[][]::new);
        QuoteInfo info = new QuoteInfo(PcrSelectionList.of(new PcrSelection(AlgId.SHA256,
                PcrSelect.of(pcrs.keySet().stream().mapToInt(Integer::intValue).toArray()))),
                new Digest(HashAlgorithm.SHA256.hash(values)));
        Attest attest = new Attest(Attest.TPM_GENERATED_VALUE, St.ATTEST_QUOTE, ak.qualifiedName(),
                new Data(nonce.toByteArray()), new ClockInfo(1000, 1, 0, true), 0x20260101L, info);
        byte[] attestBytes = Codecs.marshal(attest);
        return new Evidence(Bytes.of(attestBytes), Bytes.of(Codecs.marshal(sign(attestBytes))),
                new PcrValues(Map.of(HashAlgorithm.SHA256, pcrs)), Optional.empty());
    }

    Signature sign(byte[] message) {
        ECDSASigner signer = new ECDSASigner();
        signer.init(true, privateKey);
        BigInteger[] rs = signer.generateSignature(HashAlgorithm.SHA256.hash(message));
        return new Signature(AlgId.ECDSA, new SignatureEcc(AlgId.SHA256, coordinate(rs[0]), coordinate(rs[1])));
    }

    private static EccParameter coordinate(BigInteger value) {
        return new EccParameter(BigIntegers.asUnsignedByteArray(32, value));
    }
}
