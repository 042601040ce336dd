package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.Plus;

/** TPMS_KEYEDHASH_PARMS: the parameters of a keyed-hash object (HMAC key or sealed data). */
public record KeyedHashParms(
        @Plus KeyedHashScheme scheme) implements PublicParmsUnion {
}
