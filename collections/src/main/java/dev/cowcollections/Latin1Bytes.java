package dev.cowcollections;

import java.util.Arrays;

/**
 * Text stored one byte per char, every char at most U+00FF: the Latin-1 layout of
 * {@link CowString}'s buffers, as in the JDK's compact strings. Indexes and lengths count chars,
 * which here are bytes. Callers check every index.
 */
final class Latin1Bytes {

    private Latin1Bytes() {
    }

    /** Whether {@code c} fits in one byte. */
    static boolean canEncode(int c) {
        return c >>> 8 == 0;
    }

    static char charAt(byte[] value, int index) {
        return (char) (value[index] & 0xff);
    }

    /**
     * Whether every char of {@code s} in {@code [from, to)} fits in one byte. For a String that
     * the JDK itself stores in Latin-1, the JIT reduces this loop to nothing, since
     * {@code String.charAt} then returns a byte widened to char.
     */
    static boolean canEncode(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }

    static boolean canEncode(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }

    static boolean canEncode(char[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s[i] > 0xFF) {
                return false;
            }
        }
        return true;
    }

    /**
     * Copies {@code s[from, to)}, every char of which fits in one byte, to {@code value} at
     * {@code index}. {@code String.getBytes(int, int, byte[], int)} keeps the low byte of each
     * char: deprecated because it is lossy in general, it is exact here, and for a String stored
     * in Latin-1 it is one {@code System.arraycopy}.
     */
    @SuppressWarnings("deprecation")
    static void putChars(byte[] value, int index, String s, int from, int to) {
        s.getBytes(from, to, value, index);
    }

    /** Copies {@code s[from, to)}, every char of which fits in one byte, to {@code value} at {@code index}. */
    static void putChars(byte[] value, int index, CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            value[index++] = (byte) s.charAt(i);
        }
    }

    /** Copies {@code s[from, to)}, every char of which fits in one byte, to {@code value} at {@code index}. */
    static void putChars(byte[] value, int index, char[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            value[index++] = (byte) s[i];
        }
    }

    /** Copies {@code count} chars from Latin-1 {@code src} to UTF-16 {@code dst}, widening each. */
    static void inflate(byte[] src, int srcIndex, byte[] dst, int dstIndex, int count) {
        for (int i = 0; i < count; i++) {
            Utf16Bytes.putChar(dst, dstIndex + i, src[srcIndex + i] & 0xff);
        }
    }

    static void getChars(byte[] value, int from, int to, char[] dst, int dstIndex) {
        for (int i = from; i < to; i++) {
            dst[dstIndex++] = (char) (value[i] & 0xff);
        }
    }

    /**
     * A String of {@code count} chars from {@code from}. The constructor that takes a high byte
     * for every char, deprecated because it ignores charsets, is exactly Latin-1 with a high byte
     * of zero, and is the JDK's leanest way in: one array copy, the one
     * {@code StringBuilder.toString} makes, with none of the charset dispatch that costs
     * {@code new String(bytes, ISO_8859_1)} a few nanoseconds on short text.
     */
    @SuppressWarnings("deprecation")
    static String newString(byte[] value, int from, int count) {
        return new String(value, 0, from, count);
    }

    /** {@code String.hashCode} of the first {@code length} chars. */
    static int hashCode(byte[] value, int length) {
        int h = 0;
        for (int i = 0; i < length; i++) {
            h = 31 * h + (value[i] & 0xff);
        }
        return h;
    }

    /** Whether the chars from {@code index} are those of {@code s}; the caller checked the bounds. */
    static boolean regionMatches(byte[] value, int index, String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if ((value[index + i] & 0xff) != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the first {@code length} chars equal those of {@code s}, which has that length. */
    static boolean contentEquals(byte[] value, int length, CharSequence s) {
        for (int i = 0; i < length; i++) {
            if ((value[i] & 0xff) != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** {@code String.compareTo} of two Latin-1 texts. */
    static int compare(byte[] a, int aLength, byte[] b, int bLength) {
        int i = Arrays.mismatch(a, 0, aLength, b, 0, bLength);
        if (i >= 0 && i < Math.min(aLength, bLength)) {
            return (a[i] & 0xff) - (b[i] & 0xff);
        }
        return aLength - bLength;
    }

    static void reverse(byte[] value, int length) {
        for (int i = 0, j = length - 1; i < j; i++, j--) {
            byte b = value[i];
            value[i] = value[j];
            value[j] = b;
        }
    }

    /** Writes the first {@code length} chars of {@code src} to {@code dst} in reverse order. */
    static void reverseInto(byte[] src, byte[] dst, int length) {
        for (int i = 0, j = length - 1; j >= 0; i++, j--) {
            dst[i] = src[j];
        }
    }
}
