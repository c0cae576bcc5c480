package dev.cowcollections;

import java.util.Arrays;

/**
 * The paged layout of a large buffer: a directory of fixed-size pages of references, and the
 * count of the handles that share the directory.
 *
 * <h2>Implementation notes</h2>
 *
 * <p>Layout. Element {@code i} lives in page {@code i >>> pageShift} at offset
 * {@code i & pageMask}. Every page has the same length, {@code 1 << pageShift}; a buffer of
 * {@code size} elements has {@link #pageCount(int) pageCount(size)} pages, and the slots of the
 * last page at and beyond {@code size} are null, as the slots of a flat buffer beyond its size
 * are. Directory slots beyond the page count are null: the directory array has spare length, as
 * a flat buffer has spare capacity, so that appends rarely copy it.
 * <pre>
 *   handle ──► PageDirectory (a RefCount: shares)
 *                 pages      ──► [ p0 | p1 | p2 | p3 | null ... ]
 *                 ownedPages ──► bits  1    0    1    0
 *                                      │    │
 *                           p0: [e0 … e511]  p1: [e512 … e1023]  (p1 also held by a sibling)
 * </pre>
 *
 * <p>Why the directory is the count. Handles share a paged buffer by sharing its directory, and
 * the directory is what they count, so a handle holds either layout in the same two fields (its
 * {@code Object[]} and its {@link RefCount}) and a handle of a small list does not grow.
 * {@code copy()} retains the directory's count and touches no page: O(1) at every size.
 *
 * <p>Owned pages, the mechanism. Pages are shared between directories without counts of their
 * own. A directory instead keeps one bit per page, {@code ownedPages}: set when the page was
 * allocated for this directory (a copy on write, a new page at the end, a conversion from the
 * flat layout) since its holder last found itself the only holder, that is, since the directory
 * was last shared. A page may be written in place only through a directory that is unique
 * ({@link #isUniqueAcquire()}, as for a flat buffer) and owns that page; any other write first
 * copies the page ({@link #copyPage(int)}), installs the copy in its own directory and owns it.
 * This is the owner stamp of Clojure's transients and btrfs's "generation newer than the last
 * snapshot", kept as a bit per page because the stamp is always this directory's own. Three
 * rules keep the bits true:
 * <ol>
 * <li>A directory that a detach makes ({@link #detachedCopy(int, int)}) holds the same pages as
 *     its source and owns none of them.
 * <li>Only the unique holder of a directory sets a bit, and only for a page it has just
 *     allocated, which no other directory can hold yet.
 * <li>A handle that was not known to be unique (it copied itself, or it is a copy) and then finds
 *     its directory's count at one clears every bit ({@link #disownAll()}) before its first write:
 *     while the count was above one, a sibling may have copied the directory's page references
 *     into a directory of its own.
 * </ol>
 * Hence a page reachable from two directories is owned by neither, and is never written again
 * by anybody: it is frozen. A write after a copy copies the directory (O(n / page) references)
 * and the pages it writes, and nothing else; later writes to those pages are in place.
 *
 * <p>Dropped handles. Nothing is given back when a handle is dropped (Java has no destructor):
 * a directory whose sibling was dropped keeps a count above one, so its holder detaches once
 * more, copying the directory and then each page it writes once. A stale share costs at most one
 * extra copy of each page, never a wrong result, because nothing relies on a count falling.
 *
 * <p>Memory ordering. Everything rides on {@link RefCount}'s argument. A sibling reads the
 * directory array and pages only while it holds a share; a detach copies the directory array
 * completely before it releases its share (release ordering), and a holder that then sees a count
 * of one (acquire ordering) therefore sees that copy finished before it writes any directory
 * slot or bit. The pages the detached handle still reads after its release are frozen by rule 3,
 * so no write to them exists to race with. Two sibling handles writing different pages, or the
 * same page, from two threads: either both see the count above one and both detach, each
 * copying the shared directory (which nobody writes while it is shared) and then its own pages;
 * or one released first, and the other, unique now, disowns every page, so its writes go to
 * copies and never reach a page the first handle's new directory still holds. The bits and
 * {@link #pageSwaps} are plain fields: only a unique holder writes them, and only it reads them.
 *
 * <p>Iteration. Loops read a page at a time. A page changes under a loop only when a write
 * through the same handle copies it, which bumps {@link #pageSwaps}, or when the handle leaves
 * this directory; a loop re-reads its page when either happened, so it sees the handle's own
 * writes as {@code ArrayList}'s loops do, with no directory lookup per element.
 *
 * <p>Page size, measured (JDK 17, 2 cores, compressed references; {@code PageGeometryBenchmark}
 * with {@code -p size=100000,1000000 -p pageShift=7,8,9,10,11 -f 2 -wi 3 -w 300ms -i 5 -r 300ms}
 * and a 1 GB pre-touched heap; retained bytes by JOL). A write after a copy copies the directory,
 * n / page references, and one page: the optimum is near the square root of n, and 512 serves
 * both sizes that matter.
 * <pre>
 *   page                     128     256     512    1024    2048
 *   first set, 100 000    232 ns  187 ns  213 ns  265 ns  495 ns   (±8..15 %)
 *   first set, 1 000 000 2311 ns 1126 ns  639 ns  496 ns  631 ns   (±10..22 %)
 *   snapshot+set, 100 000 3.9 KB  2.8 KB  3.0 KB  4.6 KB  8.5 KB  retained (limit 4 KB)
 *   snapshot+set, 1 000 000 33 KB  17 KB  10 KB  8.3 KB   10 KB  retained
 *   bytes/element, 1 000 000 4.16  4.08    4.04    4.02    4.02   (limit 4.3)
 *   insert+remove middle, 100 000 22.7 us 11.7 us 7.2 us  6.1 us  4.4 us  (±2..20 %)
 * </pre>
 * 1 024-reference pages retain more than the 4 KB a snapshot plus one write may cost at 100 000;
 * 256-reference pages double the first write at 1 000 000 and move the middle of a list 1.6
 * times slower (an arraycopy and a carried element per page). Random {@code get} does not tell
 * the sizes apart (17.1 to 17.8 us per 10 000 reads at 100 000, within the interval; 29.5 to
 * 32.4 us at 1 000 000). The threshold (a list goes paged above {@value #DEFAULT_PAGED_ABOVE}
 * elements and flat again at half that) bounds a flat first write at 4 096 references, about
 * what a paged one copies at 1 000 000 (1 954 directory slots and a page of 512), while lists of
 * the sizes most programs hold keep the flat array's one load per read. The threshold, measured
 * as one: the same sizes forced paged ({@code pagedAbove=1}) and forced flat
 * ({@code pagedAbove=1000000000}), paged over flat with a 95 % interval over three alternating
 * rounds ({@code PageGeometryBenchmark} {@code firstSet}, {@code getRandom} and {@code iterate},
 * {@code -p size=2048,4096,8192,16384 -f 1 -wi 3 -w 200ms -i 5 -r 100ms -prof gc}, 512-reference
 * pages):
 * <pre>
 *   size                       2 048             4 096             8 192            16 384
 *   first set after a copy  0.37 [0.33, 0.42] 0.15 [0.14, 0.17] 0.07 [0.06, 0.08] 0.04 [0.02, 0.06]
 *     bytes, paged / flat   2 192 / 8 256     2 208 / 16 448    2 240 / 32 834    2 304 / 65 606
 *   random get              2.61 [2.30, 2.97] 2.39 [2.17, 2.63] 1.47 [1.37, 1.58] 1.16 [0.71, 1.88]
 *   iteration               2.50 [2.16, 2.89] 2.43 [2.27, 2.59] 3.48 [2.86, 4.23] 1.32 [0.27, 6.43]
 * </pre>
 * While everything is in cache the paged reads cost two to three times the flat ones (0.5 to
 * 1.2 ns more per element), and the first write after a copy costs a third of a flat copy already
 * at 2 048. The threshold sits where a flat copy (about 1 µs, 16 KB) is still cheap against the
 * reads a list serves between copies, and where the paged reads' cost starts to drown in cache
 * misses (1.2 to 1.5 at 8 192 and 16 384 for random reads); a program that copies a list of a
 * few thousand elements far more often than it reads it would want it lower.
 *
 * <p>Reuse. Nothing here knows about lists: the owned-page bits,
 * {@link #writablePage(int, Class)}, {@link #detachedCopy(int, int)} and {@link #disownAll()}
 * are the whole protocol, and a write names the collection type it serves only so that a page
 * copy is reported to Flight Recorder as that type's. A paged {@link CompactHashTable} keeps its
 * entries array in such a directory as it is (key and value at {@code 2e} and {@code 2e + 1}
 * stay in one page, since the page length is even), and its {@code int} index in
 * {@link IndexPages}, with the same bits ({@link OwnedPages}) and rules, detached and disowned
 * together with the entries under the table's one count, this directory's.
 */
