package org.vtpm.web.ca;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import org.vtpm.manager.ca.CertificateAuthority;

/**
 * The manager CA certificate ({@code /api/v1/ca}), PEM, public: relying parties verify EK and AK
 * certificates and the manager's signed results with it.
 */
@Path("/ca")
@RequestScoped
public class CaResource {

    static final String PEM_CHAIN = "application/pem-certificate-chain";

    @EJB
    private CertificateAuthority ca;

    @GET
    @Produces({PEM_CHAIN, "text/plain"})
    public String certificate() {
        return ca.certificatePem();
    }
}
