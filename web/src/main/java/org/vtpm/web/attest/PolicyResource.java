package org.vtpm.web.attest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.vtpm.manager.InvalidRequestException;
import org.vtpm.manager.attest.AttestationNotFoundException;
import org.vtpm.manager.attest.Policies;
import org.vtpm.manager.attest.PolicyView;

/** The caller's tenant's attestation policies ({@code /api/v1/policies}). */
@Path("/policies")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

    @EJB
    private Policies policies;

    @Context
    private UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonObject body) throws InvalidRequestException {
        PolicyView created = policies.create(body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created.toJson())
                .build();
    }

    @GET
    public JsonObject list() {
        JsonArrayBuilder items = Json.createArrayBuilder();
        policies.list().forEach(policy -> items.add(policy.toJson()));
        return Json.createObjectBuilder().add("items", items).build();
    }

    @GET
    @Path("/{pid}")
    public JsonObject get(@PathParam("pid") String id) throws AttestationNotFoundException {
        return policies.get(id).toJson();
    }

    @PUT
    @Path("/{pid}")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject update(@PathParam("pid") String id, JsonObject body)
            throws InvalidRequestException, AttestationNotFoundException {
        return policies.update(id, body).toJson();
    }

    @DELETE
    @Path("/{pid}")
    public Response delete(@PathParam("pid") String id) throws InvalidRequestException, AttestationNotFoundException {
        policies.delete(id);
        return Response.noContent().build();
    }
}
