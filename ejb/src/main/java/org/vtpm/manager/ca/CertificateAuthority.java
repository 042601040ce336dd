package org.vtpm.manager.ca;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import org.vtpm.manager.host.Host;
import org.vtpm.manager.host.HostRegistry;
import org.vtpm.manager.host.KeyProtectionFailure;
import org.vtpm.manager.keys.CaKey;
import org.vtpm.manager.keys.ConnectionTransport;
import org.vtpm.manager.keys.EkType;
import org.vtpm.manager.keys.KeyProtectionException;
import org.vtpm.manager.keys.ManagerCa;
import org.vtpm.manager.keys.VtpmIdentity;
import org.vtpm.rar.api.TpmConnection;
import org.vtpm.rar.api.TpmResourceException;
import org.vtpm.tpm.client.Tpm;

/**
 * The manager CA, whose signing key lives in the physical TPM of the host that created it (the
 * local host of the first server that needed it). Every signature is a TPM2_Sign there; the key
 * never exists outside that pTPM. No transaction is held while the TPMs work: provisioning a
 * vTPM makes it report state changes, which the state listener stores in transactions of its own.
 */
@Singleton
@PermitAll
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CertificateAuthority {

    static final String SUBJECT_PROPERTY = "vtpm.ca.subject";
    static final String DEFAULT_SUBJECT = "CN=vTPM Manager CA,O=vtpm-manager";
    private static final Duration VALIDITY = Duration.ofDays(3650);
    private static final Logger LOG = Logger.getLogger(CertificateAuthority.class.getName());

    @EJB
    private ManagerCaStore store;

    @EJB
    private HostRegistry hosts;

    private volatile CaKey key;

    /** The CA certificate relying parties trust; the CA is created at first use. */
    public X509Certificate certificate() {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(caKey().certificate()));
        } catch (CertificateException e) {
            throw new IllegalStateException("the stored manager CA certificate cannot be parsed", e);
        }
    }

    /** Provisions a vTPM's EKs and AK and certifies them, in one opening of the CA key. */
    public VtpmIdentity.Provisioned provision(Tpm vtpm, Set<EkType> eks, String vtpmId) {
        CaKey ca = caKey();
        Host host = caHost();
        try (TpmConnection connection = hosts.physicalTpm(host);
             ManagerCa open = ManagerCa.open(new Tpm(new ConnectionTransport(connection)), ca)) {
            return VtpmIdentity.provision(vtpm, eks, open, vtpmId);
        } catch (TpmResourceException | KeyProtectionException | IOException e) {
            throw new KeyProtectionFailure("the manager CA could not certify vTPM " + vtpmId + ": "
                    + e.getMessage(), e);
        }
    }

    /** An ECDSA P-256 SHA-256 signature (DER) by the CA key, for the manager's signed statements. */
    public byte[] sign(byte[] message) {
        CaKey ca = caKey();
        try (TpmConnection connection = hosts.physicalTpm(caHost());
             ManagerCa open = ManagerCa.open(new Tpm(new ConnectionTransport(connection)), ca)) {
            return open.signDer(message);
        } catch (TpmResourceException | KeyProtectionException | IOException e) {
            throw new KeyProtectionFailure("the manager CA could not sign: " + e.getMessage(), e);
        }
    }

    /**
     * An ECDSA P-256 SHA-256 signature by the CA key as {@code r || s} (32 bytes each), the form
     * a JWS ES256 signature takes.
     */
    public byte[] signRaw(byte[] message) {
        CaKey ca = caKey();
        try (TpmConnection connection = hosts.physicalTpm(caHost());
             ManagerCa open = ManagerCa.open(new Tpm(new ConnectionTransport(connection)), ca)) {
            return open.signRaw(message);
        } catch (TpmResourceException | KeyProtectionException | IOException e) {
            throw new KeyProtectionFailure("the manager CA could not sign: " + e.getMessage(), e);
        }
    }

    private Host caHost() {
        return hosts.byId(store.load().orElseThrow().getHostId());
    }

    private CaKey caKey() {
        CaKey current = key;
        return current != null ? current : loadOrCreate();
    }

    private synchronized CaKey loadOrCreate() {
        if (key != null) {
            return key;
        }
        Optional<ManagerCaRecord> record = store.load();
        if (record.isEmpty()) {
            Host host = hosts.local();
            try (TpmConnection connection = hosts.physicalTpm(host)) {
                CaKey created = ManagerCa.create(new Tpm(new ConnectionTransport(connection)),
                        System.getProperty(SUBJECT_PROPERTY, DEFAULT_SUBJECT), VALIDITY);
                store.save(host.getId(), created.encoded());
                LOG.info("created the manager CA '" + System.getProperty(SUBJECT_PROPERTY, DEFAULT_SUBJECT)
                        + "' in the physical TPM of host '" + host.getName() + "'");
                key = created;
            } catch (TpmResourceException | KeyProtectionException | IOException e) {
                throw new KeyProtectionFailure("the manager CA could not be created: " + e.getMessage(), e);
            }
        } else {
            try {
                key = CaKey.decode(record.get().getCaKey());
            } catch (KeyProtectionException e) {
                throw new KeyProtectionFailure("the stored manager CA key is unusable: " + e.getMessage(), e);
            }
        }
        return key;
    }

    public String certificatePem() {
        try {
            return Pem.certificate(certificate().getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("the manager CA certificate cannot be encoded", e);
        }
    }
}
