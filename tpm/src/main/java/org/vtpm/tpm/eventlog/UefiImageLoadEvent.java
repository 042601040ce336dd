package org.vtpm.tpm.eventlog;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code UEFI_IMAGE_LOAD_EVENT}: a PE/COFF image measured when it was loaded
 * (EV_EFI_BOOT_SERVICES_APPLICATION, EV_EFI_BOOT_SERVICES_DRIVER, EV_EFI_RUNTIME_SERVICES_DRIVER).
 *
 * @param devicePath the image's {@code EFI_DEVICE_PATH_PROTOCOL} bytes, as logged
 */
public record UefiImageLoadEvent(long imageLocationInMemory, long imageLengthInMemory, long imageLinkTimeAddress,
        Bytes devicePath) implements EventData {

    private static final int MEDIA_DEVICE_PATH = 0x04;
    private static final int MEDIA_FILEPATH_DP = 0x04;
    private static final int END_DEVICE_PATH_TYPE = 0x7F;
    private static final int NODE_HEADER_SIZE = 4;

    public UefiImageLoadEvent {
        Objects.requireNonNull(devicePath, "devicePath");
    }

    /**
     * The file path the device path names ("\EFI\BOOT\BOOTX64.EFI"), from its media file-path
     * nodes; empty when it names none (an image loaded from a firmware volume or a PCI option ROM)
     * or when the device path is malformed.
     */
    public Optional<String> filePath() {
        byte[] path = devicePath.unsafeArray();
        StringBuilder file = new StringBuilder();
        int position = 0;
        while (path.length - position >= NODE_HEADER_SIZE) {
            int type = path[position] & 0xFF;
            int subType = path[position + 1] & 0xFF;
            int length = (path[position + 2] & 0xFF) | (path[position + 3] & 0xFF) << 8;
            if (length < NODE_HEADER_SIZE || length > path.length - position) {
                return Optional.empty();
            }
            if (type == END_DEVICE_PATH_TYPE) {
                break;
            }
            if (type == MEDIA_DEVICE_PATH && subType == MEDIA_FILEPATH_DP) {
                Optional<String> node = utf16(path, position + NODE_HEADER_SIZE, length - NODE_HEADER_SIZE);
                if (node.isEmpty()) {
                    return Optional.empty();
                }
                file.append(node.get());
            }
            position += length;
        }
        return file.length() == 0 ? Optional.empty() : Optional.of(file.toString());
    }

    private static Optional<String> utf16(byte[] bytes, int offset, int length) {
        try {
            String text = StandardCharsets.UTF_16LE.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length & ~1).order(ByteOrder.LITTLE_ENDIAN))
                    .toString();
            int nul = text.indexOf('\0');
            return Optional.of(nul >= 0 ? text.substring(0, nul) : text);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
