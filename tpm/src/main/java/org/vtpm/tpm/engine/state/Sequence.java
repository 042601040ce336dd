package org.vtpm.tpm.engine.state;

/** A sequence object (Part 1, 17.5.2): data arrives in TPM2_SequenceUpdate blocks until completed. */
public sealed interface Sequence extends TransientObject permits HashSequence, HmacSequence {

    /** Adds a block of data. */
    void update(byte[] data);
}
