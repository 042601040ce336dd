package org.vtpm.manager.attest;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import org.vtpm.manager.ca.CertificateAuthority;
import org.vtpm.manager.host.Host;
import org.vtpm.manager.keys.ConnectionTransport;
import org.vtpm.manager.keys.VtpmIdentity;
import org.vtpm.manager.vtpm.IdentityKey;
import org.vtpm.manager.vtpm.Vtpm;
import org.vtpm.manager.vtpm.VtpmNotFoundException;
import org.vtpm.manager.vtpm.VtpmStatus;
import org.vtpm.manager.vtpm.VtpmStore;
import org.vtpm.rar.api.TpmConnection;
import org.vtpm.rar.api.TpmConnectionFactory;
import org.vtpm.rar.api.TpmResourceException;
import org.vtpm.rar.api.TpmTarget;
import org.vtpm.tpm.attest.AttestationKey;
import org.vtpm.tpm.attest.AttestationPolicy;
import org.vtpm.tpm.attest.AttestationVerifier;
import org.vtpm.tpm.attest.Attester;
import org.vtpm.tpm.attest.Baseline;
import org.vtpm.tpm.attest.BindingStatement;
import org.vtpm.tpm.attest.Challenge;
import org.vtpm.tpm.attest.Challenges;
import org.vtpm.tpm.attest.DeepEvidence;
import org.vtpm.tpm.attest.Evidence;
import org.vtpm.tpm.attest.EvidenceCollector;
import org.vtpm.tpm.attest.Layer;
import org.vtpm.tpm.attest.QuoteVerifier;
import org.vtpm.tpm.attest.Verdict;
import org.vtpm.tpm.client.PasswordSession;
import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.client.TpmCommandException;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.eventlog.Bytes;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.EccParameter;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.PcrSelect;
import org.vtpm.tpm.types.PcrSelection;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.Signature;
import org.vtpm.tpm.types.SignatureEcc;
import org.vtpm.tpm.wire.Codecs;
import org.vtpm.tpm.wire.TpmException;
import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmRc;

