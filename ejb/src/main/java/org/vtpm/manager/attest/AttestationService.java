package org.vtpm.manager.attest;

import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.vtpm.manager.InvalidRequestException;
import org.vtpm.manager.security.Roles;
import org.vtpm.manager.tenant.Tenancy;
import org.vtpm.manager.vtpm.Page;
import org.vtpm.manager.vtpm.VtpmNotFoundException;
import org.vtpm.manager.vtpm.VtpmStore;
import org.vtpm.tpm.attest.Challenge;
import org.vtpm.tpm.attest.Evidence;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.eventlog.Bytes;

/**
 * Attestation for the caller's tenant: server-driven attestations, challenges and evidence from
 * attesters inside VMs, and the results. Input arrives as the API's JSON and base64 and is read
 * strictly here; anything malformed is an {@link InvalidRequestException} before any TPM is asked.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AttestationService {

    /** A TPMS_ATTEST or TPMT_SIGNATURE is far below this; base64 characters. */
    static final int MAX_STRUCTURE = 8 * 1024;
    /** Firmware logs are tens of kilobytes; IMA-sized logs are not taken here. Base64 characters. */
    static final int MAX_EVENT_LOG = 8 * 1024 * 1024;

    private static final Set<String> ATTEST_MEMBERS = Set.of("deep", "pcrs", "eventLog");
    private static final Set<String> EVIDENCE_MEMBERS = Set.of("attest", "signature", "pcrs", "eventLog");

    @EJB
    private Attestor attestor;

    @EJB
    private AttestationStore store;

    @EJB
    private VtpmStore vtpms;

    @EJB
    private Tenancy tenancy;

    /**
     * Attests a RUNNING vTPM now. Body, every member optional: {@code {"deep": false, "pcrs":
     * {"sha256": [0, 7]}, "eventLog": base64}}; the PCRs are quoted besides those the policy judges.
     */
    public AttestationView attest(String vtpmId, JsonObject body) throws InvalidRequestException,
            VtpmNotFoundException, VtpmNotRunningException, EvidenceUnavailableException {
        JsonObject request = members(body, ATTEST_MEMBERS);
        JsonValue.ValueType deep = request.getOrDefault("deep", JsonValue.FALSE).getValueType();
        if (deep != JsonValue.ValueType.TRUE && deep != JsonValue.ValueType.FALSE) {
            throw new InvalidRequestException("deep: true or false");
        }
        Map<HashAlgorithm, SortedSet<Integer>> selection = request.containsKey("pcrs")
                ? PcrJson.readSelection(request.get("pcrs"), "pcrs") : Map.of();
        Optional<Bytes> log = optionalBase64(request, "eventLog", MAX_EVENT_LOG);
        return attestor.attest(tenancy.currentTenant(), vtpmId,
                new Attestor.Request(deep == JsonValue.ValueType.TRUE, selection, log), null);
    }

    public ChallengeView challenge(String vtpmId) throws VtpmNotFoundException {
        Challenge challenge = attestor.challenge(tenancy.currentTenant(), vtpmId);
        return new ChallengeView(vtpmId, challenge.nonce().hex(), challenge.expiresAt());
    }

    /**
     * Judges evidence from an attester in the VM: {@code {"attest": base64 of the TPMS_ATTEST
     * (tpm2_quote -m), "signature": base64 of the TPMT_SIGNATURE (tpm2_quote -s), "pcrs":
     * {"sha256": {"0": "hex", ...}}, "eventLog": base64?}}.
     */
    public AttestationView evidence(String vtpmId, JsonObject body) throws InvalidRequestException,
            VtpmNotFoundException {
        JsonObject request = members(body, EVIDENCE_MEMBERS);
        if (!request.containsKey("pcrs")) {
            throw new InvalidRequestException("pcrs: the quoted PCR values are required");
        }
        Evidence evidence = new Evidence(base64(request, "attest", MAX_STRUCTURE),
                base64(request, "signature", MAX_STRUCTURE), PcrJson.readValues(request.get("pcrs"), "pcrs"),
                optionalBase64(request, "eventLog", MAX_EVENT_LOG));
        return attestor.verify(tenancy.currentTenant(), vtpmId, evidence);
    }

    public AttestationView result(String id) throws AttestationNotFoundException {
        return store.result(tenancy.currentTenant(), id).map(AttestationView::of)
                .orElseThrow(() -> new AttestationNotFoundException("attestation result", id));
    }

    public Page<AttestationView> results(String vtpmId, int offset, int limit) throws VtpmNotFoundException {
        String tenant = tenancy.currentTenant();
        vtpms.find(tenant, vtpmId);
        return new Page<>(store.results(tenant, vtpmId, offset, limit).stream().map(AttestationView::of).toList(),
                offset, limit, store.countResults(tenant, vtpmId));
    }

    private static JsonObject members(JsonObject body, Set<String> allowed) throws InvalidRequestException {
        JsonObject request = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
        for (String member : request.keySet()) {
            if (!allowed.contains(member)) {
                throw new InvalidRequestException("unknown member '" + member + "'; allowed are " + allowed);
            }
        }
        return request;
    }

    private static Optional<Bytes> optionalBase64(JsonObject request, String name, int max)
            throws InvalidRequestException {
        return request.containsKey(name) ? Optional.of(base64(request, name, max)) : Optional.empty();
    }

    private static Bytes base64(JsonObject request, String name, int max) throws InvalidRequestException {
        if (!request.containsKey(name)) {
            throw new InvalidRequestException(name + ": base64 is required");
        }
        String value = PcrJson.string(request.get(name), name);
        if (value.isEmpty() || value.length() > max) {
            throw new InvalidRequestException(name + ": 1 to " + max + " base64 characters");
        }
        try {
            return Bytes.of(Base64.getDecoder().decode(value));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(name + ": not base64");
        }
    }
}