final class PageDirectory extends RefCount {

    /** log2 of the page length of production directories: 512 references, 2 KiB. */
    static final int DEFAULT_PAGE_SHIFT = 9;

    /** A list of more elements than this is paged (when it grows); it goes flat again at half. */
    static final int DEFAULT_PAGED_ABOVE = 4096;

    /** The smallest directory array, in pages. */
    private static final int MIN_DIRECTORY_LENGTH = 4;

    private static int pageShiftSetting = DEFAULT_PAGE_SHIFT;
    private static int pagedAboveSetting = DEFAULT_PAGED_ABOVE;

    /** log2 of the length of every page of this directory. */
    final int pageShift;

    /** {@code (1 << pageShift) - 1}: the offset bits of an index. */
    final int pageMask;

    /** The pages; slots at and beyond the page count are null. */
    Object[][] pages;

    /** Which pages were allocated for this directory since it was last shared. */
    private final OwnedPages ownedPages;

    /**
     * Bumped whenever a page of this directory is replaced by its copy, so that a loop holding a
     * page knows to read it again. Written and read by the unique holder only.
     */
    int pageSwaps;

    private PageDirectory(int pageShift, Object[][] pages, OwnedPages ownedPages) {
        this.pageShift = pageShift;
        this.pageMask = (1 << pageShift) - 1;
        this.pages = pages;
        this.ownedPages = ownedPages;
    }

