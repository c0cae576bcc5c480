package dev.cowcollections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The word-at-a-time scans find what a plain loop finds, for every range of short buffers whose
 * lanes are drawn from a few values that stress the bit trick: zero, the top bit alone, all
 * bits, and neighbours of the target.
 */
class WordScanTest {

    private static final byte[] BYTE_LANES = {0, 1, (byte) 0x7F, (byte) 0x80, (byte) 0x81, (byte) 0xFE, (byte) 0xFF, 'a', 'b'};
    private static final char[] CHAR_LANES = {0, 1, 0x7F, 0x80, 0xFF, 0x100, 0x7FFF, 0x8000, 0x8080, 0xFFFF, 'a', 'b', 0xD83D};

    @Test
    void byteScansFindWhatALoopFinds() {
        Random random = new Random(1);
        for (int round = 0; round < 300; round++) {
            int n = random.nextInt(40);
            byte[] value = new byte[n + random.nextInt(9)];
            for (int i = 0; i < value.length; i++) {
                value[i] = BYTE_LANES[random.nextInt(BYTE_LANES.length)];
            }
            for (byte target : BYTE_LANES) {
                for (int from = 0; from <= n; from++) {
                    assertEquals(naiveIndexOf(value, target, from, n), WordScan.indexOfByte(value, target, from, n));
                }
                for (int from = -1; from < n; from++) {
                    assertEquals(naiveLastIndexOf(value, target, from), WordScan.lastIndexOfByte(value, target, from));
                }
                for (int g = 1; g < n; g++) {
                    int gap = g;
                    byte last = BYTE_LANES[random.nextInt(BYTE_LANES.length)];
                    for (int from = 0; from <= n - gap; from++) {
                        assertEquals(naivePairIndex(value, target, last, gap, from, n - gap),
                                firstCheckedCandidate(from, n - gap, i -> WordScan.indexOfBytePair(value, target, last, gap, i, n - gap),
                                        i -> value[i] == target && value[i + gap] == last));
                    }
                }
            }
        }
    }

    @Test
    void charScansFindWhatALoopFinds() {
        Random random = new Random(2);
        for (int round = 0; round < 300; round++) {
            int n = random.nextInt(24);
            byte[] value = new byte[2 * (n + random.nextInt(5))];
            for (int i = 0; i < value.length / 2; i++) {
                Utf16Bytes.putChar(value, i, CHAR_LANES[random.nextInt(CHAR_LANES.length)]);
            }
            for (char target : CHAR_LANES) {
                for (int from = 0; from <= n; from++) {
                    assertEquals(naiveIndexOf(value, target, from, n), WordScan.indexOfChar(value, target, from, n));
                }
                for (int from = -1; from < n; from++) {
                    assertEquals(naiveLastIndexOf(value, target, from), WordScan.lastIndexOfChar(value, target, from));
                }
                for (int g = 1; g < n; g++) {
                    int gap = g;
                    char last = CHAR_LANES[random.nextInt(CHAR_LANES.length)];
                    for (int from = 0; from <= n - gap; from++) {
                        assertEquals(naivePairIndex(value, target, last, gap, from, n - gap),
                                firstCheckedCandidate(from, n - gap, i -> WordScan.indexOfCharPair(value, target, last, gap, i, n - gap),
                                        i -> Utf16Bytes.getChar(value, i) == target && Utf16Bytes.getChar(value, i + gap) == last));
                    }
                }
            }
        }
    }

    /**
     * What a substring search makes of a pair scan: it checks each candidate and goes on from the
     * next index, so a candidate is never later than the first true place, and never past {@code to}.
     */
    private static int firstCheckedCandidate(int from, int to, IntUnaryOperator scan, IntPredicate check) {
        for (int i = from; i < to; i++) {
            i = scan.applyAsInt(i);
            if (i < 0) {
                return -1;
            }
            assertTrue(i < to, "candidate " + i + " within [" + from + ", " + to + ")");
            if (check.test(i)) {
                return i;
            }
        }
        return -1;
    }

    private static int naivePairIndex(byte[] value, byte first, byte last, int gap, int from, int to) {
        for (int i = from; i < to; i++) {
            if (value[i] == first && value[i + gap] == last) {
                return i;
            }
        }
        return -1;
    }

    private static int naivePairIndex(byte[] value, char first, char last, int gap, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Utf16Bytes.getChar(value, i) == first && Utf16Bytes.getChar(value, i + gap) == last) {
                return i;
            }
        }
        return -1;
    }

    private static int naiveIndexOf(byte[] value, byte target, int from, int to) {
        for (int i = from; i < to; i++) {
            if (value[i] == target) {
                return i;
            }
        }
        return -1;
    }

    private static int naiveLastIndexOf(byte[] value, byte target, int from) {
        for (int i = from; i >= 0; i--) {
            if (value[i] == target) {
                return i;
            }
        }
        return -1;
    }

    private static int naiveIndexOf(byte[] value, char target, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Utf16Bytes.getChar(value, i) == target) {
                return i;
            }
        }
        return -1;
    }

    private static int naiveLastIndexOf(byte[] value, char target, int from) {
        for (int i = from; i >= 0; i--) {
            if (Utf16Bytes.getChar(value, i) == target) {
                return i;
            }
        }
        return -1;
    }
}
