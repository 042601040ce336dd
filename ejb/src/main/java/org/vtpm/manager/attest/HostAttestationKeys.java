package org.vtpm.manager.attest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.vtpm.manager.ca.CertificateAuthority;
import org.vtpm.manager.host.Host;
import org.vtpm.manager.host.HostRegistry;
import org.vtpm.manager.keys.ConnectionTransport;
import org.vtpm.manager.keys.VtpmIdentity;
import org.vtpm.rar.api.TpmConnection;
import org.vtpm.rar.api.TpmResourceException;
import org.vtpm.tpm.attest.AttestationKey;
import org.vtpm.tpm.attest.Evidence;
import org.vtpm.tpm.attest.EvidenceCollector;
import org.vtpm.tpm.client.PasswordSession;
import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.command.CreatePrimary;
import org.vtpm.tpm.command.CreatePrimaryResponse;
import org.vtpm.tpm.command.FlushContext;
import org.vtpm.tpm.eventlog.Bytes;
import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.SensitiveCreate;
import org.vtpm.tpm.wire.Codecs;
import org.vtpm.tpm.wire.TpmException;
import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.Tpm2b;

/**
 * Hosts' attestation keys for deep attestation. A host's key is a primary of its physical TPM's
 * endorsement hierarchy with the vTPMs' AK template (restricted ECDSA P-256): the same seed gives
 * the same key every time, so the pTPM keeps nothing and the manager keeps the public area and the
 * certificate the manager CA issued for it at first use. A pTPM whose endorsement seed changed
 * derives another key, which is refused rather than silently certified anew.
 */
@Stateless
@PermitAll
public class HostAttestationKeys {

    private static final Duration VALIDITY = Duration.ofDays(3650);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = Logger.getLogger(HostAttestationKeys.class.getName());

    @PersistenceContext(unitName = "vtpm")
    private EntityManager em;

    @EJB
    private HostRegistry hosts;

    @EJB
    private CertificateAuthority ca;

    /** What a host's quote was made with, and the evidence. */
    public record HostQuote(AttestationKey key, Evidence evidence) {
    }

    /**
     * Quotes the host's PCRs with its attestation key over {@code qualifyingData}, certifying the
     * key first if the host has none yet.
     *
     * @throws EvidenceUnavailableException when the pTPM cannot be reached, refuses, or derives
     *     another key than the one certified
     */
    public HostQuote quote(Host host, PcrSelectionList selection, Bytes qualifyingData)
            throws EvidenceUnavailableException {
        try (TpmConnection connection = hosts.physicalTpm(host)) {
            Tpm tpm = new Tpm(new ConnectionTransport(connection));
            CreatePrimaryResponse created = tpm.execute(new CreatePrimary(Handle.RH_ENDORSEMENT,
                    Tpm2b.of(SensitiveCreate.EMPTY), Tpm2b.of(VtpmIdentity.attestationKeyTemplate()), Data.EMPTY,
                    PcrSelectionList.EMPTY), PasswordSession.empty());
            try {
                Public derived = created.outPublic().value();
                AttestationKey key = new AttestationKey(certified(host, derived),
                        Name.qualified(Name.of(Handle.RH_ENDORSEMENT), Name.of(derived)));
                Evidence evidence = EvidenceCollector.collect(tpm, created.objectHandle(), PasswordSession.empty(),
                        selection, qualifyingData, Optional.empty());
                return new HostQuote(key, evidence);
            } finally {
                tpm.execute(new FlushContext(created.objectHandle()));
            }
        } catch (TpmResourceException | TpmException | IOException e) {
            throw new EvidenceUnavailableException("the physical TPM of host '" + host.getName()
                    + "' did not quote: " + e.getMessage(), e);
        }
    }

    /** The stored public area, after checking the pTPM derived the same; certified at first use. */
    private Public certified(Host host, Public derived) throws EvidenceUnavailableException, TpmFormatException {
        HostAttestationKey stored = em.find(HostAttestationKey.class, host.getId());
        if (stored == null) {
            byte[] certificate = certificate(host, derived);
            em.persist(new HostAttestationKey(host.getId(), Codecs.marshal(derived), certificate, Instant.now()));
            LOG.info("certified the attestation key of host '" + host.getName() + "' with the manager CA");
            return derived;
        }
        Public known = Codecs.unmarshal(Public.class, stored.getPublicArea());
        if (!known.equals(derived)) {
            throw new EvidenceUnavailableException("the physical TPM of host '" + host.getName() + "' derives another"
                    + " attestation key than the one certified: its endorsement seed changed");
        }
        return known;
    }

    /** An X.509 certificate for the host's key, issued by the manager CA (DER). */
    private byte[] certificate(Host host, Public key) {
        X500Name issuer = X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded());
        Instant notBefore = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        byte[] serial = new byte[16];
        RANDOM.nextBytes(serial);
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(issuer, new BigInteger(1, serial).setBit(126),
                Date.from(notBefore), Date.from(notBefore.plus(VALIDITY)),
                new X500Name("CN=" + host.getName() + " attestation key,O=vtpm-manager"),
                EccKeys.subjectPublicKeyInfo(key));
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            return builder.build(new CaSigner(ca)).getEncoded();
        } catch (CertIOException e) {
            throw new IllegalStateException("a host attestation key certificate extension cannot be encoded", e);
        } catch (IOException e) {
            throw new IllegalStateException("a host attestation key certificate cannot be encoded", e);
        }
    }

    /** Signs a certificate's to-be-signed bytes with the manager CA in its pTPM. */
    private static final class CaSigner implements ContentSigner {
        private static final AlgorithmIdentifier ECDSA_WITH_SHA256 = new AlgorithmIdentifier(
                X9ObjectIdentifiers.ecdsa_with_SHA256);
        private final CertificateAuthority ca;
        private final ByteArrayOutputStream toBeSigned = new ByteArrayOutputStream();

        CaSigner(CertificateAuthority ca) {
            this.ca = ca;
        }

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return ECDSA_WITH_SHA256;
        }

        @Override
        public OutputStream getOutputStream() {
            return toBeSigned;
        }

        @Override
        public byte[] getSignature() {
            return ca.sign(toBeSigned.toByteArray());
        }
    }
}
