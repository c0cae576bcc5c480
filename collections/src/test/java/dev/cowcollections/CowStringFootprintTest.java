package dev.cowcollections;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openjdk.jol.info.GraphLayout;

/**
 * What text costs in the heap, measured by JOL: the handle, its reference count and its buffer.
 * A handle and its count cost a fixed few dozen bytes, so the per-char goal holds from a few
 * thousand chars on.
 */
class CowStringFootprintTest {

    private static String latin1Text(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + i % 26));
        }
        return text.toString();
    }

    private static long bytes(Object... roots) {
        return GraphLayout.parseInstance(roots).totalSize();
    }

    @ParameterizedTest
    @ValueSource(ints = {2_000, 100_000, 1_000_000})
    void latin1TextCostsAtMostOnePointZeroFiveBytesPerChar(int length) {
        String source = latin1Text(length);
        CowString made = CowString.of(source);
        CowString appended = new CowString();
        for (int i = 0; i < length; i++) {
            appended.append(source.charAt(i));
        }
        appended.trimToSize();
        for (CowString text : new CowString[] {made, appended, new CowString(source)}) {
            double perChar = (double) bytes(text) / length;
            assertTrue(perChar <= 1.05, perChar + " bytes per char at length " + length);
        }
    }

    @Test
    void theFirstWideCharWidensTheBufferToTwoBytesPerChar() {
        int length = 100_000;
        CowString text = CowString.of(latin1Text(length));
        assertTrue(text.isLatin1());
        text.setCharAt(length / 2, '\u4e16').trimToSize();
        double perChar = (double) bytes(text) / length;
        assertTrue(perChar > 1.95 && perChar <= 2.05, perChar + " bytes per char");
    }

    @Test
    void aCopyCostsOnlyAHandle() {
        CowString text = CowString.of(latin1Text(1_000_000));
        CowString copy = text.copy();
        long added = bytes(text, copy) - bytes(text);
        assertTrue(added <= 40, "a copy of a million chars adds " + added + " bytes");
    }
}
