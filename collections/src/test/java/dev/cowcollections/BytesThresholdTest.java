package dev.cowcollections;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class BytesThresholdTest {

    @Test
    void amountsAreBytesOrBinaryMultiplesAsJfrPrintsThem() {
        assertEquals(0, BytesThreshold.parse("0"));
        assertEquals(4096, BytesThreshold.parse("4096"));
        assertEquals(1, BytesThreshold.parse("1 B"));
        assertEquals(64 * 1024, BytesThreshold.parse("64 kB"));
        assertEquals(64 * 1024, BytesThreshold.parse("64KB"));
        assertEquals(64 * 1024, BytesThreshold.parse(" 64 k "));
        assertEquals(1 << 20, BytesThreshold.parse("1 MB"));
        assertEquals(2L << 30, BytesThreshold.parse("2 GB"));
    }

    @Test
    void anythingElseIsNotAnAmount() {
        for (String bad : new String[] {"", "-1", "1.5 MB", "ten", "10 ms", "1 TB", "99999999999999999999",
                "9000000000 GB"}) {
            assertEquals(-1, BytesThreshold.parse(bad), bad);
        }
    }

    @Test
    void settingIgnoresAnInvalidValueAndKeepsTheLastValidOne() {
        BytesThreshold threshold = new BytesThreshold();
        assertEquals(BytesThreshold.DEFAULT, threshold.getValue());
        assertEquals(1, threshold.minimumBytes());
        threshold.setValue("1 MB");
        threshold.setValue("lots");
        assertEquals("1 MB", threshold.getValue());
        assertEquals(1 << 20, threshold.minimumBytes());
    }

    @Test
    void recordingsRunningTogetherGetTheSmallestThresholdSoEachGetsAllItAskedFor() {
        BytesThreshold threshold = new BytesThreshold();
        assertEquals("64 kB", threshold.combine(Set.of("1 MB", "64 kB", "junk")));
        assertEquals(BytesThreshold.DEFAULT, threshold.combine(Set.of("junk")));
    }
}
