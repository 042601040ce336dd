package org.vtpm.bench.workload;

import java.io.IOException;

import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.wire.TpmException;

/**
 * The TPM operations every benchmark measures, the same command bytes through the same client
 * whichever TPM is behind it (the engine in process, our socket server, swtpm).
 */
public enum Workload {
    GET_RANDOM("GetRandom(32)", Operations::getRandom),
    PCR_EXTEND("PCR_Extend SHA-256", Operations::pcrExtend),
    PCR_READ("PCR_Read 8 PCRs SHA-256", Operations::pcrRead),
    HASH("Hash SHA-256 1 KiB", Operations::hash),
    CREATE_PRIMARY_ECC_FIRST("CreatePrimary ECC P-256, first", tpm -> Operations.createPrimary(tpm, KeyKind.ECC_P256, true)),
    CREATE_PRIMARY_ECC_CACHED("CreatePrimary ECC P-256, again", tpm -> Operations.createPrimary(tpm, KeyKind.ECC_P256, false)),
    CREATE_PRIMARY_RSA_FIRST("CreatePrimary RSA-2048, first", tpm -> Operations.createPrimary(tpm, KeyKind.RSA_2048, true)),
    CREATE_PRIMARY_RSA_CACHED("CreatePrimary RSA-2048, again", tpm -> Operations.createPrimary(tpm, KeyKind.RSA_2048, false)),
    QUOTE_ECC("Quote ECDSA P-256, 8 PCRs", tpm -> Operations.quote(tpm, KeyKind.ECC_P256)),
    QUOTE_RSA("Quote RSASSA-2048, 8 PCRs", tpm -> Operations.quote(tpm, KeyKind.RSA_2048)),
    SIGN_ECC("Sign ECDSA P-256", tpm -> Operations.sign(tpm, KeyKind.ECC_P256)),
    SIGN_RSA("Sign RSASSA-2048", tpm -> Operations.sign(tpm, KeyKind.RSA_2048)),
    NV_WRITE("NV_Write 64 bytes", tpm -> Operations.nv(tpm, true)),
    NV_READ("NV_Read 64 bytes", tpm -> Operations.nv(tpm, false)),
    HMAC_SESSION("HMAC session: StartAuthSession + PCR_Extend", Operations::hmacSession);

    /** Builds a workload's {@link Operation} on a started TPM. */
    @FunctionalInterface
    interface Preparer {
        Operation prepare(Tpm tpm) throws TpmException, IOException;
    }

    private final String label;
    private final Preparer preparer;

    Workload(String label, Preparer preparer) {
        this.label = label;
        this.preparer = preparer;
    }

    /** How the workload appears in result tables. */
    public String label() {
        return label;
    }

    /**
     * Creates what the workload needs in {@code tpm} (keys, an NV index) and runs it once, so a
     * TPM that lacks one of its commands fails here rather than inside a measurement.
     *
     * @throws TpmException with TPM_RC_COMMAND_CODE when the TPM lacks a command ({@link MissingCommand#of})
     */
    public Operation prepare(Tpm tpm) throws TpmException, IOException {
        Operation operation = preparer.prepare(tpm);
        try {
            operation.run();
            return operation;
        } catch (TpmException | IOException | RuntimeException e) {
            try {
                operation.close();
            } catch (TpmException | IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }
}