    // Settings

    /** A list grows into pages when it needs more than this many elements. */
    static int pagedAbove() {
        return pagedAboveSetting;
    }

    /** log2 of the page length of directories made from now on. */
    static int pageShift() {
        return pageShiftSetting;
    }

    /** A paged list that shrinks to this many elements or fewer goes back to the flat layout. */
    static int flatAtMost() {
        return pagedAboveSetting >> 1;
    }

    /**
     * Test hook: lists made from now on go paged above {@code pagedAbove} elements, in pages of
     * {@code 1 << pageShift}, so that small test lists cross every page boundary.
     */
    static void setGeometryForTesting(int pagedAbove, int pageShift) {
        if (pagedAbove < 1 || pageShift < 1 || pageShift > 20) {
            throw new IllegalArgumentException("pagedAbove: " + pagedAbove + ", pageShift: " + pageShift);
        }
        pagedAboveSetting = pagedAbove;
        pageShiftSetting = pageShift;
    }

    /** Test hook: back to the production geometry. */
    static void resetGeometry() {
        pagedAboveSetting = DEFAULT_PAGED_ABOVE;
        pageShiftSetting = DEFAULT_PAGE_SHIFT;
    }

    // Making directories

    /**
     * A private directory for {@code size} elements, all null, every page allocated and owned,
     * with directory room for {@code capacity} elements, in pages of the current setting.
     */
    static PageDirectory allocate(int size, int capacity) {
        return allocate(size, capacity, pageShiftSetting);
    }

    static PageDirectory allocate(int size, int capacity, int pageShift) {
        int pageCount = pageCount(size, pageShift);
        int length = Math.max(MIN_DIRECTORY_LENGTH, Math.max(pageCount, pageCount(capacity, pageShift)));
        Object[][] pages = new Object[length][];
        int pageLength = 1 << pageShift;
        for (int p = 0; p < pageCount; p++) {
            pages[p] = new Object[pageLength];
        }
        OwnedPages owned = new OwnedPages(length);
        owned.ownFirst(pageCount);
        return new PageDirectory(pageShift, pages, owned);
    }

    /**
     * A directory for a handle that detaches from this one: the same first {@code pageCount}
     * pages, none of them owned, with directory room for {@code capacityPages}. O(pages); the
     * caller releases its share of this directory afterwards.
     */
    PageDirectory detachedCopy(int pageCount, int capacityPages) {
        int length = Math.max(MIN_DIRECTORY_LENGTH, Math.max(pageCount, capacityPages));
        Object[][] copy = new Object[length][];
        System.arraycopy(pages, 0, copy, 0, pageCount);
        return new PageDirectory(pageShift, copy, new OwnedPages(length));
    }

    // Geometry

    int pageLength() {
        return pageMask + 1;
    }

    /** The number of pages that hold {@code size} elements. */
    int pageCount(int size) {
        return pageCount(size, pageShift);
    }

