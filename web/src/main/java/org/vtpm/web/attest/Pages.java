package org.vtpm.web.attest;

import org.vtpm.manager.InvalidRequestException;

/** Paging parameters as every listing of this package takes them. */
final class Pages {

    private Pages() {
    }

    static void check(int offset, int limit, int max) throws InvalidRequestException {
        if (offset < 0 || limit < 1 || limit > max) {
            throw new InvalidRequestException("offset must be 0 or more and limit between 1 and " + max);
        }
    }
}
