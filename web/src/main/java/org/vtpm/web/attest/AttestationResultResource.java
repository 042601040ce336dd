package org.vtpm.web.attest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.vtpm.manager.attest.AttestationNotFoundException;
import org.vtpm.manager.attest.AttestationService;
import org.vtpm.manager.attest.AttestationView;

/** One attestation result by its id ({@code /api/v1/attestations/{rid}}), of the caller's tenant. */
@Path("/attestations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AttestationResultResource {

    @EJB
    private AttestationService attestations;

    @GET
    @Path("/{rid}")
    public AttestationView get(@PathParam("rid") String rid) throws AttestationNotFoundException {
        return attestations.result(rid);
    }
}
