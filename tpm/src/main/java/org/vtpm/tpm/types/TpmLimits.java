package org.vtpm.tpm.types;

/**
 * The implementation-dependent sizes Part 2 leaves to each TPM (Part 4's
 * {@code TpmProfile.h}), as this library accepts them. They are the upper limits the unmarshalling
 * code enforces: large enough for any algorithm this project implements (SHA-512, RSA-4096,
 * NIST P-521) and for the reference implementation's 1024-byte buffers, so a client reads any
 * conforming TPM's answers, and small enough that no size field can demand an outsized allocation.
 */
public final class TpmLimits {

    /** One per {@code HashAlgorithm}: the bound on PCR banks and digest lists. */
    public static final int HASH_COUNT = 5;
    public static final int MAX_DIGEST_SIZE = 64;
    public static final int IMPLEMENTATION_PCR = 24;
    /** PCR_SELECT_MIN and PCR_SELECT_MAX: octets of a PCR bit map for 24 PCRs. */
    public static final int PCR_SELECT_MIN = 3;
    public static final int PCR_SELECT_MAX = 3;
    public static final int MAX_RSA_KEY_BYTES = 512;
    public static final int RSA_PRIVATE_SIZE = MAX_RSA_KEY_BYTES / 2;
    public static final int MAX_ECC_KEY_BYTES = 66;
    public static final int MAX_SYM_KEY_BYTES = 32;
    public static final int MAX_SYM_BLOCK_SIZE = 16;
    public static final int MAX_SYM_DATA = 128;
    public static final int MAX_DIGEST_BUFFER = 1024;
    public static final int MAX_NV_BUFFER_SIZE = 1024;
    public static final int MAX_LABEL_SIZE = 32;
    public static final int MAX_COMMAND_SIZE = 4096;
    public static final int MAX_RESPONSE_SIZE = 4096;
    /** A saved context must fit in a ContextLoad command (header, sequence, handles, size). */
    public static final int MAX_CONTEXT_SIZE = MAX_COMMAND_SIZE - 10 - 8 - 4 - 4 - 2;
    public static final int MAX_SESSION_NUM = 3;
    /** sizeof(TPMT_HA): the bound of TPM2B_DATA and of a name. */
    public static final int SIZEOF_TPMT_HA = 2 + MAX_DIGEST_SIZE;
    /** A TPM2B_PRIVATE carries integrity and an encrypted TPMT_SENSITIVE; vendors add padding. */
    public static final int MAX_PRIVATE_SIZE = 1024;
    public static final int MAX_ENCRYPTED_SECRET_SIZE = MAX_RSA_KEY_BYTES;
    /** sizeof(TPMS_ID_OBJECT): integrityHMAC and encIdentity, each a TPM2B_DIGEST. */
    public static final int MAX_ID_OBJECT_SIZE = 2 * (2 + MAX_DIGEST_SIZE);
    /** A TPM2B_TEMPLATE holds a TPMT_PUBLIC: bounded by its RSA variant. */
    public static final int MAX_TEMPLATE_SIZE = 2 + 2 + 4 + (2 + MAX_DIGEST_SIZE) + 10 + 2 + MAX_RSA_KEY_BYTES + 32;

    public static final int MAX_CAP_BUFFER = 1024;
    /** MAX_CAP_DATA: the capability buffer less the capability and count fields. */
    public static final int MAX_CAP_DATA = MAX_CAP_BUFFER - 4 - 4;
    public static final int MAX_CAP_ALGS = MAX_CAP_DATA / 6;
    public static final int MAX_CAP_HANDLES = MAX_CAP_DATA / 4;
    public static final int MAX_CAP_CC = MAX_CAP_DATA / 4;
    public static final int MAX_TPM_PROPERTIES = MAX_CAP_DATA / 8;
    public static final int MAX_PCR_PROPERTIES = MAX_CAP_DATA / (4 + 1 + PCR_SELECT_MAX);
    public static final int MAX_ECC_CURVES = MAX_CAP_DATA / 2;
    public static final int MAX_TAGGED_POLICIES = MAX_CAP_DATA / (4 + 2 + MAX_DIGEST_SIZE);
    public static final int MAX_ACT_DATA = MAX_CAP_DATA / 12;
    public static final int MAX_ALG_LIST_SIZE = 64;
    /** TPML_DIGEST: at most eight digests (PolicyOR branches, PCR_Read values). */
    public static final int MAX_DIGEST_LIST = 8;

    private TpmLimits() {
    }
}
