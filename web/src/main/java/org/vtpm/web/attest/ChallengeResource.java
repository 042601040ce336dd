package org.vtpm.web.attest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.vtpm.manager.attest.AttestationService;
import org.vtpm.manager.vtpm.VtpmNotFoundException;

/**
 * Challenges for an attester inside a vTPM's VM ({@code /api/v1/vtpms/{id}/challenges}): a fresh
 * single-use nonce to quote, before it expires, and post as evidence.
 */
@Path("/vtpms/{id}/challenges")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ChallengeResource {

    @EJB
    private AttestationService attestations;

    @POST
    public Response issue(@PathParam("id") String id) throws VtpmNotFoundException {
        return Response.status(Response.Status.CREATED).entity(attestations.challenge(id)).build();
    }
}
