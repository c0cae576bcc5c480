package dev.cowcollections;

/**
 * The open-addressing index of a paged {@link CompactHashTable}: its {@code int} slots in pages
 * of a fixed length, with the owned-page bits and rules of {@link PageDirectory}, so that a write
 * after a copy copies the index pages it writes and nothing else. The table's entries live in a
 * {@link PageDirectory}, which is the one count of both: they are shared, detached and disowned
 * together.
 *
 * <p>Slot {@code i} lives in page {@code i >>> pageShift} at offset {@code i & pageMask}. The
 * number of slots is a power of two fixed for the life of the pages (a table that needs more
 * slots rebuilds), so the page count is too; probing runs across page boundaries exactly as it
 * runs over a flat index.
 */
final class IndexPages {

    /** log2 of the slots per page in production: 512 slots, 2 KiB, as many bytes as a page of entries. */
    static final int DEFAULT_PAGE_SHIFT = 9;

    private static int pageShiftSetting = DEFAULT_PAGE_SHIFT;

    final int pageShift;
    final int pageMask;
    final int[][] pages;
    private final OwnedPages ownedPages;

    private IndexPages(int pageShift, int[][] pages, OwnedPages ownedPages) {
        this.pageShift = pageShift;
        this.pageMask = (1 << pageShift) - 1;
        this.pages = pages;
        this.ownedPages = ownedPages;
    }

    /** Test hook: indexes made from now on have pages of {@code 1 << pageShift} slots. */
    static void setPageShiftForTesting(int pageShift) {
        if (pageShift < 1 || pageShift > 20) {
            throw new IllegalArgumentException("pageShift: " + pageShift);
        }
        pageShiftSetting = pageShift;
    }

    /** Test hook: back to the production page length. */
    static void resetPageShift() {
        pageShiftSetting = DEFAULT_PAGE_SHIFT;
    }

    /** log2 of the page length of indexes made from now on. */
    static int pageShift() {
        return pageShiftSetting;
    }

    /**
     * A private index of {@code length} empty slots, a power of two, every page owned, in pages
     * of {@code 1 << pageShift} slots or one page when it is shorter.
     */
    static IndexPages allocate(int length, int pageShift) {
        pageShift = Math.min(pageShift, Integer.numberOfTrailingZeros(length));
        int pageCount = length >>> pageShift;
        int[][] pages = new int[pageCount][];
        for (int p = 0; p < pageCount; p++) {
            pages[p] = new int[1 << pageShift];
        }
        OwnedPages owned = new OwnedPages(pageCount);
        owned.ownFirst(pageCount);
        return new IndexPages(pageShift, pages, owned);
    }

    /** Fills this new index, every page owned, from {@code flat}, an index of the same length. */
    void copyIn(int[] flat) {
        for (int p = 0; p < pages.length; p++) {
            System.arraycopy(flat, p << pageShift, pages[p], 0, pages[p].length);
        }
    }

    /** An index for a handle that detaches: the same pages, none of them owned. O(pages). */
    IndexPages detachedCopy() {
        return new IndexPages(pageShift, pages.clone(), new OwnedPages(pages.length));
    }

    /** The number of slots. */
    int length() {
        return pages.length << pageShift;
    }

    int get(int i) {
        return pages[i >>> pageShift][i & pageMask];
    }

    /**
     * Writes slot {@code i}, first copying its page when this index does not own it; the caller
     * is the unique holder. A copy is reported to Flight Recorder as a detach of {@code owner}'s
     * pages, counted from {@code counted}, the table's directory.
     */
    void set(int i, int slot, Class<?> owner, RefCount counted) {
        int p = i >>> pageShift;
        int[] page = pages[p];
        if (!ownedPages.owns(p)) {
            page = page.clone();
            pages[p] = page;
            ownedPages.own(p);
            CopyEvents.detached(owner, CopyEvents.PAGES, counted, page.length, 4L * page.length);
        }
        page[i & pageMask] = slot;
    }

    /** Whether this index owns every one of its pages. */
    boolean ownsAll() {
        return ownedPages.ownsFirst(pages.length);
    }

        /** Rule 3 of {@link PageDirectory}. */
    void disownAll() {
        ownedPages.disownAll();
    }
}
