package org.vtpm.web.vtpm;

import java.util.List;
import java.util.Map;

/**
 * {@code POST .../clone}: the new vTPM's name, EKs and labels as for a creation, and the NV
 * indices of the source to copy into it (hex handles like {@code "0x01500016"}); none when left out.
 */
public record CloneRequest(String name, List<String> ek, Map<String, String> labels, List<String> nvIndices) {
}
