package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.NullValue;

/** TPMS_CONTEXT: a saved object or session context. */
public record Context(
        long sequence,
        @Check(Tpmi.DhSaved.class) Handle savedHandle,
        @Check(value = Tpmi.RhHierarchy.class, nullValue = NullValue.ACCEPTED) Handle hierarchy,
        ContextData contextBlob) {
}
