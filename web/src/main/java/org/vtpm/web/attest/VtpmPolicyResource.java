package org.vtpm.web.attest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.vtpm.manager.InvalidRequestException;
import org.vtpm.manager.attest.AttestationNotFoundException;
import org.vtpm.manager.attest.Policies;
import org.vtpm.manager.vtpm.VtpmNotFoundException;

/** Which policy judges a vTPM ({@code PUT /api/v1/vtpms/{id}/policy}, {@code {"policy": id or null}}). */
@Path("/vtpms/{id}/policy")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class VtpmPolicyResource {

    @EJB
    private Policies policies;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject assign(@PathParam("id") String id, JsonObject body)
            throws InvalidRequestException, VtpmNotFoundException, AttestationNotFoundException {
        return policies.assign(id, body);
    }
}
