package org.vtpm.manager.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vtpm.tpm.client.PasswordSession;
import org.vtpm.tpm.command.PcrExtend;
import org.vtpm.tpm.command.PcrReset;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.DigestValuesList;
import org.vtpm.tpm.types.Ha;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.wire.Bytes;

/** The manager KEK against two swtpm instances standing in for two hosts' physical TPMs. */
class ManagerKekTest {

    private static final int BOUND_PCR = 16;

    private static PhysicalTpm host;
    private static PhysicalTpm otherHost;

    @BeforeAll
    static void startTpms() throws Exception {
        host = PhysicalTpm.start();
        otherHost = PhysicalTpm.start();
    }

    @AfterAll
    static void stopTpms() throws Exception {
        try {
            if (host != null) {
                host.close();
            }
        } finally {
            if (otherHost != null) {
                otherHost.close();
            }
        }
    }

    @AfterEach
    void leavesNothingLoaded() throws Exception {
        assertEquals(List.of(), List.copyOf(host.loaded()));
        assertEquals(List.of(), List.copyOf(otherHost.loaded()));
    }

    @Test
    void theSameTpmUnsealsTheSameKekEveryTime() throws Exception {
        SealedKek sealed = ManagerKek.seal(host.tpm, Optional.empty());
        assertTrue(sealed.publicArea().objectAttributes().has(ObjectAttributes.FIXED_TPM));
        assertTrue(sealed.publicArea().authPolicy().isEmpty());
        Kek first = ManagerKek.unseal(host.tpm, sealed);
        Kek second = ManagerKek.unseal(host.tpm, SealedKek.decode(sealed.encoded()));
        DataKey dataKey = DataKey.generate();
        byte[] wrapped = first.wrap(dataKey, "vtpm-1");
        assertArrayEquals(dataKey.material(), second.unwrap(wrapped, "vtpm-1").material());
    }

    @Test
    void eachSealingMakesANewKek() throws Exception {
        Kek one = ManagerKek.unseal(host.tpm, ManagerKek.seal(host.tpm, Optional.empty()));
        Kek two = ManagerKek.unseal(host.tpm, ManagerKek.seal(host.tpm, Optional.empty()));
        byte[] wrapped = one.wrap(DataKey.generate(), "vtpm-1");
        assertThrows(StateIntegrityException.class, () -> two.unwrap(wrapped, "vtpm-1"));
    }

    @Test
    void anotherPhysicalTpmRefusesToUnseal() throws Exception {
        SealedKek sealed = ManagerKek.seal(host.tpm, Optional.empty());
        KeyProtectionException e = assertThrows(KeyProtectionException.class,
                () -> ManagerKek.unseal(otherHost.tpm, sealed));
        assertTrue(e.getMessage().contains("sealed by a different physical TPM"), e.getMessage());
    }

    @Test
    void aPcrBoundKekUnsealsOnlyWhileThePcrsHoldTheirValues() throws Exception {
        SealedKek sealed = ManagerKek.seal(host.tpm, Optional.of(PcrBinding.of(HashAlgorithm.SHA256, BOUND_PCR)));
        assertFalse(sealed.publicArea().authPolicy().isEmpty());
        assertFalse(sealed.publicArea().objectAttributes().has(ObjectAttributes.USER_WITH_AUTH));
        SealedKek stored = SealedKek.decode(sealed.encoded());
        assertEquals(sealed, stored);
        Kek before = ManagerKek.unseal(host.tpm, stored);
        try {
            host.tpm.execute(new PcrExtend(Handle.pcr(BOUND_PCR), new DigestValuesList(List.of(new Ha(AlgId.SHA256,
                    Bytes.of(HashAlgorithm.SHA256.hash(new byte[] {1})))))), PasswordSession.empty());
            KeyProtectionException e = assertThrows(KeyProtectionException.class,
                    () -> ManagerKek.unseal(host.tpm, stored));
            assertTrue(e.getMessage().contains("PCRs no longer match"), e.getMessage());
        } finally {
            host.tpm.execute(new PcrReset(Handle.pcr(BOUND_PCR)), PasswordSession.empty());
        }
        Kek after = ManagerKek.unseal(host.tpm, stored);
        byte[] wrapped = before.wrap(DataKey.generate(), "vtpm-1");
        after.unwrap(wrapped, "vtpm-1");
    }

