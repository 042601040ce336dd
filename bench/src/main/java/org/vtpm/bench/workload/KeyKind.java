package org.vtpm.bench.workload;

import org.vtpm.tpm.types.Public;

/** The two key families the workloads cover. */
enum KeyKind {
    ECC_P256 {
        @Override
        Public template(boolean restricted, byte[] unique) {
            return KeyTemplates.ecc(restricted, unique);
        }

        @Override
        int uniqueSize() {
            return 32;
        }
    },
    RSA_2048 {
        @Override
        Public template(boolean restricted, byte[] unique) {
            return KeyTemplates.rsa(restricted, unique);
        }

        @Override
        int uniqueSize() {
            return 256;
        }
    };

    abstract Public template(boolean restricted, byte[] unique);

    /** The size of a full-length unique field: one coordinate, or the modulus. */
    abstract int uniqueSize();
}
