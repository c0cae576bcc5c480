package dev.cowcollections;

import java.util.Arrays;

/**
 * One bit per page of a directory: set when the page was allocated for that directory since it
 * was last shared, so that its unique holder may write it in place. {@link PageDirectory}
 * states the three rules that keep the bits true; the directories of pages of references and of
 * {@code int} index slots ({@link IndexPages}) both follow them with this class.
 */
final class OwnedPages {

    private long[] words;

    /** No page owned, room for {@code pages} bits. */
    OwnedPages(int pages) {
        words = new long[wordsFor(pages)];
    }

    private static int wordsFor(int pages) {
        return (pages + 63) >>> 6;
    }

    boolean owns(int p) {
        return (words[p >>> 6] & (1L << p)) != 0;
    }

    void own(int p) {
        words[p >>> 6] |= 1L << p;
    }

    void disown(int p) {
        words[p >>> 6] &= ~(1L << p);
    }

    /** Owns pages {@code [0, count)}. */
    void ownFirst(int count) {
        for (int p = 0; p < count; p++) {
            own(p);
        }
    }

    /** Whether pages {@code [0, count)} are all owned. */
    boolean ownsFirst(int count) {
        for (int p = 0; p < count; p++) {
            if (!owns(p)) {
                return false;
            }
        }
        return true;
    }

    /** Rule 3 of {@link PageDirectory}: the directory may have been shared, so no page is its own. */
    void disownAll() {
        Arrays.fill(words, 0L);
    }

    /** Keeps the bits of the first {@code pages} pages, with room for exactly that many. */
    void resize(int pages) {
        words = Arrays.copyOf(words, wordsFor(pages));
    }
}
