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
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

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
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HostAttestationKeys {

    private static final Duration VALIDITY = Duration.ofDays(3650);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = Logger.getLogger(HostAttestationKeys.class.getName());

    @EJB
    private AttestationStore store;

    @EJB
    private HostRegistry hosts;

    @EJB
    private CertificateAuthority ca;

    /** What a host's quote was made with, and the evidence. */
    public record HostQuote(AttestationKey key, Evidence evidence) {
    }

    /**
     * Quotes the host's PCRs with its attestation key over {@code qualifyingData}, certifying the
     * key first if the host has none yet. The pTPM serves one borrower at a time, so the CA (which
     * signs in a pTPM too) is never asked while a connection to it is held here.
     *
     * @throws EvidenceUnavailableException when the pTPM cannot be reached, refuses, or derives
     *     another key than the one certified
     */
    public HostQuote quote(Host host, PcrSelectionList selection, Bytes qualifyingData)
            throws EvidenceUnavailableException {
        Public certified = certified(host);
        try (TpmConnection connection = hosts.physicalTpm(host)) {
            Tpm tpm = new Tpm(new ConnectionTransport(connection));
            Handle key = createKey(tpm, certified, host);
            try {
                Evidence evidence = EvidenceCollector.collect(tpm, key, PasswordSession.empty(), selection,
                        qualifyingData, Optional.empty());
                return new HostQuote(new AttestationKey(certified, Name.qualified(Name.of(Handle.RH_ENDORSEMENT),
                        Name.of(certified))), evidence);
            } finally {
                tpm.execute(new FlushContext(key));
            }
        } catch (TpmResourceException | TpmException | IOException e) {
            throw new EvidenceUnavailableException("the physical TPM of host '" + host.getName()
                    + "' did not quote: " + e.getMessage(), e);
        }
    }

    /** The host key's public area as certified; derived and certified at first use. */
    private Public certified(Host host) throws EvidenceUnavailableException {
        Optional<HostAttestationKey> stored = store.hostKey(host.getId());
        try {
            if (stored.isPresent()) {
                return Codecs.unmarshal(Public.class, stored.get().getPublicArea());
            }
        } catch (TpmFormatException e) {
            throw new IllegalStateException("the stored attestation key of host '" + host.getName()
                    + "' does not unmarshal", e);
        }
        Public derived;
        try (TpmConnection connection = hosts.physicalTpm(host)) {
            Tpm tpm = new Tpm(new ConnectionTransport(connection));
            CreatePrimaryResponse created = createPrimary(tpm);
            tpm.execute(new FlushContext(created.objectHandle()));
            derived = created.outPublic().value();
        } catch (TpmResourceException | TpmException | IOException e) {
            throw new EvidenceUnavailableException("the physical TPM of host '" + host.getName()
                    + "' did not create its attestation key: " + e.getMessage(), e);
        }
        store.saveHostKey(new HostAttestationKey(host.getId(), Codecs.marshal(derived), certificate(host, derived),
                Instant.now()));
        LOG.info("certified the attestation key of host '" + host.getName() + "' with the manager CA");
        return derived;
    }

    /** Re-derives the host's key; a pTPM whose endorsement seed changed derives another, refused. */
    private static Handle createKey(Tpm tpm, Public certified, Host host)
            throws TpmException, IOException, EvidenceUnavailableException {
        CreatePrimaryResponse created = createPrimary(tpm);
        if (!created.outPublic().value().equals(certified)) {
            tpm.execute(new FlushContext(created.objectHandle()));
            throw new EvidenceUnavailableException("the physical TPM of host '" + host.getName() + "' derives another"
                    + " attestation key than the one certified: its endorsement seed changed");
        }
        return created.objectHandle();
    }

    private static CreatePrimaryResponse createPrimary(Tpm tpm) throws TpmException, IOException {
        return tpm.execute(new CreatePrimary(Handle.RH_ENDORSEMENT, Tpm2b.of(SensitiveCreate.EMPTY),
                Tpm2b.of(VtpmIdentity.attestationKeyTemplate()), Data.EMPTY, PcrSelectionList.EMPTY),
                PasswordSession.empty());
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
