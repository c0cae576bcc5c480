package dev.cowcollections;

import java.io.InvalidObjectException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.List;
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
 * hold a tag of {@code 30 - bits} more hash bits over a lowest bit that is always set, so that no
 * tag is zero and neither an empty slot nor a {@code DELETED} one ever holds a key's tag, and
 * the sign bit marks a collision group.
 * {@code 0} is an empty slot; {@link #DELETED}, the sign bit alone, is a slot whose entry was
 * removed: probing walks over it, so probe sequences never break, and a new key takes the first
 * one on its path, so keys that come and go do not lengthen the paths. A removal that leaves a
 * slot just before an empty one empties it instead, with the {@code DELETED} slots before it
 * ({@link #release}), and a removal that leaves the newest entry a tombstone gives the
 * tombstones at the end of the entries back ({@link #trimRemovedTail()}), so that keys that
 * come and go need no rebuild. A probe compares tags before it touches an entry, so a miss
 * usually reads nothing but the index, and a hit reads the index slot, the entry and the key,
 * as {@code HashMap} reads its table slot, node and key.
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
 * <p>Pages. A table whose capacity exceeds {@link PageDirectory#pagedAbove()} entries (4 096, the
 * list's threshold; then a flat detach copies 32 KiB of entries and 32 to 64 KiB of index) keeps
 * the same layout in pages: its entries in a {@link PageDirectory} of 512-reference pages, which
 * is the table's count ({@code refCount}), so a key and its value always share a page; its index
 * in {@link IndexPages} of 512 slots. {@code entries} and {@code index} then hold empty
 * sentinels, and every read goes through {@link #rawKey}, {@link #rawValue} and the slot
 * accessors; {@link #probe} keeps a flat loop and a paged one, so that the flat one stays as
 * small as it was. Probing runs across index pages as over one array, and entry numbers are
 * global, so the slot format, the tags, the collision trees and the cursors are the same in both
 * layouts. A detach copies the two directories and no page ({@link #detachPages()}); each write
 * then copies the pages it writes, as the owned-page rules of {@link PageDirectory} say, and a
 * new entry adds a page at the end when the last one is full. The index never grows in place:
 * when the entries outgrow it, the table rebuilds, into pages or, once the capacity it needs is
 * at or below the threshold, back into one array. The collision trees are not paged: they are
 * copied whole by the first write after a copy, which only maps whose hash codes collide in
 * groups of nine or more pay. Page sizes: with 512 of each, a snapshot plus one put of a new key
 * in a map of 100 000 entries retains 8 096 bytes by JOL ({@code CowMapFootprintTest}: the two
 * directories, of 391 entry pages and 512 index pages, a page of each and the handle), under
 * the 8 KiB aimed at; 1 024-slot index pages would halve the index directory and double its
 * page, 1 KiB more, and 256-reference entry pages would double the entries' directory.
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

    /** The {@code entries} of every paged table, whose entries live in its {@link PageDirectory}. */
    private static final Object[] PAGED_ENTRIES = {};

    /** The {@code index} of every paged table, whose slots live in its {@link IndexPages}: empty, so never read. */
    private static final int[] PAGED_INDEX = {};

    /** The index of every table without a buffer of its own; immortal, so never written. */
    private static final int[] EMPTY_INDEX = new int[2];

    /**
     * Offsets every hash before it is spread; drawn once per JVM, from the JDK's seed generator
     * (a {@code SecureRandom} when {@code java.util.secureRandomSeed} is {@code true}).
     */
    private static final int HASH_SEED = ThreadLocalRandom.current().nextInt();

    Object[] entries;
    int[] index;
    /** The index of a paged table, whose {@code refCount} is the {@link PageDirectory} of its entries; null when flat. */
    IndexPages indexPages;
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
    /**
     * At least the number of {@link #DELETED} slots in the index. With {@link #size} it bounds
     * the slots in use, which {@link #trimRemovedTail()} needs to keep every probe ending at an
     * empty slot.
     */
    int deletedSlots;
    /**
     * Whether entry views that find their mapping by position ({@link CowMap}'s entries) may have
     * been made, or have found their key again, since the last rebuild. While they may,
     * {@link #trimRemovedTail()} gives no position back: a view whose key was removed would take
     * the same key put back in its old position for its own mapping. Set by reads (an entry
     * iterator), so readers that race on a shared handle may write it: a {@code boolean} is
     * written whole, and every reader writes {@code true}.
     */
    boolean entryViewsOut;
    /** Counts {@link #clearTable()} calls: an entry view made before a clear stays detached for good. */
    int clears;
    CollisionTree trees;
    RefCount refCount;
    boolean knownUnique;
    int modCount;

    /**
     * Counts the changes that may have put another array in place of one holding this handle's
     * entries: every new entries array or directory (a detach, a growth, a rebuild, a clear),
     * and every write to a paged entry, which copies the page when it is not owned. Some of them
     * change no structure ({@link #modCount}): a detach for a replaced value, a growth made room
     * for by {@code putAll} of keys already present. A loop or a view that holds a run (the flat
     * entries, or one page) reads it again when this count has moved, and with {@code modCount}
     * it says that a position still holds the key it held. It is one {@code int} compare, where
     * the layout's own test (a detach changes {@link #refCount}, a page copy bumps
     * {@link PageDirectory#pageSwaps}) takes two loads, a branch and a cast.
     */
    int runMoves;

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
        runMoves++;
        entries = EMPTY_ENTRIES;
        index = EMPTY_INDEX;
        indexPages = null;
        indexBits = 1;
        used = 0;
        size = 0;
        liveFrom = 0;
        deletedSlots = 0;
        entryViewsOut = false;
        trees = null;
        refCount = RefCount.IMMORTAL;
        knownUnique = false;
    }

    private void allocate(int capacity) {
        if (!pagedFor(capacity)) {
            allocateFlat(capacity);
            return;
        }
        runMoves++;
        int indexLength = indexLengthFor(capacity);
        entries = PAGED_ENTRIES;
        index = PAGED_INDEX;
        indexPages = IndexPages.allocate(indexLength, IndexPages.pageShift());
        refCount = PageDirectory.allocate(0, capacityOf(indexLength) << 1);
        indexBits = Integer.numberOfTrailingZeros(indexLength);
        knownUnique = true;
    }

    /** {@link #allocate} in the flat layout, whatever the capacity. */
    private void allocateFlat(int capacity) {
        runMoves++;
        int indexLength = indexLengthFor(capacity);
        entries = new Object[capacity << 1];
        index = new int[indexLength];
        indexPages = null;
        refCount = new RefCount();
        indexBits = Integer.numberOfTrailingZeros(indexLength);
        knownUnique = true;
    }

    /**
     * Starts filling a new, empty handle (the shared empty buffer) with {@code count} entries in
     * a row, as {@code putAll} and the copy constructor do, in a flat buffer even when
     * {@code count} calls for pages; {@link #pageFlatBuild()} pages it afterwards. Returns false,
     * changing nothing, when the handle is not new or {@code count} fits the flat layout anyway.
     *
     * <p>Every insertion into a paged table probes and writes through the directories: copying
     * a {@code HashMap} of 100 000 entries into a table forced flat took 0.78 (random
     * {@code Integer}s) and 0.99 (UUIDs) × {@code HashMap}'s time, into a paged one 1.35 [1.14,
     * 1.61] and 1.43 [1.24, 1.65] × the flat one's (one selection, 2026-12-08). Paging the
     * finished table copies each array once, page by page: built this way the paged copy took
     * 0.764 [0.599, 0.974] and 0.868 [0.683, 1.10] × {@code HashMap}'s time, 0.852 and 1.09 × the
     * flat one's, in the same scratch benchmark. The price is the flat arrays, garbage once
     * paged: 3.7 MB allocated for the copy instead of 1.9 ({@code HashMap}: 4.2), the same
     * retained.
     */
    final boolean startFlatBuild(int count) {
        if (entries != EMPTY_ENTRIES || !pagedFor(count)) {
            return false;
        }
        allocateFlat(checkedCapacity(count));
        return true;
    }

    /**
     * Ends a {@link #startFlatBuild}: moves the entries and the index into pages, keeping every
     * entry number, slot and collision tree (copied for the paged capacity), when the capacity
     * calls for pages. A table that a callback shared meanwhile, or that holds tombstones (a
     * callback removed keys) stays flat, which every operation handles; its next growth pages
     * it. For a moment the flat arrays and the pages are both alive, about twice the table.
     */
    final void pageFlatBuild() {
        if (indexPages != null || !pagedFor(capacity()) || used != size || !isUnique()) {
            return;
        }
        int indexLength = index.length;
        CollisionTree pagedTrees = trees == null ? null : trees.copy(capacityOf(indexLength));
        PageDirectory pagedEntries = PageDirectory.allocate(used << 1, capacityOf(indexLength) << 1);
        pagedEntries.copyIn(entries, 0, 0, used << 1);
        IndexPages pagedIndex = IndexPages.allocate(indexLength, IndexPages.pageShift());
        pagedIndex.copyIn(index);
        runMoves++;
        entries = PAGED_ENTRIES;
        index = PAGED_INDEX;
        indexPages = pagedIndex;
        refCount = pagedEntries;
        trees = pagedTrees;
    }

    // Layouts

    /** Whether a table of {@code capacity} entries is paged: above {@link PageDirectory#pagedAbove()}. */
    private static boolean pagedFor(int capacity) {
        return capacity > PageDirectory.pagedAbove();
    }

    /** Whether the entries and the index are paged. */
    final boolean isPaged() {
        return indexPages != null;
    }

    /** The entries of a paged table; its directory is its count. */
    private PageDirectory entryPages() {
        return (PageDirectory) refCount;
    }

    /** The number of entries the table holds before it must grow. */
    final int capacity() {
        IndexPages paged = indexPages;
        return paged == null ? entries.length >> 1 : capacityOf(paged.length());
    }

    /** The most entries an index of {@code length} slots holds: the inverse of {@link #indexLengthFor}. */
    private static int capacityOf(int length) {
        return length <= SMALL_INDEX_LENGTH ? length / 4 * 3 + (length == 2 ? 1 : 0) : length / 8 * 5;
    }

    /** The key at entry position {@code p}, or {@link #REMOVED}. */
    final Object rawKey(int p) {
        Object[] es = entries;
        return es != PAGED_ENTRIES ? es[p] : entryPages().get(p);
    }

    /** The value at entry position {@code p} (the position of its key). */
    final Object rawValue(int p) {
        Object[] es = entries;
        return es != PAGED_ENTRIES ? es[p + 1] : entryPages().get(p + 1);
    }

    /**
     * Writes {@code ref} at position {@code q} of the entries of a private buffer, copying its
     * page first when paged and not owned.
     */
    private void writeEntries(int q, Object ref) {
        Object[] es = entries;
        if (es != PAGED_ENTRIES) {
            es[q] = ref;
        } else {
            PageDirectory pages = entryPages();
            runMoves++;
            pages.writablePage(q >>> pages.pageShift, CowMap.class)[q & pages.pageMask] = ref;
        }
    }

    /** Writes a new entry {@code e} of a private buffer with room for it, adding a page when paged and needed. */
    private void writeEntry(int e, Object key, Object value) {
        int p = e << 1;
        Object[] es = entries;
        if (es != PAGED_ENTRIES) {
            es[p] = key;
            es[p + 1] = value;
            return;
        }
        PageDirectory pages = entryPages();
        int page = p >>> pages.pageShift;
        if (page >= pages.pages.length || pages.pages[page] == null) {
            pages.addPages(page, page + 1);
        }
        runMoves++;
        Object[] target = pages.writablePage(page, CowMap.class);
        int offset = p & pages.pageMask;
        target[offset] = key;
        target[offset + 1] = value;
    }

    private int slotAt(int i) {
        IndexPages paged = indexPages;
        return paged == null ? index[i] : paged.get(i);
    }

    /** Writes index slot {@code i} of a private buffer, copying its page first when paged and not owned. */
    private void setSlot(int i, int slot) {
        IndexPages paged = indexPages;
        if (paged == null) {
            index[i] = slot;
        } else {
            paged.set(i, slot, CowMap.class, refCount);
        }
    }

    private int indexLength() {
        IndexPages paged = indexPages;
        return paged == null ? index.length : paged.length();
    }

    // Sharing

    /**
     * Whether the buffer may be shared with another handle; the immortal empty buffer always is.
     * A paged table's pages may stay shared after its directory is unique again (SPEC rule 7),
     * until it has written each of them.
     */
    final boolean isSharedBuffer() {
        if (indexPages != null) {
            PageDirectory pages = entryPages();
            return !knownUnique || !pages.ownsPages(pages.pageCount(used << 1)) || !indexPages.ownsAll();
        }
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
        indexPages = source.indexPages;
        indexBits = source.indexBits;
        rebuilds++;
        runMoves++;
        used = source.used;
        size = source.size;
        liveFrom = source.liveFrom;
        deletedSlots = source.deletedSlots;
        trees = source.trees;
        refCount = count;
        knownUnique = false;
    }

    /**
     * Moves the private buffer of {@code source}, a handle about to be dropped, into this
     * handle: a new one, or one whose entries it reordered ({@code putFirst}). That moves every
     * entry, as a rebuild does, so it counts as one, and as a move of the runs: an entry view of
     * this handle made before then looks its key up again.
     */
    final void takeBufferOf(CompactHashTable source) {
        entries = source.entries;
        index = source.index;
        indexPages = source.indexPages;
        indexBits = source.indexBits;
        rebuilds++;
        runMoves++;
        used = source.used;
        size = source.size;
        liveFrom = source.liveFrom;
        deletedSlots = source.deletedSlots;
        trees = source.trees;
        refCount = source.refCount;
        knownUnique = source.knownUnique;
    }

    /**
     * Whether this handle may write its buffer in place. A paged handle that finds itself the
     * only holder after it was not known to be disowns every page (rule 3 of
     * {@link PageDirectory}): a sibling may have taken the page references while it held a share.
     */
    final boolean isUnique() {
        if (knownUnique) {
            return true;
        }
        if (!refCount.isUniqueAcquire()) {
            return false;
        }
        knownUnique = true;
        if (indexPages != null) {
            entryPages().disownAll();
            indexPages.disownAll();
        }
        return true;
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
        } else if (room > capacity() - used) {
            grow(capacityFor(room), false);
        }
    }

    /**
     * Gives this handle a private buffer holding its entries with room for {@code room} more,
     * then gives back the share of the old one, which it has finished reading.
     */
    private void detach(int room) {
        RefCount oldCount = refCount;
        boolean fits = used + room <= capacity();
        if (indexPages != null && fits) {
            detachPages();
        } else {
            CopyEvents.detached(CowMap.class, CopyEvents.BUFFER, refCount, size, CopyEvents.referenceBytes(2L * used) + (index == EMPTY_INDEX ? 0 : 4L * indexLength()));
            if (fits) {
                copyArrays(entries.length >> 1, true);
            } else {
                grow(capacityFor(room), true);
            }
        }
        if (refCount == oldCount) {
            refCount = new RefCount();
        }
        knownUnique = true;
        oldCount.release();
    }

    /**
     * Detaches a paged handle: directories over the same entry and index pages, owning none of
     * them, so that each write copies the pages it writes; O(n / page). Collision trees, where a
     * hash has more than {@link #TREEIFY_THRESHOLD} keys, are copied whole.
     */
    private void detachPages() {
        PageDirectory shared = entryPages();
        int pageCount = shared.pageCount(used << 1);
        PageDirectory fresh = shared.detachedCopy(pageCount, pageCount);
        IndexPages freshIndex = indexPages.detachedCopy();
        CollisionTree copiedTrees = trees == null ? null : trees.copy(capacity());
        CopyEvents.detached(CowMap.class, CopyEvents.PAGES, shared, 0,
                CopyEvents.referenceBytes(pageCount + freshIndex.pages.length));
        runMoves++;
        refCount = fresh;
        indexPages = freshIndex;
        trees = copiedTrees;
    }

    /** Empties the table: in place when the buffer is private, by giving the share back otherwise. */
    final void clearTable() {
        clears++;
        runMoves++;
        if (isUnique()) {
            if (indexPages == null) {
                Arrays.fill(entries, 0, used << 1, null);
                Arrays.fill(index, 0);
            } else {
                // A paged table starts again as a new one of the default capacity, with a count
                // of its own: emptying its pages would cost O(n), for room it may never fill again.
                allocate(DEFAULT_CAPACITY);
            }
            used = 0;
            size = 0;
            liveFrom = 0;
            deletedSlots = 0;
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

    /**
     * The tag bits of a slot for mixed hash {@code m}: the low {@code 30 - bits} bits of {@code m}
     * above a set bit, above the entry bits. The set bit keeps every tag from zero: a home slot's
     * tag is compared before its emptiness, and a zero tag, one key in 2<sup>18</sup> at 8 192
     * slots, matched an empty home slot, whose entry number {@code -1} then read out of bounds.
     */
    private static int tagOf(int m, int bits) {
        return (m << bits | 1 << bits) & Integer.MAX_VALUE;
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
        IndexPages paged = indexPages;
        if (paged != null) {
            return probePaged(paged, key, h);
        }
        return probeFlat(key, h, mix(h) >>> -indexBits);
    }

    /** {@link #probe} over a flat index: the walk slot by slot from slot {@code i}, the key's home slot. */
    private int probeFlat(Object key, int h, int i) {
        int[] ix = index;
        Object[] es = entries;
        int bits = indexBits;
        int tag = tagOf(mix(h), bits);
        int high = -1 << bits;
        int mask = ix.length - 1;
        int collisions = 0;
        for (; ; i = (i + 1) & mask) {
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
     * {@link #probe} over a paged index and paged entries: the same walk, reading the index page
     * by page (a directory load when the probe enters a page) and each key it compares through
     * the entries' directory.
     */
    private int probePaged(IndexPages ix, Object key, int h) {
        PageDirectory es = entryPages();
        Object[][] entryPages = es.pages;
        int entryShift = es.pageShift;
        int entryMask = es.pageMask;
        int[][] slotPages = ix.pages;
        int slotShift = ix.pageShift;
        int slotMask = ix.pageMask;
        int bits = indexBits;
        int m = mix(h);
        int tag = tagOf(m, bits);
        int high = -1 << bits;
        int mask = (slotPages.length << slotShift) - 1;
        int collisions = 0;
        int i = m >>> -bits;
        int[] page = slotPages[i >>> slotShift];
        for (; ; ) {
            int s = page[i & slotMask];
            if (s == 0) {
                return collisions < TREEIFY_THRESHOLD ? ~i : ~(i | SLOW_INSERT);
            }
            if ((s & high) == tag) {
                int p = ((s & ~high) - 1) << 1;
                Object k = entryPages[p >>> entryShift][p & entryMask];
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
            i = (i + 1) & mask;
            if ((i & slotMask) == 0) {
                page = slotPages[i >>> slotShift];
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
        if (hash(rawKey(root << 1)) != h) {
            return PROBE_ON;
        }
        int found = trees.find(root, key, this);
        return found != CollisionTree.NIL ? found << 1 : ~(slot | SLOW_INSERT);
    }

    /**
     * {@link #probe} for a read: the entry position, or {@code -1}. A key whose home slot holds
     * its tag is compared at once, as most hits are; otherwise {@link #findNearHome} looks at the
     * next slots.
     */
    final int find(Object key) {
        int h = hash(key);
        if (indexPages == null) {
            int bits = indexBits;
            int m = mix(h);
            int tag = tagOf(m, bits);
            int high = -1 << bits;
            int home = m >>> -bits;
            int s = index[home];
            if ((s & high) != tag) {
                return findNearHome(key, h, home, tag, high);
            }
            int p = ((s & ~high) - 1) << 1;
            Object k = entries[p];
            if (k == key || (key != null && key.equals(k))) {
                return p;
            }
        }
        int r = probe(key, h);
        return r >= 0 ? r : -1;
    }

    /**
     * {@link #find} past a home slot that does not hold the key's tag. It reads the four slots from
     * the home slot and tests them together, with arithmetic on their sign bits instead of a
     * branch per slot: which hold the key's tag (candidates: a direct slot or a collision group)
     * and which are empty. With no candidate and an empty slot the key is absent; otherwise the
     * first later candidate is usually the key. Only what the four slots do not settle (a
     * candidate that is not the key, a group, four full slots, a home slot near the end of the
     * index) walks slot by slot.
     *
     * <p>The walk branches on every slot, empty or not, and in an index about half full that
     * branch goes either way. With {@code MapReadBenchmark}'s lookups at 1 000 entries (2 048
     * slots), misses read, before and after this test, 1.63 [1.59, 1.67] and 0.936 [0.812, 1.08]
     * × {@code HashMap} with random {@code Integer} keys, and 2.18 [1.54, 3.09] and 1.14 [0.944,
     * 1.38] with UUIDs; hits did not move (random {@code Integer}s 0.949 and 1.01). It costs where
     * the walk's branches were predicted: sequential {@code Integer} keys, whose misses (we
     * reason, not measured) all find their home slot empty, read 1.32 [0.976, 1.79] and 1.94
     * [1.41, 2.68] (4.2 and 6.1 µs a batch of 1 024). One selection each way, {@code -p size=10,1000 MapReadBenchmark},
     * 2026-12-07.
     */
    private int findNearHome(Object key, int h, int home, int tag, int high) {
        int[] ix = index;
        if (home < ix.length - 3) {
            int tagBits = high & Integer.MAX_VALUE;
            int s0 = ix[home];
            int s1 = ix[home + 1];
            int s2 = ix[home + 2];
            int s3 = ix[home + 3];
            int c0 = ((s0 & tagBits) ^ tag) - 1;
            int c1 = ((s1 & tagBits) ^ tag) - 1;
            int c2 = ((s2 & tagBits) ^ tag) - 1;
            int c3 = ((s3 & tagBits) ^ tag) - 1;
            if ((c0 | c1 | c2 | c3) >= 0) {
                if (((s0 - 1) & ~s0 | (s1 - 1) & ~s1 | (s2 - 1) & ~s2 | (s3 - 1) & ~s3) < 0) {
                    return -1;
                }
            } else {
                int later = c1 >>> 31 | (c2 >>> 31) << 1 | (c3 >>> 31) << 2;
                int s = later == 0 ? 0 : ix[home + 1 + Integer.numberOfTrailingZeros(later)];
                if (s > 0) {
                    int p = ((s & ~high) - 1) << 1;
                    Object k = entries[p];
                    if (k == key || (key != null && key.equals(k))) {
                        return p;
                    }
                }
            }
        }
        int r = probeFlat(key, h, home);
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
            int free = firstFreeSlot(slot, h);
            Object[] es = entries;
            es[e << 1] = key;
            es[(e << 1) + 1] = value;
            int bits = indexBits;
            index[free] = tagOf(mix(h), bits) | (e + 1);
            if (free != slot) {
                deletedSlots--;
            }
            used = e + 1;
            size++;
        } else if (knownUnique && slot < SLOW_INSERT && indexPages != null && e < capacity()) {
            int free = firstFreeSlot(slot, h);
            writeEntry(e, key, value);
            setSlot(free, tagOf(mix(h), indexBits) | (e + 1));
            if (free != slot) {
                deletedSlots--;
            }
            used = e + 1;
            size++;
        } else {
            makeRoomFor(1);
            appendAndPlace(key, h, value);
        }
        modCount++;
    }

    /**
     * The slot a new key of hash {@code h} takes, given the empty slot {@code empty} where its
     * probe ended: the first {@link #DELETED} slot on the way there, or {@code empty}; the caller
     * counts a {@code DELETED} slot reused once it has written it, so that a page copy that fails
     * on the way leaves the count true. Without
     * this, every put and removal of the same key left one more {@code DELETED} slot on that
     * key's probe path until the next rebuild, so keys that come and go (a set of requests in
     * flight, a cache's churn) probed longer with every round: 1 024 puts and removals of the
     * same keys in a map of 1 000 000 took 4 to 27 ms a round instead of tens of microseconds.
     * Reusing the slot keeps every path connected: it was occupied before, and is again. The
     * probe does not note the slot itself because lookups share it, and the walk again is over
     * a path the probe has just brought into the cache.
     *
     * <p>With no {@code DELETED} slot in the index, as in a map only ever put into whose keys
     * never formed a collision group (forming one leaves seven, counted), there is nothing to
     * find, and the walk is skipped: {@link #deletedSlots} is never below the true count. The
     * walk read the probe's slots again, through the directory when the index is paged.
     * Building a map of 1 000 entries sized in advance read, before and after, 0.857 [0.830,
     * 0.886] and 0.759 [0.652, 0.883] × a sized {@code HashMap} with random {@code Integer} keys,
     * and 1.08 [0.823, 1.43] and 0.939 [0.889, 0.993] with UUIDs (a scratch benchmark, not kept);
     * {@code putAll} of a {@code HashMap} of 100 000 random {@code Integer}s
     * ({@code MapBulkBenchmark}, polluted regime) 1.67 [1.12, 2.48] and 0.923 [0.772, 1.10]; the
     * other rows at 100 000 were too wide to tell. One selection each way, 2026-12-07.
     */
    private int firstFreeSlot(int empty, int h) {
        if (deletedSlots == 0) {
            return empty;
        }
        int mask = indexLength() - 1;
        for (int i = mix(h) >>> -indexBits; i != empty; i = (i + 1) & mask) {
            if (slotAt(i) == DELETED) {
                return i;
            }
        }
        return empty;
    }

    /**
     * Appends an entry and links it into the index. Linking may call keys' {@code hashCode} and
     * {@code compareTo}; {@link #place} changes the index only after the last of those calls, so
     * if one throws, taking the entry back leaves the table as it was.
     */
    private void appendAndPlace(Object key, int h, Object value) {
        int e = used;
        writeEntry(e, key, value);
        used = e + 1;
        size++;
        try {
            place(e, h);
        } catch (RuntimeException | Error failure) {
            writeEntries(e << 1, null);
            writeEntries((e << 1) + 1, null);
            used = e;
            size--;
            throw failure;
        }
    }

    /** Replaces the value at entry position {@code p}; the same reference changes nothing and never detaches. */
    final void setValueAt(int p, Object value) {
        if (rawValue(p) != value) {
            makeWritable();
            writeEntries(p + 1, value);
        }
    }

    /** Removes the entry at position {@code p}, detaching first if the buffer is shared, and counts the change. */
    final void removeAt(int p) {
        makeWritable();
        unlink(p >> 1, hash(rawKey(p)));
        writeEntries(p, REMOVED);
        writeEntries(p + 1, null);
        size--;
        modCount++;
        if (!entryViewsOut && rawKey((used - 1) << 1) == REMOVED) {
            trimRemovedTail();
        }
    }

    /**
     * Links entry {@code e}, with hash {@code h}, into the index: into its group if the hash has
     * one, into a new group if it is the ninth key of its hash, otherwise into the first
     * {@link #DELETED} slot on its path, or the empty slot that ends it. Every call of keys'
     * {@code hashCode} and {@code compareTo} comes before the first change to the index, and a
     * tree insertion that throws leaves its tree as it was.
     */
    private void place(int e, int h) {
        int bits = indexBits;
        int m = mix(h);
        int tag = tagOf(m, bits);
        int high = -1 << bits;
        int mask = indexLength() - 1;
        int[] sameHash = null;
        int sameHashCount = 0;
        int free = -1;
        int i = m >>> -bits;
        for (; ; i = (i + 1) & mask) {
            int s = slotAt(i);
            if (s == 0) {
                break;
            }
            if (s == DELETED) {
                if (free < 0) {
                    free = i;
                }
                continue;
            }
            int other = (s & ~high) - 1;
            if ((s & high) == tag) {
                if (hash(rawKey(other << 1)) == h
                        && sameHashCount < TREEIFY_THRESHOLD) {
                    if (sameHash == null) {
                        sameHash = new int[TREEIFY_THRESHOLD];
                    }
                    sameHash[sameHashCount++] = i;
                }
            } else if (isGroupWithTag(s, high, tag)
                    && hash(rawKey(other << 1)) == h) {
                ownSlotPage(i);
                setSlot(i, GROUP | tag | (trees.insert(other, e, this) + 1));
                return;
            }
        }
        if (sameHashCount < TREEIFY_THRESHOLD) {
            if (free < 0) {
                setSlot(i, tag | (e + 1));
            } else {
                setSlot(free, tag | (e + 1));
                deletedSlots--;
            }
            return;
        }
        for (int slot : sameHash) {
            ownSlotPage(slot);
        }
        if (trees == null) {
            trees = new CollisionTree(capacity());
        }
        int root = CollisionTree.NIL;
        for (int slot : sameHash) {
            root = trees.insert(root, (slotAt(slot) & ~high) - 1, this);
        }
        root = trees.insert(root, e, this);
        for (int slot : sameHash) {
            setSlot(slot, DELETED);
        }
        setSlot(sameHash[0], GROUP | tag | (root + 1));
        deletedSlots += sameHashCount - 1;
    }

    /**
     * Copies the page of index slot {@code i} now if the index is paged and does not own it, so
     * that a change which writes the slot after changing a collision tree, or writes several
     * slots, cannot fail half-way on that copy's {@code OutOfMemoryError}.
     */
    private void ownSlotPage(int i) {
        if (indexPages != null) {
            setSlot(i, slotAt(i));
        }
    }

    /** Removes entry {@code e}, with hash {@code h}, from the index. */
    private void unlink(int e, int h) {
        int bits = indexBits;
        int m = mix(h);
        int tag = tagOf(m, bits);
        int high = -1 << bits;
        int length = indexLength();
        int mask = length - 1;
        int direct = tag | (e + 1);
        for (int i = m >>> -bits; ; i = (i + 1) & mask) {
            int s = slotAt(i);
            if (s == direct) {
                release(i, mask);
                return;
            }
            if (s == 0) {
                break;
            }
            if (isGroupWithTag(s, high, tag)) {
                int root = (s & ~high) - 1;
                if (hash(rawKey(root << 1)) == h) {
                    ownSlotPage(i);
                    int newRoot = trees.remove(root, e, this);
                    if (newRoot == CollisionTree.NIL) {
                        release(i, mask);
                    } else {
                        setSlot(i, GROUP | tag | (newRoot + 1));
                    }
                    return;
                }
            }
        }
        // The key's hash code changed while it was in the table. HashMap then loses the entry;
        // a full scan removes it anyway and keeps the index consistent.
        for (int i = 0; i < length; i++) {
            int s = slotAt(i);
            if (s > 0 && (s & ~high) == e + 1) {
                release(i, mask);
                return;
            }
        }
        throw new ConcurrentModificationException("a key's hashCode changed while it was in the table");
    }

    /**
     * Frees index slot {@code i}. A slot followed by an empty one ends every probe that reaches
     * it, so it becomes empty itself, and so does each {@link #DELETED} slot just before it;
     * otherwise probes must walk over it, and it becomes {@code DELETED}. No probe path loses a
     * live slot or a group slot: those are never in a run of {@code DELETED} slots that ends at
     * an empty one. Linear probing's deletion without tombstones (Knuth's Algorithm R) would
     * move keys; this moves none, so entry numbers and collision groups stay where they are.
     */
    private void release(int i, int mask) {
        if (slotAt((i + 1) & mask) != 0) {
            setSlot(i, DELETED);
            deletedSlots++;
            return;
        }
        setSlot(i, 0);
        for (int j = (i - 1) & mask; slotAt(j) == DELETED; j = (j - 1) & mask) {
            setSlot(j, 0);
            deletedSlots--;
        }
    }

    /**
     * After a removal, while the newest entry is a tombstone, gives back the run of tombstones
     * at the end of the entries, so that keys that come and go (requests in flight, a cache's
     * churn) reuse those places instead of filling the entries towards a rebuild: 1 024 keys put
     * and removed again in a map of 1 000 rebuilt it every round. It runs after every such
     * removal, not only the newest entry's, because the bound below may hold the run back until
     * later removals lower it. {@link #used} stays at least
     * {@code size + deletedSlots}, at least the index slots in use, which keeps the index below
     * its load limit, so every probe still ends at an empty slot. The tombstones stay beyond
     * {@code used} until new entries overwrite them: clearing them would copy the shared pages
     * of a paged table. Not while {@link #entryViewsOut}.
     */
    private void trimRemovedTail() {
        int u = used;
        int floor = size + deletedSlots;
        while (u > floor && rawKey((u - 1) << 1) == REMOVED) {
            u--;
        }
        used = u;
        liveFrom = Math.min(liveFrom, u << 1);
    }

    /**
     * Gives the handle a buffer of {@code capacity} entries. While no entry has been removed and
     * the index keeps its length, only the entries array grows: entry numbers, slots and trees
     * stay valid, so no key is hashed or placed again, and a table filled by {@code put} re-places
     * its entries at about half of its growths. {@code shared} says the old buffer belongs to
     * other handles too, so the index must be copied rather than kept.
     */
    private void grow(int capacity, boolean shared) {
        if (used != size || indexPages != null || pagedFor(capacity) || indexLengthFor(capacity) != index.length) {
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
        runMoves++;
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
        boolean paged = pagedFor(capacity);
        if (indexPages == null && !paged && used == size) {
            installAndPlace(Arrays.copyOf(entries, capacity << 1), new int[indexLengthFor(capacity)], null, refCount);
            return;
        }
        relayout(capacity, paged, PageDirectory.pageShift(), IndexPages.pageShift());
    }

    /**
     * {@link #rebuild} into the layout that {@code capacity} calls for, from either layout,
     * dropping the tombstones. They come in runs (the eviction idiom leaves one long run at the
     * front), so each stretch of live entries of a run of the old layout (the flat array or one
     * page) moves with one copy. A paged table takes a new directory, which is its new count.
     */
    private void relayout(int capacity, boolean paged, int entryPageShift, int indexPageShift) {
        int indexLength = indexLengthFor(capacity);
        Object[] flatEntries = paged ? PAGED_ENTRIES : new Object[capacity << 1];
        PageDirectory pagedEntries = paged
                ? PageDirectory.allocate(size << 1, capacityOf(indexLength) << 1, entryPageShift)
                : null;
        int q = 0;
        for (int p = nextLive(liveFrom), end = used << 1; p < end; ) {
            Object[] run = runHolding(p);
            int start = runStart(p);
            for (int stop = Math.min(end, start + run.length); p < stop; ) {
                int liveEnd = p;
                while (liveEnd < stop && run[liveEnd - start] != REMOVED) {
                    liveEnd += 2;
                }
                if (paged) {
                    pagedEntries.copyIn(run, p - start, q, liveEnd - p);
                } else {
                    System.arraycopy(run, p - start, flatEntries, q, liveEnd - p);
                }
                q += liveEnd - p;
                p = liveEnd;
                while (p < stop && run[p - start] == REMOVED) {
                    p += 2;
                }
            }
        }
        if (paged) {
            installAndPlace(flatEntries, PAGED_INDEX, IndexPages.allocate(indexLength, indexPageShift), pagedEntries);
        } else {
            installAndPlace(flatEntries, new int[indexLength], null, indexPages != null ? new RefCount() : refCount);
        }
    }

    /**
     * Installs a rebuilt buffer, whose entries hold the live entries in order from the first,
     * with an empty index (flat {@code newIndex}, or {@code newIndexPages}) and its count, then
     * places every entry. It only reads the old buffer, so it serves a detach too. Keys'
     * {@code hashCode} and {@code compareTo} run here; if one throws, the handle keeps its old
     * buffer and count untouched.
     */
    private void installAndPlace(Object[] newEntries, int[] newIndex, IndexPages newIndexPages, RefCount newCount) {
        Object[] oldEntries = entries;
        int[] oldIndex = index;
        IndexPages oldIndexPages = indexPages;
        RefCount oldCount = refCount;
        int oldBits = indexBits;
        int oldUsed = used;
        int oldLiveFrom = liveFrom;
        int oldDeletedSlots = deletedSlots;
        boolean oldEntryViewsOut = entryViewsOut;
        CollisionTree oldTrees = trees;
        int live = size;
        try {
            // Entries move, so positions held by iterators, or found by a probe before a
            // callback, are stale: that is a structural change even when no key changes.
            modCount++;
            runMoves++;
            entries = newEntries;
            index = newIndex;
            indexPages = newIndexPages;
            refCount = newCount;
            indexBits = Integer.numberOfTrailingZeros(indexLength());
            rebuilds++;
            used = live;
            liveFrom = 0;
            deletedSlots = 0;
            entryViewsOut = false;
            trees = null;
            if (oldTrees == null && newIndexPages == null) {
                placeUngrouped(live);
            } else if (oldTrees == null) {
                placeUngroupedPaged(live);
            } else {
                for (int e = 0; e < live; e++) {
                    place(e, hash(rawKey(e << 1)));
                }
            }
        } catch (RuntimeException | Error failure) {
            entries = oldEntries;
            index = oldIndex;
            indexPages = oldIndexPages;
            refCount = oldCount;
            indexBits = oldBits;
            rebuilds--;
            used = oldUsed;
            liveFrom = oldLiveFrom;
            deletedSlots = oldDeletedSlots;
            entryViewsOut = oldEntryViewsOut;
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
     * {@link #placeUngrouped} for fresh index pages, all owned, filled from paged entries: it
     * reads the keys a page at a time and writes the slots straight into their pages.
     */
    private void placeUngroupedPaged(int count) {
        int[][] slotPages = indexPages.pages;
        int slotShift = indexPages.pageShift;
        int slotMask = indexPages.pageMask;
        int bits = indexBits;
        int mask = (slotPages.length << slotShift) - 1;
        for (int p = 0, end = count << 1; p < end; ) {
            Object[] run = runHolding(p);
            int start = runStart(p);
            for (int stop = Math.min(end, start + run.length); p < stop; p += 2) {
                int m = mix(hash(run[p - start]));
                int i = m >>> -bits;
                while (slotPages[i >>> slotShift][i & slotMask] != 0) {
                    i = (i + 1) & mask;
                }
                slotPages[i >>> slotShift][i & slotMask] = tagOf(m, bits) | ((p >> 1) + 1);
            }
        }
    }

    /**
     * The capacity of a buffer that holds the live entries and {@code room} more. A table with a
     * capacity of 9 to 11 and no tombstones, as {@code new CowMap<>(n)}, {@code CowMap.ofEntries},
     * {@code CowSet.of} and deserialization size one exactly, grows to
     * {@link #SMALL_INDEX_CAPACITY} rather than by half: its 16-slot index then
     * keeps its length, so the growth copies it instead of placing every key again. With
     * tombstones the growth rebuilds anyway, and is left at half so that a compaction frees a
     * quarter and the eviction idiom does not rebuild every few puts. A paged table whose live
     * entries and {@code room} fit in half the paging threshold goes back to one array, at twice
     * what it needs, as a paged list goes flat at half its threshold.
     */
    private int capacityFor(int room) {
        int capacity = capacity();
        int needed = checkedCapacity((long) size + room);
        if (indexPages != null && needed <= PageDirectory.flatAtMost()) {
            return Math.min(PageDirectory.pagedAbove(), Math.max(DEFAULT_CAPACITY, needed << 1));
        }
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

    /**
     * Test hook: moves a private table into the paged layout whatever its capacity, with entry
     * pages of {@code 1 << entryPageShift} references and index pages of
     * {@code 1 << indexPageShift} slots, so that tests cross page boundaries with a few entries.
     */
    final void pageForTesting(int entryPageShift, int indexPageShift) {
        makeWritable();
        relayout(Math.max(capacity(), 1), true, entryPageShift, indexPageShift);
    }

    /** Test hook: a copy of the index slots, whichever the layout. */
    final int[] indexSlots() {
        int[] slots = new int[indexLength()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = slotAt(i);
        }
        return slots;
    }

    /** Test hook: the pages of a paged table's entries, then the pages of its index, as they are now. */
    final List<Object> pagesForTesting() {
        List<Object> pages = new ArrayList<>();
        PageDirectory directory = entryPages();
        pages.addAll(Arrays.asList(Arrays.copyOf(directory.pages, directory.pageCount(used << 1))));
        pages.addAll(Arrays.asList((Object[]) indexPages.pages));
        return pages;
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
        if (es != PAGED_ENTRIES) {
            while (p < end && es[p] == REMOVED) {
                p += 2;
            }
        } else {
            PageDirectory pages = entryPages();
            while (p < end && pages.get(p) == REMOVED) {
                p += 2;
            }
        }
        return p;
    }

    /**
     * The array that holds entry position {@code p}: the flat entries, or the page holding
     * {@code p}. A loop reads a run directly, from {@link #runStart} to the run's end, instead
     * of looking every position up through the directory; a loop that calls code which may
     * write this handle re-reads its run when {@link #runMoves} has moved.
     */
    final Object[] runHolding(int p) {
        Object[] es = entries;
        if (es != PAGED_ENTRIES) {
            return es;
        }
        PageDirectory pages = entryPages();
        return pages.pages[p >>> pages.pageShift];
    }

    /** The index of entry position {@code p} in {@link #runHolding runHolding(p)}. */
    final int runOffset(int p) {
        return entries != PAGED_ENTRIES ? p : p & entryPages().pageMask;
    }

    /** The position of element {@code 0} of {@link #runHolding runHolding(p)}. */
    final int runStart(int p) {
        if (entries != PAGED_ENTRIES) {
            return 0;
        }
        int shift = entryPages().pageShift;
        return p >>> shift << shift;
    }

    /** Whether some live entry has {@code value}. */
    final boolean containsValueSlot(Object value) {
        for (int p = firstLive(), end = used << 1; p < end; ) {
            Object[] run = runHolding(p);
            int start = runStart(p);
            for (int stop = Math.min(end, start + run.length); p < stop; p += 2) {
                Object v = run[p + 1 - start];
                if (run[p - start] != REMOVED && (value == v || (value != null && value.equals(v)))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether this handle shares its entries with {@code other}, so their contents are equal. */
    final boolean sameBufferAs(CompactHashTable other) {
        return entries != PAGED_ENTRIES ? entries == other.entries : refCount == other.refCount;
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
        if (used == capacity()) {
            grow((int) Math.min(count, 2L * used), false);
        }
        appendAndPlace(key, h, value);
    }

    /**
     * Iterates the live entries in insertion order, failing fast on a structural change made
     * other than through itself. A step looks up the run holding its entry (the flat entries,
     * or one page) and hands the run and the entry's place in it to {@link #element}, so an
     * entry view reads its key and value there without going through the directory again.
     * It holds no run between steps: the caller may write through the handle in between (a
     * removal through this cursor, a {@code setValue}, a {@code put} of a present key) and so
     * detach it or copy the page.
     *
     * <p>{@link #next} must stay small. C2 inlines a method that has compiled code of its own
     * only while that code is under 2 500 bytes ({@code InlineSmallCode}); over a large map
     * {@code next()} is compiled on its own before the loop that calls it, and when it is not
     * inlined the cursor and every entry it hands out are allocated. Compiled on its own with
     * the entry's construction inlined, a cursor that held its run between steps took 2 300 to
     * 5 200 bytes and was allocated in some forks of {@code MapIterateBenchmark} and not in
     * others; this one takes about 2 100 ({@code -XX:CompileCommand=print}).
     */
    abstract class Cursor<T> implements Iterator<T> {
        private int next = firstLive();
        private int lastReturned = -1;
        private int expectedModCount = modCount;

        /**
         * The element for the entry at position {@code p}, whose key is {@code run[offset]} and
         * value {@code run[offset + 1]}.
         */
        abstract T element(Object[] run, int offset, int p);

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
            Object[] run = runHolding(p);
            T element = element(run, runOffset(p), p);
            lastReturned = p;
            next = nextLive(p + 2);
            return element;
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