    private static int pageCount(int size, int pageShift) {
        return (int) (((long) size + (1 << pageShift) - 1) >>> pageShift);
    }

    // Reads

    Object get(int index) {
        return pages[index >>> pageShift][index & pageMask];
    }

    /** Copies elements {@code [from, from + length)} into {@code target} at {@code targetPos}, a page at a time. */
    void copyOut(int from, Object[] target, int targetPos, int length) {
        while (length > 0) {
            int offset = from & pageMask;
            int chunk = Math.min(length, pageLength() - offset);
            System.arraycopy(pages[from >>> pageShift], offset, target, targetPos, chunk);
            from += chunk;
            targetPos += chunk;
            length -= chunk;
        }
    }

    // Ownership (the unique holder only)

    private boolean owns(int p) {
        return ownedPages.owns(p);
    }

    /** Whether this directory owns each of its first {@code pageCount} pages. */
    boolean ownsPages(int pageCount) {
        return ownedPages.ownsFirst(pageCount);
    }

    /** Rule 3: the directory may have been shared, so none of its pages is its own any more. */
    void disownAll() {
        ownedPages.disownAll();
    }

    /**
     * Writes {@code element} at {@code index}, the size, when that lands in the room left in a last
     * page this directory owns; answers false, writing nothing, otherwise. The caller is unique.
     */
    boolean appendInPlace(int index, Object element) {
        int offset = index & pageMask;
        int p = index >>> pageShift;
        if (offset == 0 || !owns(p)) {
            return false;
        }
        pages[p][offset] = element;
        return true;
    }

    /**
     * Page {@code p}, writable in place: the page itself when owned, else its copy, installed and
     * owned, and reported as a detach of {@code owner}'s pages ({@link #reportCopies}).
     */
    Object[] writablePage(int p, Class<?> owner) {
        if (owns(p)) {
            return pages[p];
        }
        Object[] copy = copyPage(p);
        reportCopies(owner, 1);
        return copy;
    }

    /** Detaches one page: installs a private copy of page {@code p} and owns it. */
    private Object[] copyPage(int p) {
        Object[] copy = pages[p].clone();
        pages[p] = copy;
        ownedPages.own(p);
        pageSwaps++;
        return copy;
    }

    /**
     * Makes pages {@code [fromPage, toPage)} writable in place; the pages it copies are reported
     * together, as one detach of {@code owner}'s pages.
     */
    void makeWritable(int fromPage, int toPage, Class<?> owner) {
        int copied = 0;
        for (int p = fromPage; p < toPage; p++) {
            if (!owns(p)) {
                copyPage(p);
                copied++;
            }
        }
        if (copied > 0) {
            reportCopies(owner, copied);
        }
    }

    /**
     * Reports {@code copied} pages copied by one write through a handle of {@code owner}, the
     * collection type that holds this directory (this class serves any of them), to Flight
     * Recorder: a {@link CopyEvents#PAGES} detach of their elements and bytes, counted from this
     * directory, which the writer already holds alone (so its shares are 1; the page itself was
     * held by another directory too). The directory's own copy was reported when it was made.
     * Nothing happens unless a recording wants the event.
     */
    private void reportCopies(Class<?> owner, int copied) {
        long elements = (long) copied << pageShift;
        CopyEvents.detached(owner, CopyEvents.PAGES, this, elements, CopyEvents.referenceBytes(elements));
    }

    // Structure (the unique holder only)

    /**
     * Grows from {@code oldCount} to {@code newCount} pages: the new pages are empty and owned. The
     * directory array grows by half when it is full, as a flat buffer does.
     */
    void addPages(int oldCount, int newCount) {
        if (newCount > pages.length) {
            reserve(Math.max(newCount, ArrayGrowth.grow(pages.length, newCount - pages.length)));
        }
        int pageLength = pageLength();
        for (int p = oldCount; p < newCount; p++) {
            pages[p] = new Object[pageLength];
            ownedPages.own(p);
        }
    }

    /** Makes the directory array at least {@code length} pages long. */
    void reserve(int length) {
        if (length > pages.length) {
            pages = Arrays.copyOf(pages, length);
            ownedPages.resize(length);
        }
    }

    /** Shortens the directory array to {@code pageCount} pages, no fewer than the minimum. */
    void trim(int pageCount) {
        int length = Math.max(MIN_DIRECTORY_LENGTH, pageCount);
        if (length < pages.length) {
            pages = Arrays.copyOf(pages, length);
            ownedPages.resize(length);
        }
    }

