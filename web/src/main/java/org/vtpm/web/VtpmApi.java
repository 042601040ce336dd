package org.vtpm.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

@ApplicationPath("/api/v1")
@OpenAPIDefinition(info = @Info(title = "vTPM manager", version = "1",
        description = "Virtual TPM 2.0 lifecycle and attestation"))
public class VtpmApi extends Application {
}
