package dev.cowcollections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RefCountTest {

    @Test
    void aNewCountBelongsToOneHandle() {
        RefCount count = new RefCount();
        assertTrue(count.isUniqueAcquire());
        assertEquals(1, count.sharesVolatile());
    }

    @Test
    void retainSharesAndReleaseGivesTheShareBack() {
        RefCount count = new RefCount();
        count.retain();
        assertFalse(count.isUniqueAcquire());
        assertEquals(2, count.sharesVolatile());
        count.release();
        assertTrue(count.isUniqueAcquire());
    }

    @Test
    void countSaturatesAtItsCeilingAndNeverWraps() {
        RefCount count = new RefCount();
        count.setSharesVolatileForTesting(RefCount.SATURATED - 2);
        count.retain();
        count.retain();
        assertEquals(RefCount.SATURATED, count.sharesVolatile());
        count.retain();
        assertEquals(RefCount.SATURATED, count.sharesVolatile(), "a retain at the ceiling must not wrap");
        count.release();
        count.release();
        assertEquals(RefCount.SATURATED, count.sharesVolatile(), "a saturated count is shared for good");
        assertFalse(count.isUniqueAcquire());
    }

    @Test
    void immortalCountIgnoresRetainAndReleaseAndIsNeverUnique() {
        for (int i = 0; i < 3; i++) {
            RefCount.IMMORTAL.retain();
            RefCount.IMMORTAL.release();
            RefCount.IMMORTAL.release();
        }
        assertEquals(RefCount.SATURATED, RefCount.IMMORTAL.sharesVolatile());
        assertFalse(RefCount.IMMORTAL.isUniqueAcquire());
    }
}
