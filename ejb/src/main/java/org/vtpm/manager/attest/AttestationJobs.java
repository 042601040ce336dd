package org.vtpm.manager.attest;

import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.json.JsonObject;

import org.vtpm.manager.InvalidRequestException;
import org.vtpm.manager.security.Roles;
import org.vtpm.manager.tenant.Tenancy;
import org.vtpm.manager.vtpm.Page;

/**
 * Attestation jobs of the caller's tenant: submitted to the attestation-jobs queue, and their
 * progress and per-vTPM results.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class AttestationJobs {

    @EJB
    private JobQueue queue;

    @EJB
    private JobStore store;

    @EJB
    private Tenancy tenancy;

    public JobView submit(JsonObject selection) throws InvalidRequestException {
        if (selection == null) {
            throw new InvalidRequestException("a JSON body naming the selection is required");
        }
        return queue.enqueue(JobMessage.of(selection, Optional.of(tenancy.currentTenant())));
    }

    public JobView get(String id) throws AttestationNotFoundException {
        return JobView.of(find(id));
    }

    public Page<AttestationView> results(String id, int offset, int limit) throws AttestationNotFoundException {
        AttestationJob job = find(id);
        return new Page<>(store.results(job.getId(), offset, limit).stream().map(AttestationView::of).toList(),
                offset, limit, store.countResults(job.getId()));
    }

    private AttestationJob find(String id) throws AttestationNotFoundException {
        return store.find(tenancy.currentTenant(), id)
                .orElseThrow(() -> new AttestationNotFoundException("attestation job", id));
    }
}
