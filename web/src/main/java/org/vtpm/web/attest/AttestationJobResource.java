package org.vtpm.web.attest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.vtpm.manager.InvalidRequestException;
import org.vtpm.manager.attest.AttestationJobs;
import org.vtpm.manager.attest.AttestationNotFoundException;
import org.vtpm.manager.attest.AttestationView;
import org.vtpm.manager.attest.JobView;
import org.vtpm.manager.vtpm.Page;

/**
 * Attestation jobs ({@code /api/v1/attestation-jobs}): a selection of the caller's RUNNING vTPMs
 * ({@code {"vtpms": [ids]?, "host": name?, "labels": {..}?, "deep": bool?}}) put on the
 * attestation-jobs queue (202 with its Location), its progress, and its per-vTPM results.
 */
@Path("/attestation-jobs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AttestationJobResource {

    static final int MAX_PAGE = 1000;

    @EJB
    private AttestationJobs jobs;

    @Context
    private UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(JsonObject body) throws InvalidRequestException {
        JobView job = jobs.submit(body);
        return Response.accepted(job).location(uri.getAbsolutePathBuilder().path(job.id()).build()).build();
    }

    @GET
    @Path("/{jid}")
    public JobView get(@PathParam("jid") String id) throws AttestationNotFoundException {
        return jobs.get(id);
    }

    @GET
    @Path("/{jid}/results")
    public Page<AttestationView> results(@PathParam("jid") String id,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("100") int limit)
            throws InvalidRequestException, AttestationNotFoundException {
        Pages.check(offset, limit, MAX_PAGE);
        return jobs.results(id, offset, limit);
    }
}
