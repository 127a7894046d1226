package dev.larder.emulator.http;

import java.util.SplittableRandom;

/**
 * Deterministic media content: the same route and id always give the same bytes, with a plausible magic number
 * for the content type so clients that sniff see what they expect.
 */
final class MediaBytes {

    /** Length of every emulated video stream, in bytes: enough to exercise ranges without large transfers. */
    static final int STREAM_LENGTH = 2 * 1024 * 1024;

    private MediaBytes() {
    }

    /**
     * Generates content.
     *
     * @param contentType the type, whose magic number starts the bytes
     * @param key         what the bytes are of (route and id)
     * @param length      number of bytes, at least 16
     * @return the bytes
     */
    static byte[] of(String contentType, String key, int length) {
        byte[] bytes = new byte[length];
        new SplittableRandom(key.hashCode() * 0x9E3779B97F4A7C15L).nextBytes(bytes);
        byte[] magic = switch (contentType) {
            case "image/jpeg" -> new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0};
            case "image/webp" -> new byte[] {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P'};
            case "video/mp4" -> new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'};
            default -> new byte[0];
        };
        System.arraycopy(magic, 0, bytes, 0, magic.length);
        return bytes;
    }
}