    /** Drops the pages from {@code newCount} up to {@code oldCount}: the directory forgets them. */
    void dropPages(int newCount, int oldCount) {
        for (int p = newCount; p < oldCount; p++) {
            pages[p] = null;
            ownedPages.disown(p);
        }
    }

    // Writes into pages made writable before (the unique holder only)

    void set(int index, Object element) {
        pages[index >>> pageShift][index & pageMask] = element;
    }

    /** Copies {@code source[sourcePos, sourcePos + length)} to elements from {@code to} on. */
    void copyIn(Object[] source, int sourcePos, int to, int length) {
        while (length > 0) {
            int offset = to & pageMask;
            int chunk = Math.min(length, pageLength() - offset);
            System.arraycopy(source, sourcePos, pages[to >>> pageShift], offset, chunk);
            to += chunk;
            sourcePos += chunk;
            length -= chunk;
        }
    }

    /**
     * Moves elements {@code [from, from + length)} to {@code [to, to + length)}, overlapping or
     * not, as {@code System.arraycopy} does within one array: a page-sized chunk at a time, from
     * the far end when moving right.
     */
    void move(int from, int to, int length) {
        if (to == from + 1) {
            moveRightByOne(from, from + length);
        } else if (to == from - 1) {
            moveLeftByOne(from, from + length);
        } else if (to > from) {
            int fromEnd = from + length;
            int toEnd = to + length;
            while (length > 0) {
                int fromOffset = ((fromEnd - 1) & pageMask) + 1;
                int toOffset = ((toEnd - 1) & pageMask) + 1;
                int chunk = Math.min(length, Math.min(fromOffset, toOffset));
                System.arraycopy(pages[(fromEnd - 1) >>> pageShift], fromOffset - chunk,
                        pages[(toEnd - 1) >>> pageShift], toOffset - chunk, chunk);
                fromEnd -= chunk;
                toEnd -= chunk;
                length -= chunk;
            }
        } else if (to < from) {
            while (length > 0) {
                int fromOffset = from & pageMask;
                int toOffset = to & pageMask;
                int chunk = Math.min(length, pageLength() - Math.max(fromOffset, toOffset));
                System.arraycopy(pages[from >>> pageShift], fromOffset, pages[to >>> pageShift], toOffset, chunk);
                from += chunk;
                to += chunk;
                length -= chunk;
            }
        }
    }

    /**
     * The move of an insertion of one element: {@code [from, end)} one place right, with one copy
     * within each page and the last element of the page before carried into its first slot, from
     * the far end. Half the calls of the chunked move, which matters at a page's size.
     */
    private void moveRightByOne(int from, int end) {
        int pageLength = pageLength();
        for (int p = end >>> pageShift, first = from >>> pageShift; p >= first; p--) {
            int pageStart = p << pageShift;
            Object[] page = pages[p];
            int low = Math.max(from, pageStart);
            int high = Math.min(end, pageStart + pageLength - 1);
            if (high > low) {
                System.arraycopy(page, low - pageStart, page, low - pageStart + 1, high - low);
            }
            if (pageStart > from && pageStart <= end) {
                page[0] = pages[p - 1][pageLength - 1];
            }
        }
    }

    /** The move of a removal of one element: {@code [from, end)} one place left, page by page. */
    private void moveLeftByOne(int from, int end) {
        int pageLength = pageLength();
        int to = from - 1;
        for (int p = to >>> pageShift, last = (end - 1) >>> pageShift; p <= last; p++) {
            int pageStart = p << pageShift;
            int pageEnd = pageStart + pageLength;
            Object[] page = pages[p];
            int low = Math.max(to, pageStart);
            int high = Math.min(end - 1, pageEnd - 1);
            if (high > low) {
                System.arraycopy(page, low - pageStart + 1, page, low - pageStart, high - low);
            }
            if (pageEnd - 1 >= to && pageEnd < end) {
                page[pageLength - 1] = pages[p + 1][0];
            }
        }
    }

    /** Sets elements {@code [from, to)} to null. */
    void clear(int from, int to) {
        while (from < to) {
            int offset = from & pageMask;
            int chunk = Math.min(to - from, pageLength() - offset);
            Arrays.fill(pages[from >>> pageShift], offset, offset + chunk, null);
            from += chunk;
        }
    }
}