    @Test
    void afterAHostRebootTheKekUnsealsOnceThePcrsAreBackToTheirSealedValues() throws Exception {
        SealedKek unbound = ManagerKek.seal(host.tpm, Optional.empty());
        SealedKek bound = ManagerKek.seal(host.tpm, Optional.of(PcrBinding.of(HashAlgorithm.SHA256, BOUND_PCR)));
        byte[] wrapped = ManagerKek.unseal(host.tpm, bound).wrap(DataKey.generate(), "vtpm-1");
        host.tpm.execute(new PcrExtend(Handle.pcr(BOUND_PCR), new DigestValuesList(List.of(new Ha(AlgId.SHA256,
                Bytes.of(HashAlgorithm.SHA256.hash(new byte[] {2})))))), PasswordSession.empty());
        assertThrows(KeyProtectionException.class, () -> ManagerKek.unseal(host.tpm, bound));
        host.reboot();
        ManagerKek.unseal(host.tpm, bound).unwrap(wrapped, "vtpm-1");
        ManagerKek.unseal(host.tpm, unbound);
    }

    @Test
    void aPcrBoundKekFromAnotherTpmIsStillReportedAsSuch() throws Exception {
        SealedKek sealed = ManagerKek.seal(host.tpm, Optional.of(PcrBinding.of(HashAlgorithm.SHA256, BOUND_PCR)));
        KeyProtectionException e = assertThrows(KeyProtectionException.class,
                () -> ManagerKek.unseal(otherHost.tpm, sealed));
        assertTrue(e.getMessage().contains("different physical TPM"), e.getMessage());
    }

    @Test
    void everyTruncationOrAlterationOfTheStoredFormIsATypedError() throws Exception {
        byte[] encoded = ManagerKek.seal(host.tpm, Optional.of(PcrBinding.of(HashAlgorithm.SHA256, 0, 7)))
                .encoded();
        for (int length = 0; length < encoded.length; length++) {
            byte[] cut = Arrays.copyOf(encoded, length);
            assertThrows(KeyProtectionException.class, () -> SealedKek.decode(cut), "length " + length);
        }
        byte[] longer = Arrays.copyOf(encoded, encoded.length + 1);
        assertThrows(KeyProtectionException.class, () -> SealedKek.decode(longer));
        byte[] badFlag = encoded.clone();
        badFlag[badFlag.length - 1 - 2 - 1 - 4 - 3] = 2;
        assertThrows(KeyProtectionException.class, () -> SealedKek.decode(badFlag));
        for (int i = 0; i < 5; i++) {
            byte[] header = encoded.clone();
            header[i] ^= 0x40;
            assertThrows(KeyProtectionException.class, () -> SealedKek.decode(header), "byte " + i);
        }
    }

    @Test
    void anAlteredPrivateAreaIsRefusedByTheTpm() throws Exception {
        SealedKek sealed = ManagerKek.seal(host.tpm, Optional.empty());
        byte[] privateBytes = sealed.privateArea().buffer();
        privateBytes[privateBytes.length - 1] ^= 1;
        SealedKek altered = new SealedKek(sealed.publicArea(), new org.vtpm.tpm.types.Private(privateBytes),
                Optional.empty());
        assertThrows(KeyProtectionException.class, () -> ManagerKek.unseal(host.tpm, altered));
    }

    @Test
    void theStoredFormNamesNoBytes() throws Exception {
        SealedKek sealed = ManagerKek.seal(host.tpm, Optional.of(PcrBinding.of(HashAlgorithm.SHA256, BOUND_PCR)));
        String text = sealed.toString();
        assertFalse(text.matches(".*[0-9a-f]{16}.*"), text);
        assertTrue(text.contains("sha256:[16]"), text);
        assertEquals("Kek[AES-256]", ManagerKek.unseal(host.tpm, sealed).toString());
    }
}
