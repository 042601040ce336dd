package org.vtpm.web.attest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.vtpm.manager.InvalidRequestException;
import org.vtpm.manager.attest.AttestationService;
import org.vtpm.manager.attest.AttestationView;
import org.vtpm.manager.vtpm.VtpmNotFoundException;

/**
 * Evidence an attester inside the VM made with the vTPM's AK over a challenge
 * ({@code /api/v1/vtpms/{id}/evidence}); judged as a server-driven attestation is.
 */
@Path("/vtpms/{id}/evidence")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EvidenceResource {

    @EJB
    private AttestationService attestations;

    @Context
    private UriInfo uri;

    /** {@code {"attest": base64, "signature": base64, "pcrs": {"sha256": {"0": "hex"}}, "eventLog": base64?}}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(@PathParam("id") String id, JsonObject body)
            throws InvalidRequestException, VtpmNotFoundException {
        if (body == null) {
            throw new InvalidRequestException("a JSON body with attest, signature and pcrs is required");
        }
        AttestationView result = attestations.evidence(id, body);
        return Response.created(uri.getBaseUriBuilder().path("attestations").path(result.id()).build())
                .entity(result).build();
    }
}
