package org.vtpm.tpm.transport.swtpm;

import java.util.HexFormat;

final class HexBytes {

    private HexBytes() {
    }

    static byte[] of(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
