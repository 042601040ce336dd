package org.vtpm.web.audit;

import java.util.List;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.vtpm.manager.audit.AuditLog;
import org.vtpm.manager.audit.AuditRecord;

/**
 * {@code GET /api/v1/audit-events}: the newest events first, paged; {@code ?correlationId=}
 * gives every event of one call.
 */
@Path("/audit-events")
@RequestScoped
public class AuditResource {

    @EJB
    private AuditLog auditLog;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<AuditRecord> events(@QueryParam("correlationId") String correlationId,
                                    @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                    @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        if (correlationId != null) {
            return auditLog.byCorrelationId(correlationId);
        }
        return auditLog.recent(page * size, size);
    }
}
