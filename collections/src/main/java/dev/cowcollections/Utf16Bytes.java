package dev.cowcollections;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Text stored two bytes per char, in the platform's byte order: the UTF-16 layout of
 * {@link CowString}'s buffers, as in the JDK's compact strings. Indexes and lengths count chars.
 * Lone surrogates are kept as they are, as {@code StringBuilder} keeps them. Callers check every
 * index.
 */
final class Utf16Bytes {

    /** The most chars a buffer can hold: twice as many bytes must still be a valid array length. */
    static final int MAX_LENGTH = ArrayGrowth.SOFT_MAX_LENGTH >> 1;

    /** Reads and writes a char at a byte offset as one memory access, in the platform's byte order. */
    private static final VarHandle CHARS = MethodHandles.byteArrayViewVarHandle(char[].class, ByteOrder.nativeOrder());

    private Utf16Bytes() {
    }

    static char getChar(byte[] value, int index) {
        return (char) CHARS.get(value, index << 1);
    }

    static void putChar(byte[] value, int index, int c) {
        CHARS.set(value, index << 1, (char) c);
    }

    static void putChars(byte[] value, int index, CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            putChar(value, index++, s.charAt(i));
        }
    }

    static void putChars(byte[] value, int index, char[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            putChar(value, index++, s[i]);
        }
    }

    static void getChars(byte[] value, int from, int to, char[] dst, int dstIndex) {
        for (int i = from; i < to; i++) {
            dst[dstIndex++] = getChar(value, i);
        }
    }

    /**
     * Turns the first {@code length} chars, read as pairs of bytes in big-endian order (as
     * {@code DataOutput.writeChar} writes them), into chars in the platform's order, in place.
     */
    static void fromBigEndian(byte[] value, int length) {
        for (int i = 0; i < length; i++) {
            putChar(value, i, (value[2 * i] & 0xff) << 8 | value[2 * i + 1] & 0xff);
        }
    }

    /** Whether every char in {@code [from, to)} is at most U+00FF. */
    static boolean canEncodeLatin1(byte[] value, int from, int to) {
        for (int i = from; i < to; i++) {
            if (getChar(value, i) > 0xFF) {
                return false;
            }
        }
        return true;
    }

    /** Copies {@code count} chars, each at most U+00FF, to Latin-1 {@code dst}, one byte each. */
    static void compress(byte[] src, int srcIndex, byte[] dst, int dstIndex, int count) {
        for (int i = 0; i < count; i++) {
            dst[dstIndex + i] = (byte) getChar(src, srcIndex + i);
        }
    }

    /**
     * A String of {@code count} chars from {@code from}. The JDK offers no way to hand it UTF-16
     * bytes without a charset decoder, which would replace lone surrogates, so the chars go
     * through a char array; {@code new String(char[])} stores them in Latin-1 when they all fit.
     */
    static String newString(byte[] value, int from, int count) {
        char[] chars = new char[count];
        getChars(value, from, from + count, chars, 0);
        return new String(chars);
    }

    /** {@code String.hashCode} of the first {@code length} chars. */
    static int hashCode(byte[] value, int length) {
        int h = 0;
        for (int i = 0; i < length; i++) {
            h = 31 * h + getChar(value, i);
        }
        return h;
    }

    /** Whether the chars from {@code index} are those of {@code s}; the caller checked the bounds. */
    static boolean regionMatches(byte[] value, int index, String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (getChar(value, index + i) != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the first {@code length} chars equal those of {@code s}, which has that length. */
    static boolean contentEquals(byte[] value, int length, CharSequence s) {
        for (int i = 0; i < length; i++) {
            if (getChar(value, i) != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the first {@code length} chars of UTF-16 {@code value} equal those of Latin-1 {@code latin1}. */
    static boolean equalsLatin1(byte[] value, byte[] latin1, int length) {
        for (int i = 0; i < length; i++) {
            if (getChar(value, i) != (latin1[i] & 0xff)) {
                return false;
            }
        }
        return true;
    }

    /** {@code String.compareTo} of two UTF-16 texts. */
    static int compare(byte[] a, int aLength, byte[] b, int bLength) {
        // The first differing byte lies in the first differing char, whatever the byte order.
        int i = Arrays.mismatch(a, 0, aLength << 1, b, 0, bLength << 1) >> 1;
        if (i >= 0 && i < Math.min(aLength, bLength)) {
            return getChar(a, i) - getChar(b, i);
        }
        return aLength - bLength;
    }

    /** {@code String.compareTo} of UTF-16 {@code a} and Latin-1 {@code latin1}. */
    static int compareToLatin1(byte[] a, int aLength, byte[] latin1, int latin1Length) {
        for (int i = 0, n = Math.min(aLength, latin1Length); i < n; i++) {
            int difference = getChar(a, i) - (latin1[i] & 0xff);
            if (difference != 0) {
                return difference;
            }
        }
        return aLength - latin1Length;
    }

    /** {@code Character.codePointAt} within the first {@code length} chars. */
    static int codePointAt(byte[] value, int index, int length) {
        char high = getChar(value, index);
        if (Character.isHighSurrogate(high) && index + 1 < length) {
            char low = getChar(value, index + 1);
            if (Character.isLowSurrogate(low)) {
                return Character.toCodePoint(high, low);
            }
        }
        return high;
    }

    /** {@code Character.codePointBefore}: the code point that ends just before {@code index}. */
    static int codePointBefore(byte[] value, int index) {
        char low = getChar(value, index - 1);
        if (Character.isLowSurrogate(low) && index > 1) {
            char high = getChar(value, index - 2);
            if (Character.isHighSurrogate(high)) {
                return Character.toCodePoint(high, low);
            }
        }
        return low;
    }

    /** The number of code points in {@code [from, to)}; a lone surrogate counts as one. */
    static int codePointCount(byte[] value, int from, int to) {
        int count = to - from;
        for (int i = from; i < to - 1; i++) {
            if (Character.isHighSurrogate(getChar(value, i)) && Character.isLowSurrogate(getChar(value, i + 1))) {
                count--;
                i++;
            }
        }
        return count;
    }

    /**
     * {@code Character.offsetByCodePoints} within the first {@code length} chars: the index
     * {@code offset} code points away from {@code index}, or -1 if the text ends first.
     */
    static int offsetByCodePoints(byte[] value, int length, int index, int offset) {
        int x = index;
        if (offset >= 0) {
            int i = 0;
            for (; x < length && i < offset; i++) {
                if (Character.isHighSurrogate(getChar(value, x++)) && x < length
                        && Character.isLowSurrogate(getChar(value, x))) {
                    x++;
                }
            }
            return i < offset ? -1 : x;
        }
        int i = offset;
        for (; x > 0 && i < 0; i++) {
            if (Character.isLowSurrogate(getChar(value, --x)) && x > 0
                    && Character.isHighSurrogate(getChar(value, x - 1))) {
                x--;
            }
        }
        return i < 0 ? -1 : x;
    }

    /** Reverses the chars in place, keeping surrogate pairs in order, as {@code StringBuilder.reverse} does. */
    static void reverse(byte[] value, int length) {
        boolean surrogates = false;
        for (int i = 0, j = length - 1; i < j; i++, j--) {
            char ci = getChar(value, i);
            char cj = getChar(value, j);
            putChar(value, i, cj);
            putChar(value, j, ci);
            surrogates |= Character.isSurrogate(ci) || Character.isSurrogate(cj);
        }
        if (surrogates) {
            restoreSurrogatePairs(value, length);
        }
    }

    /** Writes the first {@code length} chars of {@code src} to {@code dst} reversed, as {@link #reverse} would. */
    static void reverseInto(byte[] src, byte[] dst, int length) {
        boolean surrogates = false;
        for (int i = 0, j = length - 1; j >= 0; i++, j--) {
            char c = getChar(src, j);
            putChar(dst, i, c);
            surrogates |= Character.isSurrogate(c);
        }
        if (surrogates) {
            restoreSurrogatePairs(dst, length);
        }
    }

    /** After a reversal, puts each low-high pair back in high-low order. */
    private static void restoreSurrogatePairs(byte[] value, int length) {
        for (int i = 0; i < length - 1; i++) {
            char low = getChar(value, i);
            if (Character.isLowSurrogate(low)) {
                char high = getChar(value, i + 1);
                if (Character.isHighSurrogate(high)) {
                    putChar(value, i++, high);
                    putChar(value, i, low);
                }
            }
        }
    }
}
