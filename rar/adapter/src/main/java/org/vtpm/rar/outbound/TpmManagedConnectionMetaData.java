package org.vtpm.rar.outbound;

import jakarta.resource.spi.ManagedConnectionMetaData;

/** Says which TPM a pooled connection talks to, for the container's management views. */
record TpmManagedConnectionMetaData(String backendDescription, String userName) implements ManagedConnectionMetaData {

    @Override
    public String getEISProductName() {
        return backendDescription;
    }

    @Override
    public String getEISProductVersion() {
        return "TPM 2.0";
    }

    @Override
    public int getMaxConnections() {
        return 0;
    }

    @Override
    public String getUserName() {
        return userName;
    }
}
