package dev.cowcollections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keys that work against the table: hash codes chosen to share a home slot, keys whose
 * {@code compareTo} throws while the table links them into a collision tree, and keys whose
 * spread hash leaves no bits for a slot's tag.
 */
class CowMapHostileKeysTest {

    /** A key of hash code 42 whose {@code compareTo} throws once {@link #comparisonsLeft} runs out. */
    record Bomb(int id) implements Comparable<Bomb> {
        static long comparisonsLeft = Long.MAX_VALUE;
        static long comparisons;

        static void disarm() {
            comparisonsLeft = Long.MAX_VALUE;
        }

        @Override
        public int hashCode() {
            return 42;
        }

        @Override
        public int compareTo(Bomb o) {
            comparisons++;
            if (comparisonsLeft-- <= 0) {
                throw new IllegalStateException("compareTo refused");
            }
            return Integer.compare(id, o.id);
        }
    }

    private static CowMap<Bomb, Integer> bombs(int count) {
        Bomb.disarm();
        CowMap<Bomb, Integer> map = new CowMap<>(64);
        for (int i = 0; i < count; i++) {
            map.put(new Bomb(i), i);
        }
        return map;
    }

    private static void assertHoldsExactly(CowMap<Bomb, Integer> map, int count) {
        Bomb.disarm();
        assertEquals(count, map.size());
        List<Bomb> keys = new ArrayList<>(map.keySet());
        assertEquals(count, keys.size());
        for (int i = 0; i < count; i++) {
            assertEquals(new Bomb(i), keys.get(i));
            assertEquals(i, map.get(new Bomb(i)));
        }
        map.put(new Bomb(0), 0);
        assertEquals(count, map.size(), "putting a present key again adds nothing");
    }

    @Test
    void aCompareToThatThrowsWhileATreeFormsLeavesTheMapAsItWas() {
        // Eight keys of one hash sit in the index; the ninth starts a tree, which compares keys.
        CowMap<Bomb, Integer> map = bombs(8);
        Bomb.comparisonsLeft = 3;
        assertThrows(IllegalStateException.class, () -> map.put(new Bomb(8), 8));
        assertHoldsExactly(map, 8);
        assertFalse(map.containsKey(new Bomb(8)));
    }

    @Test
    void aCompareToThatThrowsWhileJoiningATreeLeavesTheMapAsItWas() {
        CowMap<Bomb, Integer> map = bombs(9);
        // The put first looks the key up in the tree; let exactly those comparisons through.
        Bomb.comparisons = 0;
        assertFalse(map.containsKey(new Bomb(99)));
        Bomb.comparisonsLeft = Bomb.comparisons;
        assertThrows(IllegalStateException.class, () -> map.put(new Bomb(99), 99));
        assertHoldsExactly(map, 9);
        assertFalse(map.containsKey(new Bomb(99)));
    }

    @Test
    void aCompareToThatThrowsDuringARemovalFromATreeLeavesTheMapAsItWas() {
        CowMap<Bomb, Integer> map = bombs(20);
        // The removal first looks the key up, then walks down to its node, comparing on the way:
        // let the lookup's comparisons through and the walk's first one throw. The root of the
        // tree (its shape is random) needs no walk, so take a key the lookup meets later.
        long lookupComparisons = 0;
        int victim = -1;
        while (lookupComparisons < 2) {
            victim++;
            Bomb.comparisons = 0;
            assertTrue(map.containsKey(new Bomb(victim)));
            lookupComparisons = Bomb.comparisons;
        }
        Bomb.comparisonsLeft = lookupComparisons;
        Bomb doomed = new Bomb(victim);
        assertThrows(IllegalStateException.class, () -> map.remove(doomed));
        assertHoldsExactly(map, 20);
    }

    @Test
    void aFailedInsertionIsNotAStructuralChange() {
        CowMap<Bomb, Integer> map = bombs(8);
        var keys = map.keySet().iterator();
        keys.next();
        Bomb.comparisonsLeft = 3;
        assertThrows(IllegalStateException.class, () -> map.put(new Bomb(8), 8));
        Bomb.disarm();
        assertEquals(new Bomb(1), keys.next(), "an iterator goes on after an insertion that did not happen");
    }

