package org.vtpm.web.host;

import java.util.List;
import java.util.Map;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.vtpm.manager.InvalidRequestException;
import org.vtpm.manager.host.HostNotFoundException;
import org.vtpm.manager.host.HostRegistry;
import org.vtpm.manager.host.HostView;
import org.vtpm.rar.api.TpmResourceException;

/** The hosts vTPMs run on ({@code /api/v1/hosts}). */
@Path("/hosts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class HostResource {

    @EJB
    private HostRegistry hosts;

    @Context
    private UriInfo uri;

    @GET
    public Map<String, List<HostView>> list() {
        return Map.of("hosts", hosts.list());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(RegisterHostRequest request) throws InvalidRequestException, TpmResourceException {
        if (request == null) {
            throw new InvalidRequestException("a JSON body with \"name\" and \"physicalTpm\" is required");
        }
        HostView host = hosts.register(request.name(), request.physicalTpm());
        return Response.created(uri.getAbsolutePathBuilder().path(host.name()).build()).entity(host).build();
    }

    @GET
    @Path("/{name}")
    public HostView get(@PathParam("name") String name) throws HostNotFoundException {
        return hosts.describe(name);
    }
}
