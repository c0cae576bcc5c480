package dev.cowcollections;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Search trees over the entries of a {@link CompactHashTable} whose keys share one exact hash
 * code, so that keys whose {@code hashCode}s all collide cost O(log n) per operation instead of
 * O(n), as {@code HashMap}'s tree bins do.
 *
 * <p>Nodes are entry numbers; the children of entry {@code e} are {@code left[e]} and
 * {@code right[e]}, so a tree allocates nothing per entry and a detach copies it with two
 * {@code System.arraycopy} calls. Each tree is a treap: it is ordered by key and heap-ordered by
 * a priority derived from the entry number and a random seed drawn when the tree is created, so
 * the expected depth is O(log n) whatever order the keys arrive in. The seed is what makes that
 * hold against a caller who chooses the order: with priorities that follow from entry numbers
 * alone, anyone who reads this class can order colliding keys so that key order and priority
 * order agree, and the treap becomes a path (quadratic cost, and recursion as deep as the tree).
 *
 * <p>Keys are ordered as {@code HashMap} orders a tree bin: by {@code compareTo} when both keys
 * are of one class {@code C} that implements {@code Comparable<C>}, otherwise they tie. A search
 * that meets a tie looks in both subtrees, so keys that are not mutually comparable are still
 * found, in linear time, exactly as in {@code HashMap}. Insertion breaks ties by class name and
 * identity hash code, which keeps the order of comparable keys intact.
 */
final class CollisionTree {

    /** No entry: the child of a leaf, the root of an empty tree. */
    static final int NIL = -1;

    private final int[] left;
    private final int[] right;

    /** Scrambles the priorities; a copy keeps it, because the shape of its trees depends on it. */
    private final int seed;

    CollisionTree(int capacity) {
        this(new int[capacity], new int[capacity], ThreadLocalRandom.current().nextInt());
    }

    private CollisionTree(int[] left, int[] right, int seed) {
        this.left = left;
        this.right = right;
        this.seed = seed;
    }

    /** A private copy with room for entries {@code 0} to {@code capacity - 1}, for a detach or a growth that keeps entry numbers. */
    CollisionTree copy(int capacity) {
        return new CollisionTree(Arrays.copyOf(left, capacity), Arrays.copyOf(right, capacity), seed);
    }

    /**
     * The entry of the tree at {@code root} whose key equals {@code key}, or {@link #NIL}.
     *
     * @param table the table, key of entry {@code e} at position {@code 2e}
     */
    int find(int root, Object key, CompactHashTable table) {
        return find(root, key, comparableClassFor(key), table);
    }

    private int find(int node, Object key, Class<?> keyClass, CompactHashTable table) {
        while (node != NIL) {
            Object other = table.rawKey(node << 1);
            if (other == key || (key != null && key.equals(other))) {
                return node;
            }
            int dir = compareComparables(keyClass, key, other);
            if (dir < 0) {
                node = left[node];
            } else if (dir > 0) {
                node = right[node];
            } else {
                int found = find(right[node], key, keyClass, table);
                if (found != NIL) {
                    return found;
                }
                node = left[node];
            }
        }
        return NIL;
    }

    /** Adds entry {@code entry}, whose key is in no tree yet, to the tree at {@code root}; returns the new root. */
    int insert(int root, int entry, CompactHashTable table) {
        left[entry] = NIL;
        right[entry] = NIL;
        Object key = table.rawKey(entry << 1);
        return insert(root, entry, key, comparableClassFor(key), table);
    }

    private int insert(int node, int entry, Object key, Class<?> keyClass, CompactHashTable table) {
        if (node == NIL) {
            return entry;
        }
        if (insertionOrder(keyClass, key, table.rawKey(node << 1)) < 0) {
            int child = insert(left[node], entry, key, keyClass, table);
            left[node] = child;
            if (priority(child) > priority(node)) {
                left[node] = right[child];
                right[child] = node;
                return child;
            }
        } else {
            int child = insert(right[node], entry, key, keyClass, table);
            right[node] = child;
            if (priority(child) > priority(node)) {
                right[node] = left[child];
                left[child] = node;
                return child;
            }
        }
        return node;
    }

