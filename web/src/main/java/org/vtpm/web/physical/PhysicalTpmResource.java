package org.vtpm.web.physical;

import java.util.Base64;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.vtpm.manager.physical.PhysicalTpmService;
import org.vtpm.rar.api.TpmResourceException;

/** The host's physical TPM ({@code /api/v1/tpms/physical}). */
@Path("/tpms/physical")
@RequestScoped
public class PhysicalTpmResource {

    @EJB
    private PhysicalTpmService physicalTpm;

    @POST
    @Path("/random")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public RandomResponse random(@NotNull(message = "a JSON body with \"bytes\" is required") @Valid RandomRequest request)
            throws TpmResourceException {
        PhysicalTpmService.RandomResult result = physicalTpm.random(request.bytes().intValueExact());
        return new RandomResponse(Base64.getEncoder().encodeToString(result.bytes()), result.bytes().length,
                result.correlationId());
    }
}
