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
import org.vtpm.manager.attest.AttestationService;
import org.vtpm.manager.attest.AttestationView;
import org.vtpm.manager.attest.EvidenceUnavailableException;
import org.vtpm.manager.attest.VtpmNotRunningException;
import org.vtpm.manager.vtpm.Page;
import org.vtpm.manager.vtpm.VtpmNotFoundException;

/** A vTPM's attestations ({@code /api/v1/vtpms/{id}/attestations}): attest it now, list its results. */
@Path("/vtpms/{id}/attestations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class VtpmAttestationResource {

    static final int MAX_PAGE = 500;

    @EJB
    private AttestationService attestations;

    @Context
    private UriInfo uri;

    /** {@code {"deep": bool?, "pcrs": {"sha256": [..]}?, "eventLog": base64?}}; 201 with the result. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response attest(@PathParam("id") String id, JsonObject body) throws InvalidRequestException,
            VtpmNotFoundException, VtpmNotRunningException, EvidenceUnavailableException {
        AttestationView result = attestations.attest(id, body);
        return Response.created(uri.getBaseUriBuilder().path("attestations").path(result.id()).build())
                .entity(result).build();
    }

    @GET
    public Page<AttestationView> list(@PathParam("id") String id, @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit) throws InvalidRequestException, VtpmNotFoundException {
        Pages.check(offset, limit, MAX_PAGE);
        return attestations.results(id, offset, limit);
    }
}
