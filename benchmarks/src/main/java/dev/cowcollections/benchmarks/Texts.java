package dev.cowcollections.benchmarks;

import java.util.ArrayList;
import java.util.List;

/** The text the string benchmarks work on: words of ordinary prose, optionally with one wide char. */
final class Texts {

    private static final String[] WORDS = {
        "Lorem", "ipsum", "dolor", "sit", "amet,", "consectetur", "adipiscing", "elit,", "sed", "do",
        "eiusmod", "tempor", "incididunt", "ut", "labore", "et", "dolore", "magna", "aliqua.", "Ut", "enim",
        "ad", "minim", "veniam,", "quis", "nostrud", "exercitation", "ullamco", "laboris", "nisi", "caf\u00e9",
        "na\u00efve", "\u00e0", "d\u00e9j\u00e0", "vu", "r\u00e9sum\u00e9",
    };

    private Texts() {
    }

    /**
     * Short pieces, a word and a space each, whose lengths add up to {@code length}; the last may
     * be cut. With {@code wide}, the first piece starts with a char above U+00FF, so that the text
     * is stored two bytes per char from the start.
     */
    static String[] pieces(int length, boolean wide) {
        List<String> pieces = new ArrayList<>();
        int total = 0;
        for (int i = 0; total < length; i++) {
            String piece = WORDS[i % WORDS.length] + " ";
            if (i == 0 && wide) {
                piece = "\u4e16" + piece;
            }
            piece = piece.substring(0, Math.min(piece.length(), length - total));
            pieces.add(piece);
            total += piece.length();
        }
        return pieces.toArray(new String[0]);
    }

    static String text(int length, boolean wide) {
        return String.join("", pieces(length, wide));
    }
}
