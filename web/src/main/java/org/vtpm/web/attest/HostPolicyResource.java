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
import org.vtpm.manager.attest.Policies;
import org.vtpm.manager.host.HostNotFoundException;

/**
 * What a host's physical TPM must show in deep attestation ({@code PUT /api/v1/hosts/{name}/policy}),
 * e.g. {@code {"referencePcrs": {"sha256": {"0": "hex"}}}}.
 */
@Path("/hosts/{name}/policy")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class HostPolicyResource {

    @EJB
    private Policies policies;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject set(@PathParam("name") String name, JsonObject body)
            throws InvalidRequestException, HostNotFoundException {
        return policies.setHostPolicy(name, body);
    }
}
