/**
 * The TPM's state by subsystem (power cycle, clock, random number generator, hierarchies, PCR
 * banks, object slots and persistent objects, NV indices, dictionary-attack counters, context
 * counter, loaded and saved sessions, command audit, PCR authorization group), gathered in
 * {@link org.vtpm.tpm.engine.state.EngineState}, and its versioned binary format.
 *
 * <p>The format ({@link org.vtpm.tpm.engine.state.StateWriter}) is a header (magic {@code "VTPM"},
 * format version, oldest reader version) and a sequence of sections, one per subsystem, each with a
 * four-letter tag, its layout version, the oldest layout version that can read it, and its length.
 * A reader skips sections it does not know and refuses those it cannot interpret (libtpms'
 * NVMarshal.c idea), so state written by one version stays readable by later ones: sections added
 * after the first version (NV indices, persistent objects, dictionary attack, contexts, sessions,
 * saved sessions, command audit, PCR authorizations) are optional and start as manufactured when
 * absent. Later layouts of a section: version 2 of the two session sections adds policy and audit
 * state, version 3 of the sessions section a policy session's locality and physical-presence
 * conditions, version 2 of the objects section HMAC sequences, version 2 of the clock section the
 * rate TPM2_ClockRateAdjust sets; older layouts still load. A section names the oldest layout that
 * reads it as it is, so state without the newer content stays readable by older versions.
 * Everything is big-endian; every length is checked before anything is allocated.
 */
package org.vtpm.tpm.engine.state;
