/**
 * Key protection rooted in the physical TPM (pTPM), as plain classes the EJBs wrap.
 *
 * <ul>
 *   <li>{@link org.vtpm.manager.keys.ManagerKek} seals the manager KEK under the pTPM's storage
 *       primary key (re-created from the TCG Provisioning Guidance ECC P-256 SRK template, owner
 *       authorization empty), optionally bound to host PCRs; {@link org.vtpm.manager.keys.SealedKek}
 *       is its storable form.</li>
 *   <li>{@link org.vtpm.manager.keys.Kek} wraps each vTPM's {@link org.vtpm.manager.keys.DataKey}
 *       (AES-256-GCM, associated data binding the vTPM id); {@link org.vtpm.manager.keys.StateCipher}
 *       encrypts the vTPM's state parts with it (associated data binding vTPM id, part and state
 *       version: a stale, swapped or altered blob is a
 *       {@link org.vtpm.manager.keys.StateIntegrityException}).</li>
 *   <li>{@link org.vtpm.manager.keys.ManagerCa} is the manager CA: an ECC P-256 key created in the
 *       pTPM under the SRK ({@link org.vtpm.manager.keys.CaKey} stores it), whose certificates are
 *       signed with TPM2_Sign: EK certificates per the TCG EK Credential Profile, attestation key
 *       certificates, and the manager's own signed statements.</li>
 *   <li>{@link org.vtpm.manager.keys.VtpmIdentity} gives a new vTPM its EKs and attestation key,
 *       persistent and certified. Handles and NV indices: RSA EK 0x81010001 (certificate NV
 *       0x01C00002), ECC EK 0x81010002 (NV 0x01C0000A), attestation key 0x81020000 (an ECC P-256
 *       restricted signing primary of the endorsement hierarchy; certificate NV 0x01C10002).</li>
 *   <li>{@link org.vtpm.manager.keys.TransportKey} carries secrets between hosts for migration: an
 *       ECC P-256 ECDH key in the target's pTPM ({@link org.vtpm.manager.keys.TransportKeyBlob}),
 *       sealed to in software (ephemeral ECDH, KDFe, AES-256-GCM), opened with TPM2_ECDH_ZGen.</li>
 *   <li>{@link org.vtpm.manager.keys.ConnectionTransport} runs a {@code Tpm} over a pooled
 *       resource-adapter connection.</li>
 * </ul>
 *
 * <p>Secrets travel to and from the pTPM (the KEK at sealing and unsealing, the ECDH secret) only
 * in sessions salted to the SRK with AES-CFB parameter encryption. No class here puts key bytes
 * in a {@code toString} or an exception message.
 */
package org.vtpm.manager.keys;
