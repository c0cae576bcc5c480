package dev.cowcollections;

import java.io.InvalidObjectException;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The buffer behind {@link CowMap} and {@link CowSet}: an insertion-ordered hash table whose
 * detach is two array copies, and the sharing state of the handle that holds it.
 *
 * <h2>Implementation notes</h2>
 *
 * <p>Layout, after CPython's {@code dict} (3.6 and later). Entries live in insertion order in one
 * dense array, {@code entries}: the key of entry {@code e} at {@code 2e}, its value at
 * {@code 2e + 1}. The first {@code used} entries have been written; a removed entry keeps its
 * place as a tombstone ({@link #REMOVED} as its key), so that iteration order and the positions
 * held by iterators survive removals. A separate open-addressing {@code index}, a power-of-two
 * {@code int[]}, maps hashes to entries with linear probing. Nothing is allocated per entry, a
 * detach is {@code entries.clone()} and {@code index.clone()}, and iteration is a sequential scan.
 * Per entry the table costs 8 bytes of entries and 4 bytes per index slot, with the index at most
 * five eighths full, a little below CPython's two thirds: about half of {@code HashMap}'s 32-byte
 * node plus its slot. Linear probing pays for a fuller index: an insertion into one three quarters
 * full reads 8.5 slots on average, into one two thirds full 5, into one five eighths full 4
 * (Knuth's analysis); filling a map with 1 000 {@code String} keys by {@code put} measured 13 %
 * faster at five eighths than at two thirds. An index of at most 16 slots, 64 bytes, may be three
 * quarters full, as {@code HashMap}'s first table of 16 buckets holds 12 entries: a longer probe
 * within two cache lines costs little, and the put after a copy of a map of up to eleven
 * entries that already has that index (grown by {@code put}, or sized for 7 to 11 entries) keeps
 * it (see {@link #capacityFor(int)}). At two thirds, ten entries filled the 16-slot index, and
 * that put grew it and placed every key again.
 *
 * <p>Index slots. With {@code bits = log2(index.length)}, a slot holds
 * {@code tag << bits | (e + 1)}: the low {@code bits} bits name the entry (entry numbers stay
 * below the capacity, which is at most three quarters of the index length), the bits above them
 * hold a tag of {@code 31 - bits} more hash bits, and the sign bit marks a collision group.
 * {@code 0} is an empty slot; {@link #DELETED}, the sign bit alone, is a slot whose entry was
 * removed: probing walks over it, and it stays until the next rebuild, so probe sequences never
 * break. A probe compares tags before it touches an entry, so a miss usually reads nothing but
 * the index, and a hit reads the index slot, the entry and the key, as {@code HashMap} reads its
 * table slot, node and key.
 *
 * <p>Hash spreading. The home slot comes from the top bits of the hash code, folded, offset by
 * a random seed drawn once per JVM, and multiplied by the golden ratio (Fibonacci hashing), so
 * codes that differ only in their high bits, or are all multiples of a power of two, still
 * spread, and nobody can choose distinct codes that share a home slot without first learning
 * the seed; the tag comes from the low bits of the same product. One seed per JVM, as Python's
 * {@code dict} has one per process, rather than one per buffer: equal keys put in the same order
 * then take the same probe steps in every map, as in {@code HashMap}, whose spreading has no seed
 * at all, and a program that builds such maps again and again lets the processor learn those
 * steps. A seed drawn for every new buffer and every rebuild made building a map of 1 000 random
 * {@code Integer}s from empty take 25 µs instead of 16 (ratio to {@code HashMap} 1.77 against
 * 0.88, in three rounds of alternating forks of a copy of {@code MapWriteBenchmark.put} with the
 * seed fixed by a system property, not kept). Insertion order is iteration
 * order, so copying one map into another never inserts keys in slot order, the pattern that
 * makes a shared seed quadratic in tables that iterate by slot.
 *
 * <p>Hash codes are not stored: a rebuild asks the keys again, which is free for {@code String},
 * which caches its hash, and keeps the table at 12 bytes per entry. Storing them (4 bytes an
 * entry, CPython's way, with the probe loop reshaped around them) was measured and did not pay:
 * building 1 000 keys from empty took as long or longer, in both JIT regimes, and allocated 30 %
 * more.
 *
 * <p>Colliding keys. Linear probing makes keys with one exact hash code walk each other's
 * slots, so {@code n} such keys would cost O(n) per operation. When a ninth key of one exact hash
 * arrives, the eight already in the index and the newcomer move into a {@link CollisionTree},
 * a treap over entry numbers ordered as {@code HashMap} orders its tree bins; the earliest of
 * their slots becomes the group slot (sign bit, the hash's tag, the tree's root) and the others
 * become {@code DELETED}. Every later key of that hash meets the group slot before any empty
 * slot, so all keys of one hash are either direct slots (at most eight) or in the group.
 *
 * <p>Growth. When all {@code capacity} entries are used, the capacity grows by half, as
 * {@code ArrayList}'s does, unless compacting the tombstones away alone leaves a quarter free,
 * or a capacity of 9 to 11 without tombstones grows to the twelve its 16-slot index holds;
 * the index doubles only when the capacity outgrows what it may hold. With no tombstone and
 * an index that keeps its length, only the entries array is copied, longer; otherwise a rebuild
 * copies the live entries to a new entries array, compacting tombstones away, and builds a new
 * index. Both write new arrays, so the same code serves a handle that owns its buffer and one
 * that detaches.
 *
 * <p>Removing the eldest entry again and again, the {@code LinkedHashMap} eviction idiom,
 * leaves a run of tombstones at the front until the next rebuild. Each handle remembers where
 * that run ends ({@link #firstLive()}), so iteration does not rescan it every time.
 *
 * <p>Sharing. Handles that share a buffer hold the same arrays, counts and
 * {@link RefCount}; nobody writes a shared buffer. Every write first makes its handle's buffer
 * private ({@link #makeWritable()} or {@link #makeRoomFor(int)}), and a detach copies the
 * layout exactly, so entry positions found before it stay valid after it. The memory-ordering
 * argument is {@link RefCount}'s.
 */
abstract class CompactHashTable {

    /** The key of a removed entry. It never leaves this class. */
    static final Object REMOVED = new Object() {
        @Override
        public String toString() {
            return "REMOVED";
        }
    };

    /** The length of the largest index that may be three quarters full. */
    private static final int SMALL_INDEX_LENGTH = 16;

    /** The most entries an index of {@link #SMALL_INDEX_LENGTH} slots holds: three quarters of it. */
    private static final int SMALL_INDEX_CAPACITY = SMALL_INDEX_LENGTH / 4 * 3;

    /**
     * The capacity of the first private buffer of a table that starts empty: all that its 16-slot
     * index holds, so a map of up to twelve entries never grows.
     */
    static final int DEFAULT_CAPACITY = SMALL_INDEX_CAPACITY;

    /** The number of keys of one hash code that stay in the index before they move into a tree. */
    static final int TREEIFY_THRESHOLD = 8;

    /** The largest capacity: five eighths of the largest index, {@code 2^30} slots. */
    static final int MAX_CAPACITY = (1 << 30) / 8 * 5;

    /** Reads up to this many entries before a deserialized table trusts the stream further. */
    static final int FIRST_READ_CAPACITY = 1024;

    private static final int DELETED = Integer.MIN_VALUE;
    private static final int GROUP = Integer.MIN_VALUE;

    /** Set in a probe's miss result when an insertion must take the slow path. */
    private static final int SLOW_INSERT = 1 << 30;

    private static final Object[] EMPTY_ENTRIES = {};

    /** The index of every table without a buffer of its own; immortal, so never written. */
    private static final int[] EMPTY_INDEX = new int[2];

    /**
     * Offsets every hash before it is spread; drawn once per JVM, from the JDK's seed generator
     * (a {@code SecureRandom} when {@code java.util.secureRandomSeed} is {@code true}).
     */
    private static final int HASH_SEED = ThreadLocalRandom.current().nextInt();

    Object[] entries;
    int[] index;
    int indexBits;
    /**
     * Counts the times this handle's entries moved (its rebuilds, and taking another handle's
     * buffer), so that an entry view knows when to look its key up again rather than take it as
     * removed.
     */
    int rebuilds;
    int used;
    int size;
    /** Every entry before this position is a tombstone: a lower bound of the first live entry. */
    int liveFrom;
    CollisionTree trees;
    RefCount refCount;
    boolean knownUnique;
    int modCount;

    /** An empty table on the immortal empty buffer. */
    CompactHashTable() {
        pointAtEmpty();
    }

    /** An empty table with a private buffer for {@code capacity} entries; {@code 0} allocates nothing. */
    CompactHashTable(int capacity) {
        if (Checks.checkCapacity(capacity) == 0) {
            pointAtEmpty();
        } else {
            allocate(capacity);
        }
    }

    private void pointAtEmpty() {
        entries = EMPTY_ENTRIES;
        index = EMPTY_INDEX;
        indexBits = 1;
        used = 0;
        size = 0;
        liveFrom = 0;
        trees = null;
        refCount = RefCount.IMMORTAL;
        knownUnique = false;
    }

    private void allocate(int capacity) {
        entries = new Object[checkedCapacity(capacity) << 1];
        index = new int[indexLengthFor(capacity)];
        indexBits = Integer.numberOfTrailingZeros(index.length);
        refCount = new RefCount();
        knownUnique = true;
    }

    // Sharing

    /** Whether the buffer is shared with another handle; the immortal empty buffer always is. */
    final boolean isSharedBuffer() {
        return !knownUnique && !refCount.isUniqueAcquire();
    }

    /** Makes this new handle share {@code source}'s buffer and counts the share. */
    final void shareWith(CompactHashTable source) {
        if (source.knownUnique) {
            source.knownUnique = false;
        }
        RefCount count = source.refCount;
        count.retain();
        entries = source.entries;
        index = source.index;
        indexBits = source.indexBits;
        rebuilds++;
        used = source.used;
        size = source.size;
        liveFrom = source.liveFrom;
        trees = source.trees;
        refCount = count;
        knownUnique = false;
    }

    /** Moves the private buffer of {@code source}, a handle about to be dropped, into this new handle. */
    final void takeBufferOf(CompactHashTable source) {
        entries = source.entries;
        index = source.index;
        indexBits = source.indexBits;
        rebuilds = source.rebuilds;
        used = source.used;
        size = source.size;
        liveFrom = source.liveFrom;
        trees = source.trees;
        refCount = source.refCount;
        knownUnique = source.knownUnique;
    }

    /** Whether this handle may write its buffer in place. */
    final boolean isUnique() {
        return knownUnique || (knownUnique = refCount.isUniqueAcquire());
    }

    /** Makes the buffer private, detaching if it is shared; entry positions stay valid. */
    final void makeWritable() {
        if (!isUnique()) {
            detach(0);
        }
    }

    /** Makes the buffer private with room for {@code room} more entries; entry positions may change. */
    final void makeRoomFor(int room) {
        if (!isUnique()) {
            detach(room);
        } else if (room > (entries.length >> 1) - used) {
            grow(capacityFor(room), false);
        }
    }

    /**
     * Gives this handle a private buffer holding its entries with room for {@code room} more,
     * then gives back the share of the old one, which it has finished reading.
     */
    private void detach(int room) {
        CopyEvents.detached(CowMap.class, CopyEvents.BUFFER, refCount, size, CopyEvents.referenceBytes(2L * used) + (index == EMPTY_INDEX ? 0 : 4L * index.length));
        RefCount oldCount = refCount;
        if (used + room <= entries.length >> 1) {
            copyArrays(entries.length >> 1, true);
        } else {
            grow(capacityFor(room), true);
        }
        refCount = new RefCount();
        knownUnique = true;
        oldCount.release();
    }

    /** Empties the table: in place when the buffer is private, by giving the share back otherwise. */
    final void clearTable() {
        if (isUnique()) {
            Arrays.fill(entries, 0, used << 1, null);
            Arrays.fill(index, 0);
            used = 0;
            size = 0;
            liveFrom = 0;
            trees = null;
        } else {
            RefCount oldCount = refCount;
            pointAtEmpty();
            oldCount.release();
        }
    }

    // Hashing and probing

    static int hash(Object key) {
        return key == null ? 0 : key.hashCode();
    }

    /**
     * Folds the high half into the low one, adds the JVM's random seed, then multiplies by
     * 2^32 / phi. Without the seed the spreading could be inverted: anyone who reads this file
     * could choose distinct hash codes that all share one home slot, and keys with distinct hash
     * codes never move into a collision tree.
     */
    private static int mix(int h) {
        return (h ^ (h >>> 16) ^ HASH_SEED) * 0x9E3779B9;
    }

    /** The tag bits of a slot for mixed hash {@code m}: the low {@code 31 - bits} bits of {@code m}, above the entry bits. */
    private static int tagOf(int m, int bits) {
        return (m << bits) & Integer.MAX_VALUE;
    }

    /** Whether slot {@code s} is a collision group whose hash has tag {@code tag}; {@code high} masks the tag and sign. */
    private static boolean isGroupWithTag(int s, int high, int tag) {
        return s < 0 && s != DELETED && (s & high & Integer.MAX_VALUE) == tag;
    }

    /**
     * Looks {@code key} up. Returns the position of its entry in {@code entries} ({@code 2e}, its
     * value at {@code 2e + 1}) when present; otherwise {@code ~slot}, the empty slot where it
     * would go, with {@link #SLOW_INSERT} set when that slot must not be used directly (the key
     * belongs in a collision group, or enough keys collided that it may have to start one).
     */
    final int probe(Object key, int h) {
        int[] ix = index;
        Object[] es = entries;
        int bits = indexBits;
        int m = mix(h);
        int tag = tagOf(m, bits);
        int high = -1 << bits;
        int mask = ix.length - 1;
        int collisions = 0;
        for (int i = m >>> -bits; ; i = (i + 1) & mask) {
            int s = ix[i];
            if (s == 0) {
                return collisions < TREEIFY_THRESHOLD ? ~i : ~(i | SLOW_INSERT);
            }
            if ((s & high) == tag) {
                int p = ((s & ~high) - 1) << 1;
                Object k = es[p];
                if (k == key || (key != null && key.equals(k))) {
                    return p;
                }
                collisions++;
            } else if (isGroupWithTag(s, high, tag)) {
                int r = probeGroup(key, h, (s & ~high) - 1, i);
                if (r != PROBE_ON) {
                    return r;
                }
            }
        }
    }

    /**
     * Returned by {@link #probeGroup} when the group belongs to another hash with the same tag:
     * odd, so never an entry position, and positive, so never a miss.
     */
    private static final int PROBE_ON = Integer.MAX_VALUE;

    /** The rare part of {@link #probe}, kept out of its loop so that the loop stays small enough to inline. */
    private int probeGroup(Object key, int h, int root, int slot) {
        Object[] es = entries;
        if (hash(es[root << 1]) != h) {
            return PROBE_ON;
        }
        int found = trees.find(root, key, es);
        return found != CollisionTree.NIL ? found << 1 : ~(slot | SLOW_INSERT);
    }

    /** {@link #probe} for a read: the entry position, or {@code -1}. */
    final int find(Object key) {
        int r = probe(key, hash(key));
        return r >= 0 ? r : -1;
    }

    // Writes; the caller has made the buffer private

    /**
     * Inserts a key that {@link #probe} reported absent with {@code miss}, and counts the
     * structural change. Takes the fast path (one slot, one entry) when the buffer is known
     * private and has room, and otherwise makes room and places the entry from scratch.
     */
    final void insertAbsent(int miss, Object key, int h, Object value) {
        int slot = ~miss;
        int e = used;
        if (knownUnique && slot < SLOW_INSERT && e < entries.length >> 1) {
            Object[] es = entries;
            es[e << 1] = key;
            es[(e << 1) + 1] = value;
            int bits = indexBits;
            index[slot] = tagOf(mix(h), bits) | (e + 1);
            used = e + 1;
            size++;
        } else {
            makeRoomFor(1);
            appendAndPlace(key, h, value);
        }
        modCount++;
    }

    /**
     * Appends an entry and links it into the index. Linking may call keys' {@code hashCode} and
     * {@code compareTo}; {@link #place} changes the index only after the last of those calls, so
     * if one throws, taking the entry back leaves the table as it was.
     */
    private void appendAndPlace(Object key, int h, Object value) {
        int e = used;
        Object[] es = entries;
        es[e << 1] = key;
        es[(e << 1) + 1] = value;
        used = e + 1;
        size++;
        try {
            place(e, h);
        } catch (RuntimeException | Error failure) {
            es[e << 1] = null;
            es[(e << 1) + 1] = null;
            used = e;
            size--;
            throw failure;
        }
    }

    /** Replaces the value at entry position {@code p}; the same reference changes nothing and never detaches. */
    final void setValueAt(int p, Object value) {
        if (entries[p + 1] != value) {
            makeWritable();
            entries[p + 1] = value;
        }
    }

    /** Removes the entry at position {@code p}, detaching first if the buffer is shared, and counts the change. */
    final void removeAt(int p) {
        makeWritable();
        Object[] es = entries;
        unlink(p >> 1, hash(es[p]));
        es[p] = REMOVED;
        es[p + 1] = null;
        size--;
        modCount++;
    }

    /**
     * Links entry {@code e}, with hash {@code h}, into the index: into its group if the hash has
     * one, into a new group if it is the ninth key of its hash, into the first empty slot
     * otherwise. Every call of keys' {@code hashCode} and {@code compareTo} comes before the first
     * change to the index, and a tree insertion that throws leaves its tree as it was.
     */
    private void place(int e, int h) {
        int[] ix = index;
        Object[] es = entries;
        int bits = indexBits;
        int m = mix(h);
        int tag = tagOf(m, bits);
        int high = -1 << bits;
        int mask = ix.length - 1;
        int[] sameHash = null;
        int sameHashCount = 0;
        int i = m >>> -bits;
        for (; ; i = (i + 1) & mask) {
            int s = ix[i];
            if (s == 0) {
                break;
            }
            int other = (s & ~high) - 1;
            if ((s & high) == tag) {
                if (hash(es[other << 1]) == h
                        && sameHashCount < TREEIFY_THRESHOLD) {
                    if (sameHash == null) {
                        sameHash = new int[TREEIFY_THRESHOLD];
                    }
                    sameHash[sameHashCount++] = i;
                }
            } else if (isGroupWithTag(s, high, tag)
                    && hash(es[other << 1]) == h) {
                ix[i] = GROUP | tag | (trees.insert(other, e, es) + 1);
                return;
            }
        }
        if (sameHashCount < TREEIFY_THRESHOLD) {
            ix[i] = tag | (e + 1);
            return;
        }
        if (trees == null) {
            trees = new CollisionTree(entries.length >> 1);
        }
        int root = CollisionTree.NIL;
        for (int slot : sameHash) {
            root = trees.insert(root, (ix[slot] & ~high) - 1, es);
        }
        root = trees.insert(root, e, es);
        for (int slot : sameHash) {
            ix[slot] = DELETED;
        }
        ix[sameHash[0]] = GROUP | tag | (root + 1);
    }

    /** Removes entry {@code e}, with hash {@code h}, from the index. */
    private void unlink(int e, int h) {
        int[] ix = index;
        Object[] es = entries;
        int bits = indexBits;
        int m = mix(h);
        int tag = tagOf(m, bits);
        int high = -1 << bits;
        int mask = ix.length - 1;
        for (int i = m >>> -bits; ix[i] != 0; i = (i + 1) & mask) {
            int s = ix[i];
            if (s > 0 && (s & ~high) == e + 1) {
                ix[i] = DELETED;
                return;
            }
            if (isGroupWithTag(s, high, tag)) {
                int root = (s & ~high) - 1;
                if (hash(es[root << 1]) == h) {
                    int newRoot = trees.remove(root, e, es);
                    ix[i] = newRoot == CollisionTree.NIL ? DELETED : GROUP | tag | (newRoot + 1);
                    return;
                }
            }
        }
        // The key's hash code changed while it was in the table. HashMap then loses the entry;
        // a full scan removes it anyway and keeps the index consistent.
        for (int i = 0; i < ix.length; i++) {
            int s = ix[i];
            if (s > 0 && (s & ~high) == e + 1) {
                ix[i] = DELETED;
                return;
            }
        }
        throw new ConcurrentModificationException("a key's hashCode changed while it was in the table");
    }

    /**
     * Gives the handle a buffer of {@code capacity} entries. While no entry has been removed and
     * the index keeps its length, only the entries array grows: entry numbers, slots and trees
     * stay valid, so no key is hashed or placed again, and a table filled by {@code put} re-places
     * its entries at about half of its growths. {@code shared} says the old buffer belongs to
     * other handles too, so the index must be copied rather than kept.
     */
    private void grow(int capacity, boolean shared) {
        if (used != size || indexLengthFor(capacity) != index.length) {
            rebuild(capacity);
            return;
        }
        copyArrays(capacity, shared);
    }

    /**
     * Copies the entries and the trees into arrays for {@code capacity} entries, keeping every
     * entry number, and the index too when {@code copyIndex} says it is shared. Every array is
     * allocated before the first field changes: an {@code OutOfMemoryError} in one of them
     * leaves the handle as it was, never with trees shorter than its entries.
     */
    private void copyArrays(int capacity, boolean copyIndex) {
        Object[] es = Arrays.copyOf(entries, capacity << 1);
        int[] ix = copyIndex ? index.clone() : index;
        CollisionTree copiedTrees = trees == null ? null : trees.copy(capacity);
        entries = es;
        index = ix;
        trees = copiedTrees;
    }

    /**
     * Replaces the buffer with new arrays of {@code capacity} entries holding the live entries in
     * order, without tombstones, and a new index. It only reads the old arrays, so it serves a
     * detach too. Keys' {@code hashCode} and {@code compareTo} run here; if one throws, the
     * handle keeps its old buffer untouched.
     */
    private void rebuild(int capacity) {
        Object[] oldEntries = entries;
        int[] oldIndex = index;
        int oldBits = indexBits;
        int oldUsed = used;
        int oldLiveFrom = liveFrom;
        CollisionTree oldTrees = trees;
        int live = size;
        Object[] fresh;
        if (oldUsed == live) {
            fresh = Arrays.copyOf(oldEntries, capacity << 1);
        } else {
            // Tombstones come in runs (the eviction idiom leaves one long run at the front), so
            // the live entries between two runs move with one arraycopy.
            fresh = new Object[capacity << 1];
            int q = 0;
            for (int p = nextLive(oldLiveFrom), end = oldUsed << 1; p < end; ) {
                int liveEnd = p + 2;
                while (liveEnd < end && oldEntries[liveEnd] != REMOVED) {
                    liveEnd += 2;
                }
                System.arraycopy(oldEntries, p, fresh, q, liveEnd - p);
                q += liveEnd - p;
                p = nextLive(liveEnd);
            }
        }
        try {
            // Entries move, so positions held by iterators, or found by a probe before a
            // callback, are stale: that is a structural change even when no key changes.
            modCount++;
            entries = fresh;
            index = new int[indexLengthFor(capacity)];
            indexBits = Integer.numberOfTrailingZeros(index.length);
            rebuilds++;
            used = live;
            liveFrom = 0;
            trees = null;
            if (oldTrees == null) {
                placeUngrouped(live);
            } else {
                for (int e = 0; e < live; e++) {
                    place(e, hash(fresh[e << 1]));
                }
            }
        } catch (RuntimeException | Error failure) {
            entries = oldEntries;
            index = oldIndex;
            indexBits = oldBits;
            rebuilds--;
            used = oldUsed;
            liveFrom = oldLiveFrom;
            trees = oldTrees;
            modCount--;
            throw failure;
        }
    }

    /**
     * Links the first {@code count} entries into an empty index when the old buffer had no
     * collision group, so that no hash has more than {@link #TREEIFY_THRESHOLD} keys and none
     * can start a group: each entry takes the first empty slot from its home. Unlike
     * {@link #place}, it never hashes the keys already placed to count those of its own hash.
     */
    private void placeUngrouped(int count) {
        int[] ix = index;
        Object[] es = entries;
        int bits = indexBits;
        int mask = ix.length - 1;
        for (int e = 0; e < count; e++) {
            int m = mix(hash(es[e << 1]));
            int i = m >>> -bits;
            while (ix[i] != 0) {
                i = (i + 1) & mask;
            }
            ix[i] = tagOf(m, bits) | (e + 1);
        }
    }

    /**
     * The capacity of a buffer that holds the live entries and {@code room} more. A table with a
     * capacity of 9 to 11 and no tombstones, as {@code new CowMap<>(n)}, {@code CowMap.ofEntries},
     * {@code CowSet.of} and deserialization size one exactly, grows to
     * {@link #SMALL_INDEX_CAPACITY} rather than by half: its 16-slot index then
     * keeps its length, so the growth copies it instead of placing every key again. With
     * tombstones the growth rebuilds anyway, and is left at half so that a compaction frees a
     * quarter and the eviction idiom does not rebuild every few puts.
     */
    private int capacityFor(int room) {
        int capacity = entries.length >> 1;
        int needed = checkedCapacity((long) size + room);
        if (needed <= capacity - (capacity >> 2)) {
            return capacity;
        }
        if (capacity == 0) {
            return Math.max(DEFAULT_CAPACITY, needed);
        }
        int grown = Math.max(needed, Math.min(MAX_CAPACITY, ArrayGrowth.grow(capacity, Math.max(1, needed - capacity))));
        if (used == size && needed <= SMALL_INDEX_CAPACITY && grown > SMALL_INDEX_CAPACITY) {
            return SMALL_INDEX_CAPACITY;
        }
        return grown;
    }

    private static int checkedCapacity(long capacity) {
        if (capacity > MAX_CAPACITY) {
            throw new OutOfMemoryError("Required table capacity " + capacity + " is too large (at most "
                    + MAX_CAPACITY + " entries)");
        }
        return (int) capacity;
    }

    /**
     * The smallest power of two that keeps an index for {@code capacity} entries at most five
     * eighths full, or three quarters up to {@link #SMALL_INDEX_CAPACITY} entries.
     */
    private static int indexLengthFor(int capacity) {
        long c = checkedCapacity(capacity);
        long minLength = c <= SMALL_INDEX_CAPACITY ? (c * 4 + 2) / 3 : (c * 8 + 4) / 5;
        return (int) Math.max(2, Long.highestOneBit(minLength - 1) << 1);
    }

    // Reads

    /**
     * The position of the first live entry, or {@code 2 * used}: where iteration starts. It
     * scans from the end of the tombstones it found last time, so removing the eldest entry
     * {@code n} times costs O(n) in all, as in {@code LinkedHashMap}, instead of O(n^2).
     *
     * <p>So a read writes a field of its handle. That is safe even where a reader races a
     * {@code copy()} of the same handle: an {@code int} is written whole, and every value written
     * is a true lower bound for the buffer both see.
     */
    final int firstLive() {
        int p = nextLive(liveFrom);
        liveFrom = p;
        return p;
    }

    /** The position of the first live entry at or after position {@code p}, or {@code 2 * used}. */
    final int nextLive(int p) {
        Object[] es = entries;
        int end = used << 1;
        while (p < end && es[p] == REMOVED) {
            p += 2;
        }
        return p;
    }

    /** Whether some live entry has {@code value}. */
    final boolean containsValueSlot(Object value) {
        Object[] es = entries;
        for (int p = 0, end = used << 1; p < end; p += 2) {
            if (es[p] != REMOVED && (value == es[p + 1] || (value != null && value.equals(es[p + 1])))) {
                return true;
            }
        }
        return false;
    }

    /** Whether this handle shares its entries with {@code other}, so their contents are equal. */
    final boolean sameBufferAs(CompactHashTable other) {
        return entries == other.entries;
    }

    final void checkForComodification(int expectedModCount) {
        if (modCount != expectedModCount) {
            throw new ConcurrentModificationException();
        }
    }

    // Serialization support

    /**
     * Validates a count read from a stream: {@code 0} to {@link #MAX_CAPACITY}.
     *
     * @throws InvalidObjectException if it is out of range
     */
    static int checkSerialCount(int count, String what) throws InvalidObjectException {
        if (count < 0 || count > MAX_CAPACITY) {
            throw new InvalidObjectException(what + " count: " + count + " (expected: 0 to " + MAX_CAPACITY + ")");
        }
        return count;
    }

    /** A private buffer for a deserialized table: sized by what has arrived, never by the stream's claim. */
    final void startDeserializedTable(int count) {
        pointAtEmpty();
        if (count > 0) {
            allocate(Math.min(count, FIRST_READ_CAPACITY));
        }
    }

    /**
     * Adds an entry read from a stream, growing by what has arrived.
     *
     * @throws InvalidObjectException if the key is already present: no table writes a key twice
     */
    final void insertDeserialized(Object key, Object value, int count) throws InvalidObjectException {
        int h = hash(key);
        if (probe(key, h) >= 0) {
            throw new InvalidObjectException("duplicate key in stream: " + key);
        }
        if (used == entries.length >> 1) {
            grow((int) Math.min(count, 2L * used), false);
        }
        appendAndPlace(key, h, value);
    }

    /**
     * Iterates the live entries in insertion order, failing fast on a structural change made
     * other than through itself. It reads the handle's current buffer at every step, because a
     * removal through it may detach the handle, which keeps positions.
     */
    abstract class Cursor<T> implements Iterator<T> {
        private int next = firstLive();
        private int lastReturned = -1;
        private int expectedModCount = modCount;

        /** The element for the entry at position {@code p} of {@code entries}. */
        abstract T element(int p);

        @Override
        public final boolean hasNext() {
            return next < used << 1;
        }

        @Override
        public final T next() {
            if (modCount != expectedModCount) {
                throw new ConcurrentModificationException();
            }
            int p = next;
            if (p >= used << 1) {
                throw new NoSuchElementException();
            }
            lastReturned = p;
            next = nextLive(p + 2);
            return element(p);
        }

        @Override
        public final void remove() {
            if (lastReturned < 0) {
                throw new IllegalStateException();
            }
            if (modCount != expectedModCount) {
                throw new ConcurrentModificationException();
            }
            removeAt(lastReturned);
            lastReturned = -1;
            expectedModCount = modCount;
        }
    }
}