    /**
     * Distinct hash codes built by inverting the table's spreading as it would be without a seed
     * (fold, then multiply by 2^32 / phi): unseeded, all of them would share the top 18 bits of
     * the product, so one home slot, and linear probing would make them one cluster of 16 384
     * slots that every operation walks. Keys of distinct hash codes never form a collision tree,
     * so only the seed keeps them apart. The longest run of occupied slots is the cost of the
     * worst probe: with keys spread as random ones, at most half the index full, it stays far
     * below 1 000.
     */
    @Test
    void hashCodesChosenToShareAHomeSlotStillSpread() {
        int inverseOfGoldenRatio = 0x144CBC89;
        assertEquals(1, inverseOfGoldenRatio * 0x9E3779B9, "the multiplier's inverse modulo 2^32");
        CowMap<Integer, Integer> map = new CowMap<>();
        Map<Integer, Integer> model = new LinkedHashMap<>();
        for (int x = 0; x < 1 << 14; x++) {
            int folded = ((0xABCD << 16) | x) * inverseOfGoldenRatio;
            int hash = folded ^ (folded >>> 16);
            map.put(hash, x);
            model.put(hash, x);
        }
        assertEquals(1 << 14, model.size(), "the hash codes are distinct");
        assertEquals(model, map);
        int[] slots = map.indexSlots();
        assertTrue(longestOccupiedRun(slots) < 1000,
                () -> "longest run of occupied index slots: " + longestOccupiedRun(slots));
    }

    private static int longestOccupiedRun(int[] index) {
        int longest = 0;
        int run = 0;
        for (int twice = 0; twice < 2 * index.length; twice++) {
            run = index[twice % index.length] != 0 ? run + 1 : 0;
            longest = Math.max(longest, Math.min(run, index.length));
        }
        return longest;
    }

    /**
     * The hash code whose spread hash is {@code mixed}: the inverse of {@code CompactHashTable.mix}
     * for this JVM's seed, read by reflection. An {@code Integer} is its own hash code.
     */
    private static int hashSpreadTo(int mixed) throws ReflectiveOperationException {
        Field seedField = CompactHashTable.class.getDeclaredField("HASH_SEED");
        seedField.setAccessible(true);
        int seed = seedField.getInt(null);
        int golden = 0x9E3779B9;
        int inverse = golden;
        for (int i = 0; i < 5; i++) {
            inverse *= 2 - golden * inverse;
        }
        int folded = mixed * inverse ^ seed;
        return folded ^ (folded >>> 16);
    }

    /**
     * A spread hash whose low bits are all zero once gave a slot tag of zero, which an empty
     * home slot matched: {@code get} then read the entry before the first, and threw.
     */
    @Test
    void keysWhoseSpreadHashHasNoLowBitsAreFoundAndMissedAsAnyOther() throws ReflectiveOperationException {
        List<Integer> zeroLowBits = new ArrayList<>();
        for (int j = 0; j < 64; j++) {
            zeroLowBits.add(hashSpreadTo(j << 24));
        }
        CowMap<Integer, Integer> map = new CowMap<>();
        Map<Integer, Integer> model = new LinkedHashMap<>();
        for (Integer key : zeroLowBits) {
            assertNull(map.get(key));
            assertFalse(map.containsKey(key));
        }
        for (int i = 0; i < 2000; i++) {
            Integer key = i < zeroLowBits.size() ? zeroLowBits.get(i) : i * 7919;
            map.put(key, i);
            model.put(key, i);
            for (Integer probe : zeroLowBits) {
                assertEquals(model.get(probe), map.get(probe));
                assertEquals(model.containsKey(probe), map.containsKey(probe));
            }
        }
        for (int i = 0; i < zeroLowBits.size(); i += 2) {
            map.remove(zeroLowBits.get(i));
            model.remove(zeroLowBits.get(i));
        }
        assertEquals(model, map);
        for (Integer key : zeroLowBits) {
            assertEquals(model.get(key), map.get(key));
        }
    }
}
