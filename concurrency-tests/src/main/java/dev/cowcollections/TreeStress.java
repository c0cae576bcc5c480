package dev.cowcollections;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import org.openjdk.jcstress.infra.results.IIII_Result;

/**
 * The thread-safety guarantee of SPEC.md for {@link CowTreeMap}: handles that share nodes may be
 * written from different threads at the same time with no synchronization, each seeing only its
 * own writes. The maps hold 40 keys in nodes of the smallest width (four), so a tree of four
 * levels, and each write copies a path, splits or merges. An outcome is 1 when a handle holds
 * exactly the mappings it must (by equality both ways, in ascending and descending order, and by
 * lookup of every key, which walks the inner nodes), 0 otherwise. Every outcome but all ones is
 * forbidden.
 */
public final class TreeStress {

    private TreeStress() {
    }

    static final int KEYS = 40;

    /** Keys {@code 0 .. KEYS-1}, each mapped to itself, in nodes of width four. */
    static CowTreeMap<Integer, Integer> base() {
        CowTreeMap<Integer, Integer> map = new CowTreeMap<>(null, BPlusTree.MIN_WIDTH);
        for (int i = 0; i < KEYS; i++) {
            map.put(i, i);
        }
        return map;
    }

    static TreeMap<Integer, Integer> expected(Object... edits) {
        TreeMap<Integer, Integer> model = new TreeMap<>();
        for (int i = 0; i < KEYS; i++) {
            model.put(i, i);
        }
        for (int i = 0; i < edits.length; i += 2) {
            if (edits[i + 1] == null) {
                model.remove((Integer) edits[i]);
            } else {
                model.put((Integer) edits[i], (Integer) edits[i + 1]);
            }
        }
        return model;
    }

    /** 1 when {@code map} holds exactly {@code expected}, found by iteration both ways and by lookup. */
    static int holdsExactly(CowTreeMap<Integer, Integer> map, TreeMap<Integer, Integer> expected) {
        if (!expected.equals(map) || !map.equals(expected)) {
            return 0;
        }
        List<Integer> descending = new ArrayList<>(map.descendingKeySet());
        if (!descending.equals(new ArrayList<>(expected.descendingKeySet()))) {
            return 0;
        }
        for (Map.Entry<Integer, Integer> e : expected.entrySet()) {
            if (!e.getValue().equals(map.get(e.getKey()))) {
                return 0;
            }
        }
        for (int k = -1; k <= KEYS + 10; k++) {
            if (expected.containsKey(k) != map.containsKey(k)) {
                return 0;
            }
        }
        return 1;
    }

    /**
     * Scenario 1: two copies write the same leaf at once, one putting a key beside 10 (the leaf
     * splits: a new leaf and a path of copies), the other removing 10 (the leaf falls below half
     * and borrows from or merges with a neighbour, copying it too). Both copy the same shared
     * path; neither may see the other's write, and the original neither.
     */
    @JCStressTest
    @Outcome(id = "1, 1, 1", expect = ACCEPTABLE, desc = "each copy shows exactly its own write; the original is whole")
    @Outcome(expect = FORBIDDEN, desc = "a write leaked into another handle, was lost, or a node was torn")
    @State
    public static class SameLeaf {
        final CowTreeMap<Integer, Integer> original = base();
        final CowTreeMap<Integer, Integer> putter = original.copy();
        final CowTreeMap<Integer, Integer> remover = original.copy();

        @Actor
        public void put() {
            putter.put(10, -10);
            putter.put(1000, 1000);
            putter.remove(11);
        }

        @Actor
        public void remove() {
            remover.remove(10);
            remover.remove(9);
        }

        @Arbiter
        public void contents(III_Result r) {
            r.r1 = holdsExactly(putter, expected(10, -10, 1000, 1000, 11, null));
            r.r2 = holdsExactly(remover, expected(10, null, 9, null));
            r.r3 = holdsExactly(original, expected());
        }
    }

    /** Scenario 2: two copies write leaves at the two ends of the tree at once, sharing only the root's path. */
    @JCStressTest
    @Outcome(id = "1, 1, 1", expect = ACCEPTABLE, desc = "each copy shows exactly its own writes; the original is whole")
    @Outcome(expect = FORBIDDEN, desc = "a write leaked into another handle, was lost, or a node was torn")
    @State
    public static class DifferentLeaves {
        final CowTreeMap<Integer, Integer> original = base();
        final CowTreeMap<Integer, Integer> low = original.copy();
        final CowTreeMap<Integer, Integer> high = original.copy();

        @Actor
        public void writeLow() {
            low.put(0, -1);
            low.pollFirstEntry();
            low.pollFirstEntry();
        }

        @Actor
        public void writeHigh() {
            high.put(39, -39);
            high.put(40, 40);
            high.put(41, 41);
        }