    /** Removes entry {@code entry} from the tree at {@code root}; returns the new root, {@link #NIL} when empty. */
    int remove(int root, int entry, CompactHashTable table) {
        Object key = table.rawKey(entry << 1);
        return remove(root, entry, key, comparableClassFor(key), table);
    }

    private int remove(int node, int entry, Object key, Class<?> keyClass, CompactHashTable table) {
        if (node == NIL) {
            return NIL;
        }
        if (node == entry) {
            return merge(left[node], right[node]);
        }
        int dir = compareComparables(keyClass, key, table.rawKey(node << 1));
        if (dir < 0 || (dir == 0 && !contains(right[node], entry))) {
            left[node] = remove(left[node], entry, key, keyClass, table);
        } else {
            right[node] = remove(right[node], entry, key, keyClass, table);
        }
        return node;
    }

    /** Whether {@code entry} is in the subtree at {@code node}; a full walk, for ties only. */
    private boolean contains(int node, int entry) {
        while (node != NIL) {
            if (node == entry || contains(right[node], entry)) {
                return true;
            }
            node = left[node];
        }
        return false;
    }

    /** Joins two treaps whose keys are ordered {@code a} before {@code b}. */
    private int merge(int a, int b) {
        if (a == NIL) {
            return b;
        }
        if (b == NIL) {
            return a;
        }
        if (priority(a) > priority(b)) {
            right[a] = merge(right[a], b);
            return a;
        }
        left[b] = merge(a, left[b]);
        return b;
    }

    /**
     * The pseudo-random priority of an entry: its number spaced by the golden ratio, offset by the
     * seed and put through MurmurHash3's finalizer, so that no order of entry numbers predicts it.
     */
    private int priority(int entry) {
        int h = entry * 0x9E3779B9 + seed;
        h = (h ^ (h >>> 16)) * 0x85EBCA6B;
        h = (h ^ (h >>> 13)) * 0xC2B2AE35;
        return h ^ (h >>> 16);
    }

    /** The order of {@code key} before {@code other} for an insertion: never a tie. */
    private static int insertionOrder(Class<?> keyClass, Object key, Object other) {
        int dir = compareComparables(keyClass, key, other);
        if (dir != 0) {
            return dir;
        }
        if (key != null && other != null) {
            dir = key.getClass().getName().compareTo(other.getClass().getName());
            if (dir != 0) {
                return dir;
            }
        }
        return System.identityHashCode(key) <= System.identityHashCode(other) ? -1 : 1;
    }

    /** {@code key.compareTo(other)} when {@code other} is of {@code keyClass}, a self-comparable class; else a tie. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareComparables(Class<?> keyClass, Object key, Object other) {
        if (keyClass == null || other == null || other.getClass() != keyClass) {
            return 0;
        }
        return ((Comparable) key).compareTo(other);
    }

    /**
     * The class of {@code key} if it is some {@code C implements Comparable<C>}, else null, as
     * {@code HashMap.comparableClassFor} decides: only then may two keys of that class be
     * compared without a {@code ClassCastException}.
     */
    static Class<?> comparableClassFor(Object key) {
        if (!(key instanceof Comparable)) {
            return null;
        }
        Class<?> c = key.getClass();
        if (c == String.class) {
            return c;
        }
        for (Type t : c.getGenericInterfaces()) {
            if (t instanceof ParameterizedType) {
                ParameterizedType p = (ParameterizedType) t;
                Type[] args = p.getActualTypeArguments();
                if (p.getRawType() == Comparable.class && args.length == 1 && args[0] == c) {
                    return c;
                }
            }
        }
        return null;
    }
}