/**
 * Attests vTPMs for a given tenant: server-driven (a fresh challenge, the vTPM quotes with its
 * certified AK, optionally bound to its host's pTPM quote) or from evidence an attester inside the
 * VM made over a challenge it fetched. Both end in the same verification, the same stored and
 * signed result. The tenant is an argument, not the caller's: jobs and timers run as the system.
 *
 * <p>No transaction spans the TPM work: the stores' short transactions come before and after it.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Attestor {

    /** How long a challenge may wait for its evidence. */
    static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Clock CLOCK = Clock.systemUTC();

    @EJB
    private VtpmStore vtpms;

    @EJB
    private AttestationStore store;

    @EJB
    private ChallengeStore challenges;

    @EJB
    private HostAttestationKeys hostKeys;

    @EJB
    private CertificateAuthority ca;

    @Resource(lookup = "java:/eis/tpm/virtual")
    private TpmConnectionFactory virtualTpms;

    /** What the caller asks of a server-driven attestation. */
    public record Request(boolean deep, Map<HashAlgorithm, SortedSet<Integer>> pcrs, Optional<Bytes> eventLog) {

        public Request {
            pcrs = Map.copyOf(pcrs);
        }
    }

    public AttestationView attest(String tenant, String vtpmId, Request request, String jobId)
            throws VtpmNotFoundException, VtpmNotRunningException, EvidenceUnavailableException {
        Vtpm vtpm = vtpms.find(tenant, vtpmId);
        if (vtpm.getStatus() != VtpmStatus.RUNNING) {
            throw new VtpmNotRunningException(vtpmId, vtpm.getStatus());
        }
        Attester attester = attester(vtpm);
        Challenge challenge = issuer().issue(vtpmId);
        Evidence evidence = collect(vtpmId, selection(attester.policy().requiredPcrs(), request.pcrs()),
                challenge.nonce(), request.eventLog());
        AttestationVerifier verifier = verifier();
        if (!request.deep()) {
            return record(vtpm, attester, false, verifier.verify(attester, evidence), evidence, jobId);
        }
        Host host = vtpm.getHost();
        AttestationPolicy hostPolicy = store.hostPolicyOf(host.getId());
        HostAttestationKeys.HostQuote hostQuote = hostKeys.quote(host, hostPolicy.quoteSelection(),
                DeepEvidence.hostQualifyingData(evidence.attest(), challenge.nonce()));
        Attester hostAttester = new Attester(host.getId(), hostQuote.key(), hostPolicy,
                store.baseline(AttestationStore.subject(Layer.HOST, vtpmId, host.getId())));
        BindingStatement binding = new BindingStatement(vtpmId, host.getId(), attester.ak().name(),
                hostQuote.key().name(), Instant.now(CLOCK));
        byte[] statement = binding.encode();
        DeepEvidence deep = new DeepEvidence(evidence, hostQuote.evidence(), Bytes.of(statement),
                Bytes.of(bindingSignature(statement)));
        Verdict verdict = verifier.verifyDeep(attester, hostAttester, EccKeys.signingKey(ca.certificate()), deep);
        return record(vtpm, attester, true, verdict, evidence, jobId);
    }

    /** A challenge for an attester inside the vTPM's VM. */
    public Challenge challenge(String tenant, String vtpmId) throws VtpmNotFoundException {
        vtpms.find(tenant, vtpmId);
        return issuer().issue(vtpmId);
    }

    /** Judges evidence the VM made with the vTPM's AK over a challenge it was issued. */
    public AttestationView verify(String tenant, String vtpmId, Evidence evidence) throws VtpmNotFoundException {
        Vtpm vtpm = vtpms.find(tenant, vtpmId);
        Attester attester = attester(vtpm);
        return record(vtpm, attester, false, verifier().verify(attester, evidence), evidence, null);
    }

    private Challenges issuer() {
        return new Challenges(new DatabaseNonceRegistry(challenges), RANDOM, CLOCK, CHALLENGE_LIFETIME);
    }

    private AttestationVerifier verifier() {
        return new AttestationVerifier(new DatabaseNonceRegistry(challenges), CLOCK);
    }

    /** The vTPM as the verifier knows it: the AK as certified at provisioning, its policy and baseline. */
    private Attester attester(Vtpm vtpm) {
        IdentityKey stored = vtpm.getIdentity().stream().filter(key -> key.getKind() == IdentityKey.Kind.AK)
                .findFirst().orElseThrow(() -> new IllegalStateException("vTPM " + vtpm.getId() + " has no AK"));
        Public akPublic;
        try {
            akPublic = Codecs.unmarshal(Public.class, stored.getPublicArea());
        } catch (TpmFormatException e) {
            throw new IllegalStateException("the stored AK of vTPM " + vtpm.getId() + " does not unmarshal", e);
        }
        // The AK is a primary of the endorsement hierarchy: its qualified name follows from its
        // public area alone, so nothing the vTPM says about itself is trusted here.
        AttestationKey ak = new AttestationKey(akPublic, Name.qualified(Name.of(Handle.RH_ENDORSEMENT),
                Name.of(akPublic)));
        return new Attester(vtpm.getId(), ak, store.policyOf(vtpm.getId()), store.baseline(vtpm.getId()));
    }

    private Evidence collect(String vtpmId, PcrSelectionList selection, Bytes nonce, Optional<Bytes> eventLog)
            throws EvidenceUnavailableException {
        try (TpmConnection connection = virtualTpms.getConnection(TpmTarget.virtual(vtpmId))) {
            return EvidenceCollector.collect(new Tpm(new ConnectionTransport(connection)), VtpmIdentity.AK_HANDLE,
                    PasswordSession.empty(), selection, nonce, eventLog);
        } catch (TpmCommandException e) {
            if (e.rc().base().equals(TpmRc.INITIALIZE)) {
                throw new EvidenceUnavailableException("vTPM " + vtpmId + " has not been started up by its guest"
                        + " (TPM2_Startup): there is no boot to attest yet", e);
            }
            throw new EvidenceUnavailableException("vTPM " + vtpmId + " refused to quote: " + e.rc(), e);
        } catch (TpmResourceException | TpmException | IOException e) {
            throw new EvidenceUnavailableException("vTPM " + vtpmId + " did not quote: " + e.getMessage(), e);
        }
    }

    /** The manager CA's signature over the binding statement, as the TPMT_SIGNATURE the verifier reads. */
    private byte[] bindingSignature(byte[] statement) {
        byte[] rs = ca.signRaw(statement);
        int half = rs.length / 2;
        return Codecs.marshal(new Signature(AlgId.ECDSA, new SignatureEcc(AlgId.SHA256,
                new EccParameter(Arrays.copyOfRange(rs, 0, half)),
                new EccParameter(Arrays.copyOfRange(rs, half, rs.length)))));
    }

    private static PcrSelectionList selection(Map<HashAlgorithm, SortedSet<Integer>> policy,
            Map<HashAlgorithm, SortedSet<Integer>> requested) {
        Map<HashAlgorithm, SortedSet<Integer>> union = new EnumMap<>(HashAlgorithm.class);
        for (Map<HashAlgorithm, SortedSet<Integer>> part : List.of(policy, requested)) {
            part.forEach((bank, pcrs) -> union.computeIfAbsent(bank, b -> new TreeSet<>()).addAll(pcrs));
        }
        return new PcrSelectionList(union.entrySet().stream()
                .filter(bank -> !bank.getValue().isEmpty())
                .map(bank -> new PcrSelection(new AlgId(bank.getKey().algId()),
                        PcrSelect.of(bank.getValue().stream().mapToInt(Integer::intValue).toArray())))
                .toList());
    }

    private AttestationView record(Vtpm vtpm, Attester attester, boolean deep, Verdict verdict, Evidence evidence,
            String jobId) {
        String id = UUID.randomUUID().toString();
        // The database keeps microseconds: the result returned now must read back the same.
        Instant now = Instant.now(CLOCK).truncatedTo(ChronoUnit.MICROS);
        JsonArrayBuilder reasonsJson = Json.createArrayBuilder();
        verdict.reasons().forEach(reason -> reasonsJson.add(ReasonView.of(reason).toJson()));
        JsonArray reasons = reasonsJson.build();
        JsonObjectBuilder claims = Json.createObjectBuilder()
                .add("jti", id)
                .add("iss", ca.certificate().getSubjectX500Principal().getName())
                .add("iat", now.getEpochSecond())
                .add("sub", vtpm.getId())
                .add("tenant", vtpm.getTenant())
                .add("host", vtpm.getHost().getName())
                .add("deep", deep)
                .add("verdict", verdict.verdict().name())
                .add("reasons", reasons)
                .add("pcrs", PcrJson.writeValues(evidence.pcrs()));
        QuoteVerifier.qualifyingData(evidence).ifPresent(nonce -> claims.add("nonce", nonce.hex()));
        if (jobId != null) {
            claims.add("job", jobId);
        }
        String signed = SignedResult.sign(ca, claims.build());
        Map<String, Baseline> learned = new HashMap<>();
        verdict.learnedBaselines().forEach((layer, baseline) ->
                learned.put(AttestationStore.subject(layer, vtpm.getId(), vtpm.getHost().getId()), baseline));
        AttestationRecord record = new AttestationRecord(id, vtpm.getId(), vtpm.getTenant(), vtpm.getHost().getName(),
                deep, verdict.verdict(), reasons.toString(), signed, jobId, now);
        store.record(record, learned);
        return AttestationView.of(record);
    }
}
