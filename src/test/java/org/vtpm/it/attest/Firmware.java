package org.vtpm.it.attest;

import java.util.List;
import java.util.Optional;

import javax.naming.InitialContext;

import org.vtpm.rar.api.TpmConnection;
import org.vtpm.rar.api.TpmConnectionFactory;
import org.vtpm.rar.api.TpmTarget;
import org.vtpm.tpm.attest.Evidence;
import org.vtpm.tpm.attest.EvidenceCollector;
import org.vtpm.tpm.client.PasswordSession;
import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.client.TpmCommandException;
import org.vtpm.tpm.command.PcrExtend;
import org.vtpm.tpm.command.PcrRead;
import org.vtpm.tpm.command.PcrReset;
import org.vtpm.tpm.command.Startup;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.eventlog.Bytes;
import org.vtpm.tpm.eventlog.Event;
import org.vtpm.tpm.eventlog.EventLog;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.DigestValuesList;
import org.vtpm.tpm.types.Ha;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.PcrSelect;
import org.vtpm.tpm.types.PcrSelection;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.Su;
import org.vtpm.tpm.wire.TpmRc;

/**
 * What a VM's firmware and an attester inside it do to its vTPM, in-container over the adapter's
 * pooled connections: start it up, extend a boot's events, quote with the AK; and what an
 * operator's platform does to the host pTPM's debug PCR.
 */
final class Firmware {

    /** Where every vTPM's certified AK persists (VtpmIdentity.AK_HANDLE). */
    static final Handle AK = new Handle(0x8102_0000);

    private Firmware() {
    }

    private static TpmConnection virtual(String vtpmId) throws Exception {
        TpmConnectionFactory factory = InitialContext.doLookup("java:/eis/tpm/virtual");
        return factory.getConnection(TpmTarget.virtual(vtpmId));
    }

    private static TpmConnection physical() throws Exception {
        TpmConnectionFactory factory = InitialContext.doLookup("java:/eis/tpm/physical");
        return factory.getConnection();
    }

    /** TPM2_Startup(CLEAR), as firmware sends it at power-on, then the boot's SHA-256 digests. */
    static void boot(String vtpmId, byte[] log) throws Exception {
        try (TpmConnection connection = virtual(vtpmId)) {
            Tpm tpm = new Tpm(new ConnectionTpm(connection));
            try {
                tpm.execute(new Startup(Su.CLEAR));
            } catch (TpmCommandException e) {
                if (!e.rc().equals(TpmRc.INITIALIZE)) {
                    throw e;
                }
            }
            if (log != null) {
                for (Event event : EventLog.parse(log).events()) {
                    if (event.extendsPcr()) {
                        extend(tpm, event.pcrIndex(), event.digest(HashAlgorithm.SHA256).orElseThrow());
                    }
                }
            }
        }
    }

    static void extend(String vtpmId, int pcr, Bytes sha256) throws Exception {
        try (TpmConnection connection = virtual(vtpmId)) {
            extend(new Tpm(new ConnectionTpm(connection)), pcr, sha256);
        }
    }

    /** Evidence as an attester in the VM makes it: the AK's quote over SHA-256 PCRs, their values, the boot's log. */
    static Evidence quote(String vtpmId, Bytes nonce, List<Integer> pcrs, byte[] log) throws Exception {
        try (TpmConnection connection = virtual(vtpmId)) {
            return EvidenceCollector.collect(new Tpm(new ConnectionTpm(connection)), AK, PasswordSession.empty(),
                    sha256(pcrs), nonce, Optional.of(Bytes.of(log)));
        }
    }

    static void extendHost(int pcr, Bytes sha256) throws Exception {
        try (TpmConnection connection = physical()) {
            extend(new Tpm(new ConnectionTpm(connection)), pcr, sha256);
        }
    }

    static Bytes readHost(int pcr) throws Exception {
        try (TpmConnection connection = physical()) {
            return Bytes.of(new Tpm(new ConnectionTpm(connection)).execute(new PcrRead(sha256(List.of(pcr))))
                    .pcrValues().digests().get(0).buffer());
        }
    }

    /** TPM2_PCR_Reset of a resettable PCR (16, 23) of the host pTPM, leaving it as the suite found it. */
    static void resetHost(int pcr) throws Exception {
        try (TpmConnection connection = physical()) {
            new Tpm(new ConnectionTpm(connection)).execute(new PcrReset(new Handle(pcr)), PasswordSession.empty());
        }
    }

    private static void extend(Tpm tpm, int pcr, Bytes sha256) throws Exception {
        tpm.execute(new PcrExtend(new Handle(pcr), new DigestValuesList(List.of(new Ha(AlgId.SHA256,
                org.vtpm.tpm.wire.Bytes.of(sha256.toByteArray()))))), PasswordSession.empty());
    }

    private static PcrSelectionList sha256(List<Integer> pcrs) {
        return PcrSelectionList.of(new PcrSelection(AlgId.SHA256,
                PcrSelect.of(pcrs.stream().mapToInt(Integer::intValue).toArray())));
    }
}
