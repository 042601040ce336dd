package org.vtpm.web.physical;

/** {@code random} is base64; {@code correlationId} finds the audit events of this call. */
public record RandomResponse(String random, int bytes, String correlationId) {
}
