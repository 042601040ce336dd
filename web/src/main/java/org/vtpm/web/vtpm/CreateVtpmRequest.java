package org.vtpm.web.vtpm;

import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/vtpms}: a name, the EKs to create ({@code ECC_P256}, {@code RSA_2048};
 * ECC P-256 when left out) and free-form labels. The services check every field.
 */
public record CreateVtpmRequest(String name, List<String> ek, Map<String, String> labels) {
}
