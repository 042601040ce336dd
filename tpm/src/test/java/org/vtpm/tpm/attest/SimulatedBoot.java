package org.vtpm.tpm.attest;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

import org.vtpm.tpm.client.PasswordSession;
import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.client.TpmCommandException;
import org.vtpm.tpm.command.CreatePrimary;
import org.vtpm.tpm.command.CreatePrimaryResponse;
import org.vtpm.tpm.command.PcrExtend;
import org.vtpm.tpm.command.ReadPublic;
import org.vtpm.tpm.command.ReadPublicResponse;
import org.vtpm.tpm.command.Sign;
import org.vtpm.tpm.command.Startup;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.eventlog.Bytes;
import org.vtpm.tpm.eventlog.Event;
import org.vtpm.tpm.engine.Engine;
import org.vtpm.tpm.eventlog.EventLog;
import org.vtpm.tpm.transport.InProcessTransport;
import org.vtpm.tpm.transport.swtpm.SwtpmProcess;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.DigestValuesList;
import org.vtpm.tpm.types.Ha;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.SensitiveCreate;
import org.vtpm.tpm.types.SigScheme;
import org.vtpm.tpm.types.Signature;
import org.vtpm.tpm.types.Su;
import org.vtpm.tpm.types.TkHashcheck;
import org.vtpm.tpm.wire.Tpm2b;
import org.vtpm.tpm.wire.TpmException;
import org.vtpm.tpm.wire.TpmRc;

/**
 * A TPM that tests boot: a real swtpm, or the product's Java engine in process. Tests reset it as
 * a machine reset would, extend the SHA-256 digests of an event log's events into its PCRs as
 * firmware would, and quote with an attestation key. Keys are primaries of the endorsement
 * hierarchy, so the same template gives the same key after every reboot.
 */
final class SimulatedBoot implements AutoCloseable {

    /** How the TPM is reset (_TPM_Init) and finally stopped. */
    private interface Platform {
        void init() throws IOException;

        void close() throws IOException;
    }

    private final Platform platform;
    private final Tpm tpm;

    private SimulatedBoot(Platform platform, Tpm tpm) {
        this.platform = platform;
        this.tpm = tpm;
    }

    /** A swtpm process, stopped by {@link #close}. */
    static SimulatedBoot start() throws IOException {
        SwtpmProcess process = SwtpmProcess.start();
        return new SimulatedBoot(new Platform() {
            @Override
            public void init() throws IOException {
                process.controlChannel().init(false);
            }

            @Override
            public void close() throws IOException {
                process.close();
            }
        }, new Tpm(process.openDataChannel()));
    }

    /** A freshly manufactured Java engine. */
    static SimulatedBoot engine() {
        Engine engine = Engine.manufacture(new SecureRandom());
        return new SimulatedBoot(new Platform() {
            @Override
            public void init() {
                engine.tpmInit();
            }

            @Override
            public void close() {
                // The engine is an object of this JVM: no process or file outlives it.
            }
        }, new Tpm(new InProcessTransport(engine, "attest-test")));
    }

    /** _TPM_Init and TPM2_Startup(CLEAR): PCRs back to their reset values, transient objects gone. */
    void reboot() throws TpmException, IOException {
        platform.init();
        try {
            tpm.execute(new Startup(Su.CLEAR));
        } catch (TpmCommandException e) {
            // swtpm started with --flags startup-clear has sent it itself.
            if (!e.rc().equals(TpmRc.INITIALIZE)) {
                throw e;
            }
        }
    }

    /** Extends every measured event's SHA-256 digest into its PCR, in log order. */
    void replay(EventLog log) throws TpmException, IOException {
        for (Event event : log.events()) {
            if (event.extendsPcr()) {
                extend(event.pcrIndex(), event.digest(HashAlgorithm.SHA256).orElseThrow());
            }
        }
    }

    void extend(int pcr, Bytes sha256) throws TpmException, IOException {
        tpm.execute(new PcrExtend(new Handle(pcr), new DigestValuesList(List.of(new Ha(AlgId.SHA256,
                org.vtpm.tpm.wire.Bytes.of(sha256.toByteArray()))))), PasswordSession.empty());
    }

    /** A loaded primary key: its handle, public area and qualified name. */
    record LoadedKey(Handle handle, Public publicArea, Name qualifiedName) {

        /** What a verifier knows of the key once the manager has certified it. */
        AttestationKey ak() {
            return new AttestationKey(publicArea, qualifiedName);
        }
    }

    /** Creates (or, after a reboot, recreates) a primary key of the endorsement hierarchy. */
    LoadedKey createPrimary(Public template) throws TpmException, IOException {
        CreatePrimaryResponse created = tpm.execute(new CreatePrimary(Handle.RH_ENDORSEMENT,
                Tpm2b.of(SensitiveCreate.EMPTY), Tpm2b.of(template), Data.EMPTY, PcrSelectionList.EMPTY),
                PasswordSession.empty());
        ReadPublicResponse read = tpm.execute(new ReadPublic(created.objectHandle()));
        return new LoadedKey(created.objectHandle(), created.outPublic().value(), read.qualifiedName());
    }

    Evidence quote(LoadedKey ak, PcrSelectionList selection, Bytes qualifyingData, Optional<Bytes> log)
            throws TpmException, IOException {
        return EvidenceCollector.collect(tpm, ak.handle(), PasswordSession.empty(), selection, qualifyingData, log);
    }

    /** Signs {@code message} with an unrestricted key, as the manager CA signs in the pTPM. */
    Signature sign(LoadedKey key, HashAlgorithm hash, byte[] message) throws TpmException, IOException {
        return tpm.execute(new Sign(key.handle(), new Digest(hash.hash(message)), SigScheme.NULL, TkHashcheck.NULL),
                PasswordSession.empty()).signature();
    }

    @Override
    public void close() throws IOException {
        try {
            tpm.close();
        } finally {
            platform.close();
        }
    }
}
