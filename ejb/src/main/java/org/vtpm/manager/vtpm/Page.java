package org.vtpm.manager.vtpm;

import java.util.List;

/** One page of a listing, with where it starts and how many there are in all. */
public record Page<T>(List<T> items, int offset, int limit, long total) {
}
