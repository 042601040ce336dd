package org.vtpm.manager.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.command.GetCapability;
import org.vtpm.tpm.types.Cap;
import org.vtpm.tpm.types.Pt;
import org.vtpm.tpm.types.TaggedProperty;
import org.vtpm.tpm.types.TaggedTpmPropertyList;

/**
 * What a TPM says it is, as the EK Credential Profile puts it in an EK certificate: manufacturer,
 * model and firmware version (the subject alternative name) and the specification it implements
 * (the tcg-at-tpmSpecification attribute).
 *
 * @param manufacturer TPM_PT_MANUFACTURER, four ASCII characters packed in an int
 * @param model        TPM_PT_VENDOR_STRING_1..4 as text, trailing NULs removed
 * @param firmwareVersion TPM_PT_FIRMWARE_VERSION_1
 * @param family       TPM_PT_FAMILY_INDICATOR as text, "2.0"
 * @param level        TPM_PT_LEVEL
 * @param revision     TPM_PT_REVISION, the specification revision times 100
 */
public record TpmDescription(int manufacturer, String model, int firmwareVersion, String family, int level,
        int revision) {

    private static final Pt[] READ = {Pt.FAMILY_INDICATOR, Pt.LEVEL, Pt.REVISION, Pt.MANUFACTURER,
        Pt.VENDOR_STRING_1, Pt.VENDOR_STRING_2, Pt.VENDOR_STRING_3, Pt.VENDOR_STRING_4, Pt.FIRMWARE_VERSION_1};

    public TpmDescription {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(family, "family");
    }

    /** Reads the fixed properties of {@code tpm}. */
    public static TpmDescription read(Tpm tpm) throws KeyProtectionException, IOException {
        TaggedTpmPropertyList list = (TaggedTpmPropertyList) TpmCalls.execute(tpm,
                "TPM2_GetCapability(TPM_PT_FIXED)", new GetCapability(Cap.TPM_PROPERTIES, Pt.FAMILY_INDICATOR.value(),
                        Pt.FIRMWARE_VERSION_1.value() - Pt.FAMILY_INDICATOR.value() + 1)).capabilityData().data();
        Map<Pt, Integer> values = new HashMap<>();
        for (TaggedProperty property : list.tpmProperty()) {
            values.put(property.property(), property.value());
        }
        for (Pt wanted : READ) {
            if (!values.containsKey(wanted)) {
                throw new KeyProtectionException("the TPM did not report its fixed property " + wanted);
            }
        }
        String model = text(values.get(Pt.VENDOR_STRING_1)) + text(values.get(Pt.VENDOR_STRING_2))
                + text(values.get(Pt.VENDOR_STRING_3)) + text(values.get(Pt.VENDOR_STRING_4));
        return new TpmDescription(values.get(Pt.MANUFACTURER), model.strip(), values.get(Pt.FIRMWARE_VERSION_1),
                text(values.get(Pt.FAMILY_INDICATOR)).strip(), values.get(Pt.LEVEL), values.get(Pt.REVISION));
    }

    /** The profile's form of the manufacturer: "id:" and the four octets in hex. */
    String manufacturerId() {
        return id(manufacturer);
    }

    /** The profile's form of the firmware version: "id:" and its four octets in hex. */
    String versionId() {
        return id(firmwareVersion);
    }

    private static String id(int value) {
        return "id:" + String.format(Locale.ROOT, "%08X", value);
    }

    private static String text(int packed) {
        byte[] bytes = {(byte) (packed >>> 24), (byte) (packed >>> 16), (byte) (packed >>> 8), (byte) packed};
        int length = bytes.length;
        while (length > 0 && bytes[length - 1] == 0) {
            length--;
        }
        return new String(bytes, 0, length, StandardCharsets.US_ASCII);
    }
}
