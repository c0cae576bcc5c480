package dev.cowcollections;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIIII_Result;
import org.openjdk.jcstress.infra.results.IIII_Result;
import org.openjdk.jcstress.infra.results.III_Result;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * The thread-safety guarantee of SPEC.md for {@link CowMap}: handles that share a buffer may be
 * written from different threads at the same time with no synchronization, each seeing only its
 * own writes. Small maps hold one-digit keys and values, and outcomes print a map's entries in
 * iteration order as one number, key then value: {1=1, 2=2} is 1122 ({@link Digits#ofEntries}).
 * Larger maps are checked against the map they must equal, in iteration order and by lookup of
 * every key, so that a torn index or collision tree shows as well as a torn entry. Every outcome
 * not named is forbidden.
 */
public final class MapStress {

    private MapStress() {
    }

    /** A map of each of {@code keys} to itself, with a private buffer of {@code capacity} entries. */
    static CowMap<Integer, Integer> identityMap(int capacity, int... keys) {
        CowMap<Integer, Integer> map = new CowMap<>(capacity);
        for (int key : keys) {
            map.put(key, key);
        }
        return map;
    }

    /**
     * Whether {@code map} holds exactly the mappings of {@code expected}, in its iteration order,
     * and finds each of them by lookup (which walks the index and the collision trees, where
     * iteration walks only the entries).
     */
    static boolean holdsExactly(Map<?, ?> map, Map<?, ?> expected) {
        return expected.equals(map) && List.copyOf(map.keySet()).equals(List.copyOf(expected.keySet()));
    }

    /**
     * Scenario 1: four handles on one buffer, three of them written at the same moment: one puts
     * a new key (a detach that rebuilds, since {@code of} fills its buffer), one removes a key (a
     * detach that copies) and then one is cleared (which only gives its share back). Each written
     * handle must show exactly its own write, the original none of them; a leaked or lost write
     * would mean a handle wrote into a buffer it did not own. The three releases race each other
     * and none may be lost: the original ends holding the only share.
     */
    @JCStressTest
    @Outcome(id = "11223344, 1133, 0, 112233, 1", expect = ACCEPTABLE,
            desc = "each copy shows exactly its own write; the original is whole and holds the only share")
    @Outcome(expect = FORBIDDEN, desc = "a write leaked into another handle or was lost, or a release was lost")
    @State
    public static class SiblingPutRemoveAndClear {
        final CowMap<Integer, Integer> original = CowMap.of(1, 1, 2, 2, 3, 3);
        final CowMap<Integer, Integer> putter = original.copy();
        final CowMap<Integer, Integer> remover = original.copy();
        final CowMap<Integer, Integer> cleared = original.copy();

        @Actor
        public void put() {
            putter.put(4, 4);
        }

        @Actor
        public void removeAndClear() {
            remover.remove(2);
            cleared.clear();
        }

        @Arbiter
        public void contents(IIIII_Result r) {
            r.r1 = Digits.ofEntries(putter);
            r.r2 = Digits.ofEntries(remover);
            r.r3 = Digits.ofEntries(cleared);
            r.r4 = Digits.ofEntries(original);
            r.r5 = original.refCount().sharesVolatile();
        }
    }

    private static final int TREE_KEYS = CompactHashTable.TREEIFY_THRESHOLD + 4;
    private static final CollidingKey[] COLLIDING = CollidingKey.first(TREE_KEYS);
    private static final int PLAIN_KEYS = 64 - TREE_KEYS;
    private static final int LAST_PLAIN = PLAIN_KEYS - 1;
    private static final Map<Object, Integer> DETACHED_WITH_TREE = new LinkedHashMap<>();
    private static final Map<Object, Integer> WRITTEN_IN_PLACE_WITH_TREE = new LinkedHashMap<>();

    static {
        for (int i = 0; i < TREE_KEYS; i++) {
            DETACHED_WITH_TREE.put(COLLIDING[i], 100 + i);
            if (i != 5) {
                WRITTEN_IN_PLACE_WITH_TREE.put(COLLIDING[i], 100 + i);
            }
        }
        for (int i = 0; i < PLAIN_KEYS; i++) {
            DETACHED_WITH_TREE.put(i, i == 0 ? -1 : i);
            if (i != LAST_PLAIN) {
                WRITTEN_IN_PLACE_WITH_TREE.put(i, i);
            }
        }
    }

    /**
     * Scenario 2: a detach racing an in-place write, on a full buffer of 64 entries whose first
     * twelve keys share one hash code, so that they live in a collision tree. The first handle
     * replaces a value, which detaches by cloning the entries, the index and the tree's arrays.
     * The second removes the last plain key (a tombstone in the last entry and a deleted index
     * slot) and one colliding key (which relinks the tree and rewrites the group's slot): in
     * place if it already sees itself unique, because the first released its share after
     * copying, by detaching otherwise. The first handle's copy must still find every key with
     * its old value: a missing plain key (-1) or colliding key (0 in the second field) would
     * mean the release let the copy's reads move past it, and the sibling wrote into arrays
     * that were still being copied.
     */
    @JCStressTest
    @Outcome(id = "51, 1, 0, 1", expect = ACCEPTABLE, desc = "the second handle found the buffer shared and detached too")
    @Outcome(id = "51, 1, 1, 1", expect = ACCEPTABLE,
            desc = "the second handle saw the first's release, then wrote its entries, index and tree in place")
    @Outcome(expect = FORBIDDEN, desc = "a torn copy of the entries, the index or the tree, or a lost write")
    @State
    public static class DetachRacingInPlaceWrite {
        final CowMap<Object, Integer> first = new CowMap<>(64);
        final CowMap<Object, Integer> second;
        final RefCount secondCountBefore;

        public DetachRacingInPlaceWrite() {
            for (int i = 0; i < TREE_KEYS; i++) {
                first.put(COLLIDING[i], 100 + i);
            }
            for (int i = 0; i < PLAIN_KEYS; i++) {
                first.put(i, i);
            }
            second = first.copy();
            secondCountBefore = second.refCount();
        }

        @Actor
        public void detach() {
            first.put(0, -1);
        }

        @Actor
        public void writeInPlace(IIII_Result r) {
            second.remove(LAST_PLAIN);
            second.remove(COLLIDING[5]);
            r.r3 = second.refCount() == secondCountBefore ? 1 : 0;
        }

        @Arbiter
        public void contents(IIII_Result r) {
            Integer last = first.get(LAST_PLAIN);
            r.r1 = last == null ? -1 : last;
            boolean treeWhole = true;
            for (int i = 0; i < TREE_KEYS; i++) {
                treeWhole &= Integer.valueOf(100 + i).equals(first.get(COLLIDING[i]));
            }
            r.r2 = treeWhole ? 1 : 0;
            r.r4 = holdsExactly(first, DETACHED_WITH_TREE) && holdsExactly(second, WRITTEN_IN_PLACE_WITH_TREE)
                    && first.trees != null && second.trees != null ? 1 : 0;
        }
    }

    /** The map of {@code 0} to {@code n - 1}, each key to itself, in order. */
    private static Map<Integer, Integer> identityModel(int n) {
        Map<Integer, Integer> model = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            model.put(i, i);
        }
        return model;
    }

    /**
     * Scenario 2 where the detach must make room: two handles share a buffer that holds all the
     * {@code n} entries it has room for. The first handle's put of a new key detaches into a
     * buffer half again as large; the second removes the last entry, in place once it sees
     * itself unique. Outcomes: the last old entry as the first handle sees it, the first's
     * capacity, whether the second wrote in place, and whether both hold exactly what they must
     * and the first's index has the length that shows which kind of growth the case exercises.
     */
    abstract static class FullBufferDetach {
        final CowMap<Integer, Integer> first;
        final CowMap<Integer, Integer> second;
        final RefCount secondCountBefore;
        private final Map<Integer, Integer> grown;
        private final Map<Integer, Integer> lessLast;
        private final int grownIndexLength;

        FullBufferDetach(int n, int grownIndexLength, Map<Integer, Integer> grown, Map<Integer, Integer> lessLast) {
            first = new CowMap<>(n);
            for (int i = 0; i < n; i++) {
                first.put(i, i);
            }
            second = first.copy();
            secondCountBefore = second.refCount();
            this.grown = grown;
            this.lessLast = lessLast;
            this.grownIndexLength = grownIndexLength;
        }

        void putNewKey() {
            first.put(grown.size() - 1, grown.size() - 1);
        }

        void removeLast(IIII_Result r) {
            second.remove(lessLast.size());
            r.r3 = second.refCount() == secondCountBefore ? 1 : 0;
        }

        void contents(IIII_Result r) {
            Integer last = first.get(lessLast.size());
            r.r1 = last == null ? -1 : last;
            r.r2 = first.entries.length >> 1;
            r.r4 = holdsExactly(first, grown) && holdsExactly(second, lessLast)
                    && first.index.length == grownIndexLength ? 1 : 0;
        }
    }

    private static final Map<Integer, Integer> GROWN_FROM_48 = identityModel(49);
    private static final Map<Integer, Integer> FULL_48_LESS_LAST = identityModel(47);

    /**
     * {@link FullBufferDetach} where only the entries grow: 72 entries fit the index of 128 slots
     * that 48 have, so the detach copies the entries array, longer, and clones the index as it
     * is. Both copies must see the buffer as it was: the second's tombstone or its index slot
     * read half-way would drop the key (-1) or leave the first's index pointing at a removed
     * entry.
     */
    @JCStressTest
    @Outcome(id = "47, 72, 0, 1", expect = ACCEPTABLE, desc = "the second handle found the buffer shared and detached too")
    @Outcome(id = "47, 72, 1, 1", expect = ACCEPTABLE,
            desc = "the second handle saw the first's release, then removed in place")
    @Outcome(expect = FORBIDDEN, desc = "a torn copy or a lost write")
    @State
    public static class GrowingDetachRacingInPlaceWrite extends FullBufferDetach {
        public GrowingDetachRacingInPlaceWrite() {
            super(48, 128, GROWN_FROM_48, FULL_48_LESS_LAST);
        }

        @Actor
        public void grow() {
            putNewKey();
        }

        @Actor
        public void writeInPlace(IIII_Result r) {
            removeLast(r);
        }

        @Arbiter
        public void arbiter(IIII_Result r) {
            contents(r);
        }
    }

    private static final Map<Integer, Integer> GROWN_FROM_64 = identityModel(65);
    private static final Map<Integer, Integer> FULL_64_LESS_LAST = identityModel(63);

    /**
     * {@link FullBufferDetach} where the index must double: 96 entries do not fit the 128 slots
     * of 64, so the detach rebuilds, reading every live key and its hash code from the old
     * buffer into new arrays. The rebuild must see the entry as it was: a tombstone read
     * half-way would drop the key (-1) or leave a hole in the new buffer.
     */
    @JCStressTest
    @Outcome(id = "63, 96, 0, 1", expect = ACCEPTABLE, desc = "the second handle found the buffer shared and detached too")
    @Outcome(id = "63, 96, 1, 1", expect = ACCEPTABLE,
            desc = "the second handle saw the first's release, then removed in place")
    @Outcome(expect = FORBIDDEN, desc = "a torn rebuild or a lost write")
    @State
    public static class RebuildingDetachRacingInPlaceWrite extends FullBufferDetach {
        public RebuildingDetachRacingInPlaceWrite() {
            super(64, 256, GROWN_FROM_64, FULL_64_LESS_LAST);
        }

        @Actor
        public void rebuild() {
            putNewKey();
        }

        @Actor
        public void writeInPlace(IIII_Result r) {
            removeLast(r);
        }

        @Arbiter
        public void arbiter(IIII_Result r) {
            contents(r);
        }
    }

    private static final int EXPECTED_HASH = Map.of(1, 1, 2, 2, 3, 3, 4, 4).hashCode();

    /**
     * Scenarios 3 and 7: one handle is copied, then iterated, hashed, searched and printed, while
     * a sibling on the same buffer removes, replaces and adds. Copying only counts a share and
     * reads the handle, and the sibling detaches before its first write, so the reader sees its
     * own value throughout (iteration order included) and the copy, read after the sibling's
     * writes, is an exact snapshot of it.
     */
    @JCStressTest
    @Outcome(id = "11223344, 1, 11223344, 29334455", expect = ACCEPTABLE,
            desc = "the reader saw its own value throughout; the copy is an exact snapshot")
    @Outcome(expect = FORBIDDEN, desc = "the reader or its copy saw a sibling's write, or the sibling lost one")
    @State
    public static class CopyAndReadWhileSiblingWrites {
        final CowMap<Integer, Integer> reader = identityMap(8, 1, 2, 3, 4);
        final CowMap<Integer, Integer> writer = reader.copy();
        CowMap<Integer, Integer> snapshot;

        @Actor
        public void copyAndRead(IIII_Result r) {
            snapshot = reader.copy();
            r.r1 = Digits.ofEntries(reader);
            r.r2 = reader.hashCode() == EXPECTED_HASH && Integer.valueOf(4).equals(reader.get(4))
                    && reader.containsValue(1) && reader.toString().equals("{1=1, 2=2, 3=3, 4=4}") ? 1 : 0;
        }

        @Actor
        public void write() {
            writer.remove(1);
            writer.put(2, 9);
            writer.put(5, 5);
        }

        @Arbiter
        public void contents(IIII_Result r) {
            r.r3 = Digits.ofEntries(snapshot);
            r.r4 = Digits.ofEntries(writer);
        }
    }

    /**
     * Scenario 4: {@code clear()} on a shared handle gives its share back while the sibling tests
     * its uniqueness and puts a key. The sibling writes in place if it saw the release, or
     * detaches; either way it holds its own write and ends unshared, and the cleared handle is
     * empty. The cleared handle reads nothing after its release, so the in-place write cannot
     * reach it.
     */
    @JCStressTest
    @Outcome(id = "0, 11223344, 0", expect = ACCEPTABLE, desc = "cleared, the sibling whole and unshared")
    @Outcome(expect = FORBIDDEN, desc = "the clear reached the sibling, the sibling lost its write, or the release was lost")
    @State
    public static class ClearRacingSiblingWrite {
        final CowMap<Integer, Integer> cleared = identityMap(8, 1, 2, 3);
        final CowMap<Integer, Integer> sibling = cleared.copy();

        @Actor
        public void clear() {
            cleared.clear();
        }

        @Actor
        public void write() {
            sibling.put(4, 4);
        }

        @Arbiter
        public void contents(III_Result r) {
            r.r1 = Digits.ofEntries(cleared);
            r.r2 = Digits.ofEntries(sibling);
            r.r3 = sibling.isShared() ? 1 : 0;
        }
    }

    /**
     * Scenario 5: a copy handed to another thread through a volatile field, after which both
     * sides put a key. The volatile write publishes the copy safely; from then on each side must
     * see exactly its own write, whichever detaches first (the other may then write in place).
     */
    @JCStressTest
    @Outcome(id = "112244, 112233", expect = ACCEPTABLE, desc = "the receiver got the copy: each side sees its own put")
    @Outcome(id = "-1, 112233", expect = ACCEPTABLE, desc = "the receiver looked before the hand-off")
    @Outcome(expect = FORBIDDEN, desc = "a write crossed the hand-off")
    @State
    public static class HandOffThroughAVolatileField {
        final CowMap<Integer, Integer> source = identityMap(8, 1, 2);
        volatile CowMap<Integer, Integer> handedOff;

        @Actor
        public void giver() {
            handedOff = source.copy();
            source.put(3, 3);
        }

        @Actor
        public void receiver(II_Result r) {
            CowMap<Integer, Integer> received = handedOff;
            if (received == null) {
                r.r1 = -1;
            } else {
                received.put(4, 4);
                r.r1 = Digits.ofEntries(received);
            }
        }

        @Arbiter
        public void contents(II_Result r) {
            r.r2 = Digits.ofEntries(source);
        }
    }
}
