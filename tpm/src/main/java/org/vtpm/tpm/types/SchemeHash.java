package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.Check;

/**
 * TPMS_SCHEME_HASH: a scheme that needs only a hash algorithm (TPMS_SIG_SCHEME_RSASSA, TPMS_KEY_SCHEME_ECDH,
 * TPMS_SCHEME_MGF1 ... are this type).
 */
public record SchemeHash(
        @Check(Tpmi.AlgHash.class) AlgId hashAlg)
        implements SchemeKeyedHashUnion, AsymSchemeUnion, SigSchemeUnion, KdfSchemeUnion {
}
