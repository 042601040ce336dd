package org.vtpm.manager.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.vtpm.rar.api.TpmConnection;
import org.vtpm.rar.api.TpmConnectionFactory;
import org.vtpm.rar.api.TpmResourceException;

/** The physical TPM is up when it answers a command through a pooled connection. */
@Readiness
@ApplicationScoped
public class PhysicalTpmCheck implements HealthCheck {

    @Resource(lookup = "java:/eis/tpm/physical")
    private TpmConnectionFactory tpms;

    @Override
    public HealthCheckResponse call() {
        try (TpmConnection tpm = tpms.getConnection()) {
            tpm.getRandom(1);
            return HealthCheckResponse.named("physical-tpm").up()
                    .withData("target", tpm.target().toString())
                    .withData("backend", tpm.backendDescription())
                    .build();
        } catch (TpmResourceException | RuntimeException e) {
            return HealthCheckResponse.named("physical-tpm").down().withData("error", e.getMessage()).build();
        }
    }
}
