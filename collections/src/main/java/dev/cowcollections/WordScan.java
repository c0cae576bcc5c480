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
    private static final long BYTE_HIGHS = 0x8080808080808080L;
    private static final long CHAR_ONES = 0x0001000100010001L;
    private static final long CHAR_LOWS = 0x7FFF7FFF7FFF7FFFL;
    private static final long CHAR_HIGHS = 0x8000800080008000L;

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

    /**
     * The top bit of the lowest zero byte of {@code x}, and perhaps of some bytes above it (a
     * borrow runs upward from a zero byte, never downward): one instruction cheaper than
     * {@link #zeroBytes}, for scans that read only the lowest bit.
     */
    private static long firstZeroBytes(long x) {
        return (x - BYTE_ONES) & ~x & BYTE_HIGHS;
    }

    private static long firstZeroChars(long x) {
        return (x - CHAR_ONES) & ~x & CHAR_HIGHS;
    }

    /** The first index in {@code [from, to)} of a Latin-1 buffer that holds {@code b}, or -1. */
    static int indexOfByte(byte[] value, byte b, int from, int to) {
        long pattern = (b & 0xFFL) * BYTE_ONES;
        int i = from;
        for (; i <= to - Long.BYTES; i += Long.BYTES) {
            long found = firstZeroBytes((long) LONGS.get(value, i) ^ pattern);
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
            long found = firstZeroChars((long) LONGS.get(value, i << 1) ^ pattern);
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

    /**
     * An index {@code i} in {@code [from, to)} of a Latin-1 buffer at which {@code first} may
     * stand with {@code last} {@code gap} bytes further on, or -1 if there is none: the next
     * candidate of a substring search, far rarer than the places of its first char alone. No
     * place where both stand is ever skipped, but the answer may be an earlier place where they
     * do not (where the lanes of two words borrow differently), so the caller checks it and, if
     * it fails, goes on from the next index. The caller makes sure that {@code to + gap} does not
     * exceed the text.
     */
    static int indexOfBytePair(byte[] value, byte first, byte last, int gap, int from, int to) {
        long firstPattern = (first & 0xFFL) * BYTE_ONES;
        long lastPattern = (last & 0xFFL) * BYTE_ONES;
        int i = from;
        for (; i <= to - Long.BYTES; i += Long.BYTES) {
            long found = firstZeroBytes((long) LONGS.get(value, i) ^ firstPattern)
                    & firstZeroBytes((long) LONGS.get(value, i + gap) ^ lastPattern);
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (value[i] == first && value[i + gap] == last) {
                return i;
            }
        }
        return -1;
    }

    /** {@link #indexOfBytePair} for a UTF-16 buffer, in chars. */
    static int indexOfCharPair(byte[] value, char first, char last, int gap, int from, int to) {
        long firstPattern = lane(first) * CHAR_ONES;
        long lastPattern = lane(last) * CHAR_ONES;
        int i = from;
        for (; i <= to - Long.BYTES / 2; i += Long.BYTES / 2) {
            long found = firstZeroChars((long) LONGS.get(value, i << 1) ^ firstPattern)
                    & firstZeroChars((long) LONGS.get(value, (i + gap) << 1) ^ lastPattern);
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 4);
            }
        }
        for (; i < to; i++) {
            if (Utf16Bytes.getChar(value, i) == first && Utf16Bytes.getChar(value, i + gap) == last) {
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
