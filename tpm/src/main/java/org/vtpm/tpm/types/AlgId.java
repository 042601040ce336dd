package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.TpmValue;
import org.vtpm.tpm.wire.Uint;

/**
 * TPM_ALG_ID: an algorithm identifier (Part 2, 6.3).
 *
 * <p>An open set: values this library does not name (newer specifications, vendors) still
 * unmarshal and print in hex.
 */
public record AlgId(@Uint(16) int value) implements TpmValue {

    public static final AlgId ERROR = new AlgId(0x0000);
    public static final AlgId RSA = new AlgId(0x0001);
    public static final AlgId TDES = new AlgId(0x0003);
    public static final AlgId SHA1 = new AlgId(0x0004);
    public static final AlgId HMAC = new AlgId(0x0005);
    public static final AlgId AES = new AlgId(0x0006);
    public static final AlgId MGF1 = new AlgId(0x0007);
    public static final AlgId KEYEDHASH = new AlgId(0x0008);
    public static final AlgId XOR = new AlgId(0x000A);
    public static final AlgId SHA256 = new AlgId(0x000B);
    public static final AlgId SHA384 = new AlgId(0x000C);
    public static final AlgId SHA512 = new AlgId(0x000D);
    public static final AlgId NULL = new AlgId(0x0010);
    public static final AlgId SM3_256 = new AlgId(0x0012);
    public static final AlgId SM4 = new AlgId(0x0013);
    public static final AlgId RSASSA = new AlgId(0x0014);
    public static final AlgId RSAES = new AlgId(0x0015);
    public static final AlgId RSAPSS = new AlgId(0x0016);
    public static final AlgId OAEP = new AlgId(0x0017);
    public static final AlgId ECDSA = new AlgId(0x0018);
    public static final AlgId ECDH = new AlgId(0x0019);
    public static final AlgId ECDAA = new AlgId(0x001A);
    public static final AlgId SM2 = new AlgId(0x001B);
    public static final AlgId ECSCHNORR = new AlgId(0x001C);
    public static final AlgId ECMQV = new AlgId(0x001D);
    public static final AlgId KDF1_SP800_56A = new AlgId(0x0020);
    public static final AlgId KDF2 = new AlgId(0x0021);
    public static final AlgId KDF1_SP800_108 = new AlgId(0x0022);
    public static final AlgId ECC = new AlgId(0x0023);
    public static final AlgId SYMCIPHER = new AlgId(0x0025);
    public static final AlgId CAMELLIA = new AlgId(0x0026);
    public static final AlgId SHA3_256 = new AlgId(0x0027);
    public static final AlgId SHA3_384 = new AlgId(0x0028);
    public static final AlgId SHA3_512 = new AlgId(0x0029);
    public static final AlgId CMAC = new AlgId(0x003F);
    public static final AlgId CTR = new AlgId(0x0040);
    public static final AlgId OFB = new AlgId(0x0041);
    public static final AlgId CBC = new AlgId(0x0042);
    public static final AlgId CFB = new AlgId(0x0043);
    public static final AlgId ECB = new AlgId(0x0044);

    private static final TypeNames NAMES = TypeNames.scan("TPM_ALG_ID", AlgId.class, "TPM_ALG_");

    public AlgId {
        TypeNames.checkWidth("TPM_ALG_ID", value, 16);
    }

    @Override
    public String toString() {
        return NAMES.constant(value);
    }
}
