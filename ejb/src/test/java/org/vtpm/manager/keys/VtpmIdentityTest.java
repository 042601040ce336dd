package org.vtpm.manager.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vtpm.tpm.client.PasswordSession;
import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.client.TpmCommandException;
import org.vtpm.tpm.command.NvRead;
import org.vtpm.tpm.command.NvReadPublic;
import org.vtpm.tpm.command.NvWrite;
import org.vtpm.tpm.command.ReadPublic;
import org.vtpm.tpm.command.ReadPublicResponse;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.MaxNvBuffer;
import org.vtpm.tpm.types.NvAttributes;
import org.vtpm.tpm.types.NvPublic;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.wire.TpmRc;

/** Provisioning an engine vTPM with EKs, an AK and their certificates from a CA in a swtpm pTPM. */
class VtpmIdentityTest {

    private static PhysicalTpm host;
    private static CaKey caKey;

    @TempDir
    Path work;

    @TempDir
    Path state;

    @BeforeAll
    static void createCa() throws Exception {
        host = PhysicalTpm.start();
        caKey = ManagerCa.create(host.tpm, "CN=vTPM manager CA", Duration.ofDays(30));
    }

    @AfterAll
    static void stop() throws Exception {
        if (host != null) {
            host.close();
        }
    }

    @Test
    void persistsCertifiedKeysWhereToolsLookForThem() throws Exception {
        try (ServedVtpm vtpm = ServedVtpm.start(state); ManagerCa ca = ManagerCa.open(host.tpm, caKey)) {
            VtpmIdentity.Provisioned provisioned = VtpmIdentity.provision(vtpm.tpm,
                    EnumSet.of(EkType.RSA_2048, EkType.ECC_P256), ca, "vtpm-7");
            assertEquals(Set.of(EkType.RSA_2048, EkType.ECC_P256), provisioned.endorsementKeys().keySet());
            for (EkType type : EkType.values()) {
                ProvisionedKey ek = provisioned.endorsementKeys().get(type);
                assertEquals(type.persistentHandle(), ek.handle());
                ReadPublicResponse persisted = vtpm.tpm.execute(new ReadPublic(type.persistentHandle()));
                assertEquals(ek.name(), persisted.name());
                assertEquals(persisted.outPublic().value(), ek.publicArea());
                assertEquals(PublicKeys.subjectPublicKeyInfo(persisted.outPublic().value()),
                        new X509CertificateHolder(ek.certificate().getEncoded()).getSubjectPublicKeyInfo(),
                        "the EK certificate certifies the persistent EK");
                assertArrayEquals(ek.certificate().getEncoded(), readNv(vtpm.tpm, type.certificateIndex()));
                checkCertificateIndex(vtpm.tpm, type.certificateIndex());
                Openssl.Result verified = Openssl.verify(work, ca.certificate(), ek.certificate());
                assertEquals(0, verified.exitCode(), verified.output());
            }
            ProvisionedKey ak = provisioned.attestationKey();
            assertEquals(VtpmIdentity.AK_HANDLE, ak.handle());
            ReadPublicResponse persistedAk = vtpm.tpm.execute(new ReadPublic(VtpmIdentity.AK_HANDLE));
            assertEquals(ak.name(), persistedAk.name());
            assertTrue(ak.publicArea().objectAttributes().has(ObjectAttributes.RESTRICTED));
            assertArrayEquals(ak.certificate().getEncoded(), readNv(vtpm.tpm, VtpmIdentity.AK_CERTIFICATE_INDEX));
            assertTrue(ak.certificate().getSubjectX500Principal().getName().contains("CN=vtpm-7"));
            Openssl.Result verified = Openssl.verify(work, ca.certificate(), ak.certificate());
            assertEquals(0, verified.exitCode(), verified.output());

            Path rsa = work.resolve("rsa_ek.crt");
            Path ecc = work.resolve("ecc_ek.crt");
            String output = tpm2Tools(vtpm.tcti(), "tpm2_getekcertificate", "-o", rsa.toString(), "-o",
                    ecc.toString());
            assertArrayEquals(provisioned.endorsementKeys().get(EkType.RSA_2048).certificate().getEncoded(),
                    Files.readAllBytes(rsa), output);
            assertArrayEquals(provisioned.endorsementKeys().get(EkType.ECC_P256).certificate().getEncoded(),
                    Files.readAllBytes(ecc), output);
            Openssl.Result fromTools = Openssl.verifyDer(work, ca.certificate(), ecc);
            assertEquals(0, fromTools.exitCode(), fromTools.output());
        }
        assertEquals(List.of(), List.copyOf(host.loaded()));
    }

    @Test
    void aVtpmWithOneEkGetsOnlyThatOneAndCannotBeProvisionedTwice() throws Exception {
        try (ServedVtpm vtpm = ServedVtpm.start(state); ManagerCa ca = ManagerCa.open(host.tpm, caKey)) {
            VtpmIdentity.Provisioned provisioned = VtpmIdentity.provision(vtpm.tpm, EnumSet.of(EkType.ECC_P256), ca,
                    "vtpm-8");
            assertEquals(Set.of(EkType.ECC_P256), provisioned.endorsementKeys().keySet());
            TpmCommandException absent = assertThrows(TpmCommandException.class,
                    () -> vtpm.tpm.execute(new ReadPublic(EkType.RSA_2048.persistentHandle())));
            assertEquals(TpmRc.HANDLE, absent.rc().base());
            assertThrows(KeyProtectionException.class,
                    () -> VtpmIdentity.provision(vtpm.tpm, EnumSet.of(EkType.ECC_P256), ca, "vtpm-8"));
        }
    }

    /** The EK Credential Profile's attributes, and write-locked for good once written. */
    private static void checkCertificateIndex(Tpm tpm, Handle index) throws Exception {
        NvPublic nv = tpm.execute(new NvReadPublic(index)).nvPublic().value();
        for (NvAttributes bit : new NvAttributes[] {NvAttributes.PPWRITE, NvAttributes.WRITEDEFINE,
            NvAttributes.PPREAD, NvAttributes.OWNERREAD, NvAttributes.AUTHREAD, NvAttributes.NO_DA,
            NvAttributes.PLATFORMCREATE, NvAttributes.WRITTEN, NvAttributes.WRITELOCKED}) {
            assertTrue(nv.attributes().has(bit), index + " has " + bit);
        }
        TpmCommandException locked = assertThrows(TpmCommandException.class, () -> tpm.execute(new NvWrite(
                Handle.RH_PLATFORM, index, new MaxNvBuffer(new byte[] {0}), 0), PasswordSession.empty()));
        assertEquals(TpmRc.NV_LOCKED, locked.rc().base());
    }

    private static byte[] readNv(Tpm tpm, Handle index) throws Exception {
        int size = tpm.execute(new NvReadPublic(index)).nvPublic().value().dataSize();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int offset = 0; offset < size; offset += 512) {
            out.writeBytes(tpm.execute(new NvRead(Handle.RH_OWNER, index, Math.min(512, size - offset), offset),
                    PasswordSession.empty()).data().buffer());
        }
        return out.toByteArray();
    }

    private static String tpm2Tools(String tcti, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("TPM2TOOLS_TCTI", tcti);
        Process process = builder.start();
        try {
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), command[0] + " did not finish");
            assertEquals(0, process.exitValue(), command[0] + ": " + output);
            return output;
        } finally {
            process.destroyForcibly();
        }
    }
}
