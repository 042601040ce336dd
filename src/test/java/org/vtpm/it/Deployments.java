package org.vtpm.it;

import java.io.File;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The archives the suites deploy. */
public final class Deployments {

    private Deployments() {
    }

    /** The product as built: {@code ear/target/vtpm.ear}, under its own name (the adapter's activation names it). */
    public static EnterpriseArchive application() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("vtpm.it.ear")));
    }
}
