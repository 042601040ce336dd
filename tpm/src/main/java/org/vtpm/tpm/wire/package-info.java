/**
 * The TPM 2.0 wire format (Part 2's marshalling rules): a strict big-endian {@link
 * org.vtpm.tpm.wire.TpmReader} and a {@link org.vtpm.tpm.wire.TpmWriter}, the response codes
 * ({@link org.vtpm.tpm.wire.TpmRc}), and one generic marshalling mechanism.
 *
 * <p>Structures are Java records whose component order is the wire order; {@link
 * org.vtpm.tpm.wire.RecordCodec} derives each record's encoding once from its component types and
 * a few annotations that say what a Java type cannot: integer widths ({@link
 * org.vtpm.tpm.wire.Uint}), TPML counts and maxima ({@link org.vtpm.tpm.wire.Count}), union
 * selectors ({@link org.vtpm.tpm.wire.Selector} with a {@link org.vtpm.tpm.wire.Union} on the union
 * interface), interface-type checks and the specification's "+" ({@link
 * org.vtpm.tpm.wire.Check}, {@link org.vtpm.tpm.wire.Plus}), reserved attribute bits ({@link
 * org.vtpm.tpm.wire.ReservedBits}). TPM2B_ byte buffers extend {@link
 * org.vtpm.tpm.wire.SizedBytes}; TPM2B_ around a structure is {@link org.vtpm.tpm.wire.Tpm2b}.
 *
 * <p>Unmarshalling never trusts a size: each is checked against the type's maximum (TPM_RC_SIZE)
 * and the bytes left (TPM_RC_INSUFFICIENT) before anything is allocated, and every defect is a
 * checked {@link org.vtpm.tpm.wire.TpmFormatException} carrying the code a TPM would answer.
 */
package org.vtpm.tpm.wire;
