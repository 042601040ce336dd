package org.vtpm.tpm.engine.state;

import org.vtpm.tpm.wire.TpmWriter;

/** What an object slot holds: a sequence object or a loaded key. */
public sealed interface TransientObject permits Sequence, LoadedKey {

    /** The authValue its USER role is authorized with. */
    byte[] authValue();

    /** Whether a failed authorization leaves the dictionary-attack counter alone (noDA). */
    boolean isDaExempt();

    /** Its state-format encoding (after the kind byte {@link ObjectSlots} writes). */
    void write(TpmWriter out);
}