        @Arbiter
        public void contents(III_Result r) {
            r.r1 = holdsExactly(low, expected(0, null, 1, null));
            r.r2 = holdsExactly(high, expected(39, -39, 40, 40, 41, 41));
            r.r3 = holdsExactly(original, expected());
        }
    }

    /**
     * Scenario 3: a copy of a handle is taken while a sibling on the same nodes writes (a path
     * copy, then in-place writes along its own path and splits). The new copy and the handle it
     * was taken from must hold the nodes as they were.
     */
    @JCStressTest
    @Outcome(id = "1, 1, 1", expect = ACCEPTABLE, desc = "the copy and its source are whole; the sibling shows its writes")
    @Outcome(expect = FORBIDDEN, desc = "the copy saw the sibling's write, or a node was torn")
    @State
    public static class CopyWhileSiblingWrites {
        final CowTreeMap<Integer, Integer> original = base();
        final CowTreeMap<Integer, Integer> sibling = original.copy();
        CowTreeMap<Integer, Integer> snapshot;

        @Actor
        public void write() {
            sibling.put(20, -20);
            sibling.put(21, -21);
            for (int k = 100; k < 106; k++) {
                sibling.put(k, k);
            }
            sibling.remove(22);
        }

        @Actor
        public void copy() {
            snapshot = original.copy();
        }

        @Arbiter
        public void contents(III_Result r) {
            r.r1 = holdsExactly(snapshot, expected());
            r.r2 = holdsExactly(original, expected());
            r.r3 = holdsExactly(sibling, expected(20, -20, 21, -21, 100, 100, 101, 101, 102, 102, 103, 103, 104, 104,
                    105, 105, 22, null));
        }
    }

    /**
     * Scenario 4: a path copy racing a sibling's in-place write on the same keys. Before the
     * race, {@code owner} wrote once after the copy, so it owns the path to key 10 and writes
     * there in place, splitting the leaf; at the same moment {@code copier}, still on the old
     * nodes of that path, copies them for its own write. The in-place writes must never reach the
     * nodes the copier reads.
     */
    @JCStressTest
    @Outcome(id = "1, 1, 1", expect = ACCEPTABLE, desc = "each handle shows exactly its own writes")
    @Outcome(expect = FORBIDDEN, desc = "an in-place write reached shared nodes, or a node was torn")
    @State
    public static class PathCopyRacingInPlaceWrite {
        final CowTreeMap<Integer, Integer> owner = base();
        final CowTreeMap<Integer, Integer> copier = owner.copy();
        final CowTreeMap<Integer, Integer> bystander = owner.copy();

        {
            owner.put(10, -10);
        }

        @Actor
        public void writeInPlace() {
            owner.put(11, -11);
            owner.put(1000, 1000);
            owner.remove(12);
        }

        @Actor
        public void copyPath() {
            copier.put(11, 1100);
            copier.remove(10);
        }

        @Arbiter
        public void contents(III_Result r) {
            r.r1 = holdsExactly(owner, expected(10, -10, 11, -11, 1000, 1000, 12, null));
            r.r2 = holdsExactly(copier, expected(11, 1100, 10, null));
            r.r3 = holdsExactly(bystander, expected());
        }
    }

    /**
     * Scenario 5: a copy gives its share back with {@code clear()} while the handle it was taken
     * from writes. The writer either still sees the share (and copies its path) or sees itself
     * unique (and writes in place): both are right, as long as the cleared copy finished reading
     * before any in-place write, which the release and acquire of the epoch's count order.
     */
    @JCStressTest
    @Outcome(id = "1, 1, 0, 0", expect = ACCEPTABLE, desc = "the writer still saw the share and copied its path")
    @Outcome(id = "1, 1, 0, 1", expect = ACCEPTABLE, desc = "the writer saw the share given back and wrote in place")
    @Outcome(expect = FORBIDDEN, desc = "a write was lost or leaked, or the cleared copy was not empty")
    @State
    public static class ClearGivesTheShareBackDuringAWrite {
        final CowTreeMap<Integer, Integer> writer = base();
        final CowTreeMap<Integer, Integer> reader = writer.copy();
        final TreeNode rootBefore = writer.root;
        int readerSum;

        @Actor
        public void write() {
            writer.put(5, -5);
            writer.remove(6);
        }

        @Actor
        public void readThenClear() {
            int sum = 0;
            for (int v : reader.values()) {
                sum += v;
            }
            readerSum = sum;
            reader.clear();
        }

        @Arbiter
        public void contents(IIII_Result r) {
            r.r1 = holdsExactly(writer, expected(5, -5, 6, null));
            r.r2 = readerSum == KEYS * (KEYS - 1) / 2 ? 1 : 0;
            r.r3 = reader.isEmpty() ? 0 : 1;
            r.r4 = writer.root == rootBefore ? 1 : 0;
        }
    }
}
