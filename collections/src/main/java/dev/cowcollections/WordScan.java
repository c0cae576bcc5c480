package dev.cowcollections;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds a byte of a Latin-1 buffer, or a char of a UTF-16 one, eight bytes at a time: each step
 * reads a {@code long} and tests all its bytes (or chars) at once with the "has a zero lane" bit
 * trick, so a scan costs a few instructions per eight bytes instead of per byte. The JIT cannot
 * vectorize a search loop by itself, and {@code String.indexOf}'s intrinsic is out of reach
 * without copying the text into a String first. Indexes and ranges are in lanes (bytes or chars)
 * and are checked by the caller.
 */
final class WordScan {

    /** Reads eight bytes as one {@code long}, lowest address in the lowest bits. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** A UTF-16 buffer holds chars in the platform's order; read little-endian, a char's bytes are swapped on big-endian platforms. */
    private static final boolean CHARS_SWAPPED = ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN;

    private static final long BYTE_ONES = 0x0101010101010101L;
    private static final long BYTE_LOWS = 0x7F7F7F7F7F7F7F7FL;
    private static final long CHAR_ONES = 0x0001000100010001L;
    private static final long CHAR_LOWS = 0x7FFF7FFF7FFF7FFFL;

    private WordScan() {
    }

    /**
     * The top bit of each byte of {@code x} that is zero, and of no other: exact in every lane, so
     * that it may be read from either end.
     */
    private static long zeroBytes(long x) {
        return ~(((x & BYTE_LOWS) + BYTE_LOWS) | x | BYTE_LOWS);
    }

    private static long zeroChars(long x) {
        return ~(((x & CHAR_LOWS) + CHAR_LOWS) | x | CHAR_LOWS);
    }

    /** The first index in {@code [from, to)} of a Latin-1 buffer that holds {@code b}, or -1. */
    static int indexOfByte(byte[] value, byte b, int from, int to) {
        long pattern = (b & 0xFFL) * BYTE_ONES;
        int i = from;
        for (; i <= to - Long.BYTES; i += Long.BYTES) {
            long found = zeroBytes((long) LONGS.get(value, i) ^ pattern);
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (value[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** The last index in {@code [0, from]} of a Latin-1 buffer that holds {@code b}, or -1. */
    static int lastIndexOfByte(byte[] value, byte b, int from) {
        long pattern = (b & 0xFFL) * BYTE_ONES;
        int i = from;
        for (; i >= Long.BYTES - 1; i -= Long.BYTES) {
            long found = zeroBytes((long) LONGS.get(value, i - (Long.BYTES - 1)) ^ pattern);
            if (found != 0) {
                return i - (Long.numberOfLeadingZeros(found) >>> 3);
            }
        }
        for (; i >= 0; i--) {
            if (value[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** The first char index in {@code [from, to)} of a UTF-16 buffer that holds {@code c}, or -1. */
    static int indexOfChar(byte[] value, char c, int from, int to) {
        long pattern = lane(c) * CHAR_ONES;
        int i = from;
        for (; i <= to - Long.BYTES / 2; i += Long.BYTES / 2) {
            long found = zeroChars((long) LONGS.get(value, i << 1) ^ pattern);
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 4);
            }
        }
        for (; i < to; i++) {
            if (Utf16Bytes.getChar(value, i) == c) {
                return i;
            }
        }
        return -1;
    }

    /** The last char index in {@code [0, from]} of a UTF-16 buffer that holds {@code c}, or -1. */
    static int lastIndexOfChar(byte[] value, char c, int from) {
        long pattern = lane(c) * CHAR_ONES;
        int i = from;
        for (; i >= Long.BYTES / 2 - 1; i -= Long.BYTES / 2) {
            long found = zeroChars((long) LONGS.get(value, (i - (Long.BYTES / 2 - 1)) << 1) ^ pattern);
            if (found != 0) {
                return i - (Long.numberOfLeadingZeros(found) >>> 4);
            }
        }
        for (; i >= 0; i--) {
            if (Utf16Bytes.getChar(value, i) == c) {
                return i;
            }
        }
        return -1;
    }

    /** {@code c} as it reads in a lane of a little-endian {@code long}. */
    private static long lane(char c) {
        return CHARS_SWAPPED ? Character.reverseBytes(c) : c;
    }
}
