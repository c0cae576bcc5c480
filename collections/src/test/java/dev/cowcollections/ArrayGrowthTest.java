package dev.cowcollections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ArrayGrowthTest {

    @Test
    void growsByHalfOrByWhatIsRequired() {
        assertEquals(15, ArrayGrowth.grow(10, 1));
        assertEquals(30, ArrayGrowth.grow(10, 20));
        assertEquals(1, ArrayGrowth.grow(0, 1));
    }

    @Test
    void nearTheLimitGrowsOnlyAsFarAsRequired() {
        assertEquals(ArrayGrowth.SOFT_MAX_LENGTH, ArrayGrowth.grow(ArrayGrowth.SOFT_MAX_LENGTH - 100, 1));
        assertEquals(Integer.MAX_VALUE - 3, ArrayGrowth.grow(Integer.MAX_VALUE - 5, 2));
    }

    @Test
    void aLengthBeyondIntFailsBeforeItOverflows() {
        OutOfMemoryError error = assertThrows(OutOfMemoryError.class,
                () -> ArrayGrowth.grow(Integer.MAX_VALUE - 1, 5));
        assertEquals("Required array length 2147483646 + 5 is too large", error.getMessage());
    }
}
