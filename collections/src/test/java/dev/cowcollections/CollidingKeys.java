package dev.cowcollections;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * The keys of {@link CowMapProperties} and {@link CowSetProperties}: {@code null}, small
 * {@code Integer}s, and keys whose hash code is chosen, so that twenty keys share each of the
 * hashes {@link #GROUP_HASHES} and collision trees form, grow, shrink and are copied. Half of
 * the colliding keys are {@code Comparable} and half are not, and each group also holds an
 * {@code Integer} ({@code 0} and {@code 7}) and, for hash {@code 0}, the {@code null} key, so a
 * tree orders keys of several classes and meets ties.
 */
final class CollidingKeys {

    /** The two hash codes that many keys share; {@code 0} is also the hash of {@code null} and {@code 0}. */
    static final int[] GROUP_HASHES = {0, 7};

    /** Colliding keys of each class per hash: with the Integer (and null), more than a tree needs. */
    private static final int IDS = 10;

    /** Every key the generators produce. */
    static final List<Object> UNIVERSE;

    static {
        List<Object> keys = new ArrayList<>();
        keys.add(null);
        for (int i = -2; i <= 12; i++) {
            keys.add(i);
        }
        for (int hash : GROUP_HASHES) {
            for (int id = 0; id < IDS; id++) {
                keys.add(new Plain(id, hash));
                keys.add(new Ordered(id, hash));
            }
        }
        UNIVERSE = Collections.unmodifiableList(keys);
    }

    private CollidingKeys() {
    }

    /** A colliding key that is not {@code Comparable}: a tree can only search all of its ties. */
    record Plain(int id, int hash) implements Serializable {
        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public String toString() {
            return "P" + id + "#" + hash;
        }
    }

    /** A colliding key that is {@code Comparable} with its own class, so a tree orders it. */
    record Ordered(int id, int hash) implements Comparable<Ordered>, Serializable {
        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public int compareTo(Ordered other) {
            return id != other.id ? Integer.compare(id, other.id) : Integer.compare(hash, other.hash);
        }

        @Override
        public String toString() {
            return "O" + id + "#" + hash;
        }
    }

    /**
     * Keys, mostly colliding ones so that nine of one hash meet in a handle within a few steps,
     * with {@code null} and small Integers (two of them in the groups) among them.
     */
    static Arbitrary<Object> keys() {
        Arbitrary<Object> nullKey = Arbitraries.just(null);
        Arbitrary<Object> integers = Arbitraries.integers().between(-2, 12).map(i -> i);
        Arbitrary<Object> colliding = Arbitraries.of(UNIVERSE.subList(16, UNIVERSE.size()));
        return Arbitraries.frequencyOf(Tuple.of(1, nullKey), Tuple.of(4, integers), Tuple.of(15, colliding));
    }

    static Arbitrary<List<Object>> keyLists() {
        return keys().list().ofMaxSize(10);
    }

    /** A distinct object equal to {@code key} where the key's class allows one, else the key itself. */
    static Object equalCopy(Object key) {
        if (key instanceof Plain p) {
            return new Plain(p.id(), p.hash());
        }
        if (key instanceof Ordered o) {
            return new Ordered(o.id(), o.hash());
        }
        return key;
    }

    /** A small number that tells keys apart, for filters: the Integer itself, the id of a colliding key. */
    static int rank(Object key) {
        if (key == null) {
            return 0;
        }
        if (key instanceof Integer i) {
            return i;
        }
        return key instanceof Plain p ? p.id() : ((Ordered) key).id();
    }

    /** A named predicate over keys or values, so a failing sequence prints what it removed. */
    record Filter(String name, Predicate<Object> test) implements Predicate<Object> {
        @Override
        public boolean test(Object key) {
            return test.test(key);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Every d-th rank, every key of one group, or every key of one class. */
    static Arbitrary<Filter> keyFilters() {
        List<Filter> filters = new ArrayList<>();
        for (int d = 1; d <= 5; d++) {
            int divisor = d;
            filters.add(new Filter("rank % " + d + " == 0", k -> Math.floorMod(rank(k), divisor) == 0));
        }
        for (int hash : GROUP_HASHES) {
            filters.add(new Filter("hash == " + hash, k -> Objects.hashCode(k) == hash));
        }
        filters.add(new Filter("not Comparable", k -> k instanceof Plain));
        filters.add(new Filter("nothing", k -> false));
        return Arbitraries.of(filters);
    }

    /** The number of collision groups in a table's index, as {@link CompactHashTable} marks them. */
    static int collisionGroups(CompactHashTable table) {
        int groups = 0;
        for (int slot : table.indexSlots()) {
            if (slot < 0 && slot != Integer.MIN_VALUE) {
                groups++;
            }
        }
        return groups;
    }
}
