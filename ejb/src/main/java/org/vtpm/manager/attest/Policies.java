package org.vtpm.manager.attest;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.vtpm.manager.InvalidRequestException;
import org.vtpm.manager.host.Host;
import org.vtpm.manager.host.HostNotFoundException;
import org.vtpm.manager.host.HostRegistry;
import org.vtpm.manager.security.Roles;
import org.vtpm.manager.tenant.Tenancy;
import org.vtpm.manager.vtpm.VtpmNotFoundException;
import org.vtpm.manager.vtpm.VtpmStore;
import org.vtpm.tpm.attest.AttestationPolicy;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.eventlog.EventLog;

/**
 * Attestation policies of the caller's tenant, their assignment to vTPMs, and hosts' policies.
 *
 * <p>A policy body is {@code {"name": ..., "schedule": "PT1H"?, ...rules}} with the rules of
 * {@link PolicyDocument}, or instead of rules {@code "eventLog": base64, "bank": "sha256"?}: the
 * policy a known-good boot implies (its replayed PCR values, and exactly its events allowed).
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class Policies {

    static final Duration MIN_SCHEDULE = Duration.ofMinutes(1);
    static final Duration MAX_SCHEDULE = Duration.ofDays(31);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Set<String> MEMBERS = Set.of("name", "schedule", "eventLog", "bank", "referencePcrs",
            "allowedEvents", "requiredEvents", "baselinePcrs");
    private static final Set<String> RULES = Set.of("referencePcrs", "allowedEvents", "requiredEvents",
            "baselinePcrs");

    @PersistenceContext(unitName = "vtpm")
    private EntityManager em;

    @EJB
    private Tenancy tenancy;

    @EJB
    private VtpmStore vtpms;

    @EJB
    private HostRegistry hosts;

    @EJB
    private AttestationSchedules schedules;

    public PolicyView create(JsonObject body) throws InvalidRequestException {
        String tenant = tenancy.currentTenant();
        String name = name(body);
        requireUniqueName(tenant, name, null);
        PolicyRecord record = new PolicyRecord(UUID.randomUUID().toString(), tenant, name,
                PolicyDocument.encode(rules(body)), schedule(body), Instant.now());
        em.persist(record);
        schedules.reschedule(record.getId(), record.getScheduleSeconds());
        return PolicyView.of(record);
    }

    public List<PolicyView> list() {
        return em.createQuery("SELECT p FROM PolicyRecord p WHERE p.tenant = :tenant ORDER BY p.name",
                        PolicyRecord.class)
                .setParameter("tenant", tenancy.currentTenant())
                .getResultStream().map(PolicyView::of).toList();
    }

    public PolicyView get(String id) throws AttestationNotFoundException {
        return PolicyView.of(find(id));
    }

    public PolicyView update(String id, JsonObject body) throws InvalidRequestException, AttestationNotFoundException {
        PolicyRecord record = find(id);
        String name = name(body);
        requireUniqueName(record.getTenant(), name, id);
        record.update(name, PolicyDocument.encode(rules(body)), schedule(body), Instant.now());
        schedules.reschedule(id, record.getScheduleSeconds());
        return PolicyView.of(record);
    }

    /** Deletes a policy no vTPM is assigned to: its vTPMs would otherwise fall back to a new baseline unnoticed. */
    public void delete(String id) throws InvalidRequestException, AttestationNotFoundException {
        PolicyRecord record = find(id);
        long assigned = em.createQuery("SELECT COUNT(a) FROM PolicyAssignment a WHERE a.policyId = :policy",
                        Long.class)
                .setParameter("policy", id)
                .getSingleResult();
        if (assigned > 0) {
            throw new InvalidRequestException("policy '" + record.getName() + "' is assigned to " + assigned
                    + " vTPMs; assign them another policy first");
        }
        schedules.reschedule(id, null);
        em.remove(record);
    }

    /** Assigns a policy to a vTPM ({@code {"policy": id}}), or with {@code {"policy": null}} the default baseline. */
    public JsonObject assign(String vtpmId, JsonObject body)
            throws InvalidRequestException, VtpmNotFoundException, AttestationNotFoundException {
        vtpms.find(tenancy.currentTenant(), vtpmId);
        if (body == null || !body.containsKey("policy")) {
            throw new InvalidRequestException("a JSON body {\"policy\": id or null} is required");
        }
        PolicyAssignment assignment = em.find(PolicyAssignment.class, vtpmId);
        JsonObjectBuilder view = Json.createObjectBuilder().add("vtpmId", vtpmId);
        if (body.isNull("policy")) {
            if (assignment != null) {
                em.remove(assignment);
            }
            return view.addNull("policy").build();
        }
        PolicyRecord policy = find(PcrJson.string(body.get("policy"), "policy"));
        if (assignment == null) {
            em.persist(new PolicyAssignment(vtpmId, policy.getId()));
        } else {
            assignment.assign(policy.getId());
        }
        return view.add("policy", policy.getId()).build();
    }

    /** Sets what a host's pTPM must show in deep attestation: the rules of {@link PolicyDocument}. */
    public JsonObject setHostPolicy(String hostName, JsonObject body)
            throws InvalidRequestException, HostNotFoundException {
        Host host = hosts.byName(hostName);
        if (body == null) {
            throw new InvalidRequestException("a JSON body with the host policy's rules is required");
        }
        for (String member : body.keySet()) {
            if (!RULES.contains(member)) {
                throw new InvalidRequestException("unknown member '" + member + "'; a host policy has " + RULES);
            }
        }
        byte[] rules = PolicyDocument.encode(PolicyDocument.read(body, "policy"));
        HostPolicy policy = em.find(HostPolicy.class, host.getId());
        if (policy == null) {
            em.persist(new HostPolicy(host.getId(), rules, Instant.now()));
        } else {
            policy.update(rules, Instant.now());
        }
        return PolicyDocument.write(PolicyDocument.decode(rules));
    }

    private PolicyRecord find(String id) throws AttestationNotFoundException {
        PolicyRecord record = em.find(PolicyRecord.class, id);
        if (record == null || !record.getTenant().equals(tenancy.currentTenant())) {
            throw new AttestationNotFoundException("policy", id);
        }
        return record;
    }

    private void requireUniqueName(String tenant, String name, String exceptId) throws InvalidRequestException {
        boolean taken = em.createQuery("SELECT p.id FROM PolicyRecord p WHERE p.tenant = :tenant AND p.name = :name",
                        String.class)
                .setParameter("tenant", tenant)
                .setParameter("name", name)
                .getResultStream()
                .anyMatch(id -> !id.equals(exceptId));
        if (taken) {
            throw new InvalidRequestException("a policy named '" + name + "' exists already");
        }
    }

    private static String name(JsonObject body) throws InvalidRequestException {
        if (body == null) {
            throw new InvalidRequestException("a JSON body with \"name\" and the policy's rules is required");
        }
        for (String member : body.keySet()) {
            if (!MEMBERS.contains(member)) {
                throw new InvalidRequestException("unknown member '" + member + "'; a policy has " + MEMBERS);
            }
        }
        String name = body.containsKey("name") ? PcrJson.string(body.get("name"), "name") : "";
        if (!NAME.matcher(name).matches()) {
            throw new InvalidRequestException("name: 1 to 128 letters, digits, '.', '_' or '-'");
        }
        return name;
    }

    private static AttestationPolicy rules(JsonObject body) throws InvalidRequestException {
        if (!body.containsKey("eventLog")) {
            if (body.containsKey("bank")) {
                throw new InvalidRequestException("bank: only with eventLog");
            }
            return PolicyDocument.read(body, "policy");
        }
        for (String rule : RULES) {
            if (body.containsKey(rule)) {
                throw new InvalidRequestException(rule + ": a policy from an event log takes no other rules");
            }
        }
        String encoded = PcrJson.string(body.get("eventLog"), "eventLog");
        if (encoded.length() > AttestationService.MAX_EVENT_LOG) {
            throw new InvalidRequestException("eventLog: at most " + AttestationService.MAX_EVENT_LOG
                    + " base64 characters");
        }
        HashAlgorithm bank = body.containsKey("bank") ? PcrJson.bank(PcrJson.string(body.get("bank"), "bank"), "bank")
                : HashAlgorithm.SHA256;
        EventLog log;
        try {
            log = EventLog.parse(Base64.getDecoder().decode(encoded));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("eventLog: not base64");
        }
        if (log.problems().stream().anyMatch(problem -> problem.kind().endsParsing())) {
            throw new InvalidRequestException("eventLog: cannot be read to its end: " + log.problems());
        }
        AttestationPolicy policy = AttestationPolicy.fromEventLog(log, bank);
        if (policy.requiredPcrs().isEmpty()) {
            throw new InvalidRequestException("eventLog: it extends no " + PcrJson.bankName(bank) + " PCR");
        }
        return policy;
    }

    private static Long schedule(JsonObject body) throws InvalidRequestException {
        if (!body.containsKey("schedule") || body.isNull("schedule")) {
            return null;
        }
        Duration every;
        try {
            every = Duration.parse(PcrJson.string(body.get("schedule"), "schedule"));
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("schedule: an ISO-8601 duration such as \"PT1H\"");
        }
        if (every.compareTo(MIN_SCHEDULE) < 0 || every.compareTo(MAX_SCHEDULE) > 0) {
            throw new InvalidRequestException("schedule: between " + MIN_SCHEDULE + " and " + MAX_SCHEDULE);
        }
        return every.getSeconds();
    }
}
