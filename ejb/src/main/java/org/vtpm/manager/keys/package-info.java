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
 *   <li>{@link org.vtpm.manager.keys.ConnectionTransport} runs a {@code Tpm} over a pooled
 *       resource-adapter connection.</li>
 * </ul>
 *
 * <p>No class here puts key bytes in a {@code toString} or an exception message.
 */
package org.vtpm.manager.keys;
