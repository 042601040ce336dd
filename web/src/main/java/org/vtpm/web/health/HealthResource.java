package org.vtpm.web.health;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code GET /api/v1/health}: the readiness checks (database, broker, physical TPM) as one JSON
 * document; 200 when all are up, 503 otherwise.
 */
@Path("/health")
@RequestScoped
public class HealthResource {

    @Inject
    @Any
    @Readiness
    private Instance<HealthCheck> checks;

    public record Check(String name, String status, Map<String, Object> data) {
    }

    public record Health(String status, List<Check> checks) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        List<Check> results = StreamSupport.stream(checks.spliterator(), false)
                .map(HealthCheck::call)
                .map(HealthResource::toCheck)
                .sorted(java.util.Comparator.comparing(Check::name))
                .toList();
        boolean up = results.stream().allMatch(check -> "UP".equals(check.status()));
        return Response.status(up ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(new Health(up ? "UP" : "DOWN", results))
                .build();
    }

    private static Check toCheck(HealthCheckResponse response) {
        return new Check(response.getName(), response.getStatus().name(), response.getData().orElse(Map.of()));
    }
}
