package org.vtpm.manager.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vtpm.tpm.client.PasswordSession;
import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.command.PcrExtend;
import org.vtpm.tpm.command.Startup;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.engine.Engine;
import org.vtpm.tpm.transport.InProcessTransport;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.DigestValuesList;
import org.vtpm.tpm.types.Ha;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Su;
import org.vtpm.tpm.wire.Bytes;

/**
 * The run mode's software pTPM stand-in is the project's engine: everything the manager asks of
 * a physical TPM (the KEK, bound to PCRs or not; the CA key and its signatures; the migration
 * transport key) must work on it as it does on swtpm.
 */
class EngineStandInTest {

    private Engine engine;
    private Tpm ptpm;

    @BeforeEach
    void powerOn() throws Exception {
        engine = Engine.manufacture(new SecureRandom());
        ptpm = new Tpm(new InProcessTransport(engine, "pTPM stand-in"));
        ptpm.execute(new Startup(Su.CLEAR));
    }

    @Test
    void sealsAndUnsealsTheKekAndRefusesItOncePcrsMoved() throws Exception {
        Kek kek = ManagerKek.unseal(ptpm, ManagerKek.seal(ptpm, Optional.empty()));
        byte[] wrapped = kek.wrap(DataKey.generate(), "vtpm-1");

        SealedKek bound = ManagerKek.seal(ptpm, Optional.of(PcrBinding.of(HashAlgorithm.SHA256, 16)));
        Kek boundKek = ManagerKek.unseal(ptpm, bound);
        assertThrows(StateIntegrityException.class, () -> boundKek.unwrap(wrapped, "vtpm-1"));
        ptpm.execute(new PcrExtend(new Handle(16), new DigestValuesList(List.of(new Ha(AlgId.SHA256,
                Bytes.of(new byte[32]))))), PasswordSession.empty());
        assertThrows(KeyProtectionException.class, () -> ManagerKek.unseal(ptpm, bound));
    }

    @Test
    void holdsTheCaKeyThatCertifiesAVtpm() throws Exception {
        CaKey caKey = ManagerCa.create(ptpm, "CN=stand-in CA", Duration.ofDays(1));
        Engine vtpmEngine = Engine.manufacture(new SecureRandom());
        Tpm vtpm = new Tpm(new InProcessTransport(vtpmEngine, "vTPM"));
        vtpm.execute(new Startup(Su.CLEAR));
        try (ManagerCa ca = ManagerCa.open(ptpm, caKey)) {
            VtpmIdentity.Provisioned identity = VtpmIdentity.provision(vtpm, EnumSet.of(EkType.ECC_P256), ca, "vtpm-1");
            identity.endorsementKeys().get(EkType.ECC_P256).certificate().verify(ca.certificate().getPublicKey());
            identity.attestationKey().certificate().verify(ca.certificate().getPublicKey());
        }
    }

    @Test
    void opensWhatAnotherHostSealedToItsTransportKey() throws Exception {
        TransportKeyBlob key = TransportKey.create(ptpm);
        byte[] secret = "state of a migrating vTPM".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(secret, TransportKey.open(ptpm, key, TransportKey.sealTo(key.publicArea(), secret)));
    }
}
