package org.vtpm.web.physical;

import java.math.BigDecimal;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.vtpm.manager.physical.PhysicalTpmService;

/**
 * {@code bytes} is read as a decimal so that 3.5 is refused rather than silently truncated to 3,
 * as JSON-B would do for an integer.
 */
public record RandomRequest(
        @NotNull @Digits(integer = 2, fraction = 0) @Min(1) @Max(PhysicalTpmService.MAX_RANDOM_BYTES)
        BigDecimal bytes) {
}
