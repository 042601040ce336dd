/**
 * TPM 2.0 Part 2 types as marshallable Java values.
 *
 * <p>Naming rule: the specification's name without its prefix (TPM_, TPMS_, TPMT_, TPMI_, TPM2B_),
 * in CamelCase: TPMT_PUBLIC is {@code Public}, TPMS_ATTEST is {@code Attest}, TPM2B_DIGEST is
 * {@code Digest}, TPM_ALG_ID is {@code AlgId}, TPM_CC is {@code Cc}. Where that name would be taken
 * or unusable, a suffix says the kind, always the same way:
 * <ul>
 * <li>TPMU_X is the interface {@code XUnion} (TPMU_SIGNATURE is {@code SignatureUnion}, since
 * TPMT_SIGNATURE is {@code Signature}); its arms implement it;</li>
 * <li>TPML_X is the record {@code XList} (TPML_PCR_SELECTION is {@code PcrSelectionList});</li>
 * <li>TPMA_X is the record {@code XAttributes} (TPMA_OBJECT is {@code ObjectAttributes});</li>
 * <li>TPM2B_X wrapping a structure X is {@code Tpm2b<X>} (TPM2B_PUBLIC is {@code Tpm2b<Public>});</li>
 * <li>TPMI_ interface types are value checks in {@link org.vtpm.tpm.types.Tpmi}, applied to the base
 * type's component ({@code @Check(Tpmi.AlgHash.class) AlgId hashAlg});</li>
 * <li>one clash with a command name: TPMT_RSA_DECRYPT is {@code RsaDecryptScheme}.</li>
 * </ul>
 * Union arms that the specification gives as bare values are one-component records: {@code KeyBits}
 * (TPM_KEY_BITS), {@code XorHash} (the xor arm of TPMU_SYM_KEY_BITS), {@code SymModeAlg}
 * (TPMI_ALG_SYM_MODE); {@code Empty} is the arm without contents (TPM_ALG_NULL and the like).
 * TPMU_SYM_DETAILS marshals to nothing and has no counterpart.
 *
 * <p>Constants (TPM_ALG_ID, TPM_CC, TPM_ST, handles ...) are open sets: records of one number with
 * named instances, so values this library does not know still pass through. Attributes are typed
 * bit sets sharing {@link org.vtpm.tpm.types.AttributeSet}. Implementation-dependent maxima are in
 * {@link org.vtpm.tpm.types.TpmLimits}.
 */
package org.vtpm.tpm.types;
