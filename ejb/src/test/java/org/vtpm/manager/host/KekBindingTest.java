package org.vtpm.manager.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.vtpm.manager.keys.PcrBinding;
import org.vtpm.tpm.crypto.HashAlgorithm;

class KekBindingTest {

    @Test
    void aBankAndItsPcrsAreRead() {
        PcrBinding binding = KekBinding.parse("sha256: 7, 0,2");
        assertEquals(HashAlgorithm.SHA256, binding.bank());
        assertEquals(new TreeSet<>(List.of(0, 2, 7)), binding.pcrs());
    }

    @Test
    void malformedValuesAreRefusedNamingTheProperty() {
        for (String value : new String[] {"0,1,2", "md5:0", "sha256:", "sha256:a", "sha256:24", ":1"}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> KekBinding.parse(value), value);
            assertTrue(refused.getMessage().contains(KekBinding.PROPERTY) || refused.getMessage().contains("PCR"),
                    refused.getMessage());
        }
    }
}
