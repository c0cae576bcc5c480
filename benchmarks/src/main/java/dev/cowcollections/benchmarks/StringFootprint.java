package dev.cowcollections.benchmarks;

import dev.cowcollections.CowString;
import org.openjdk.jol.info.GraphLayout;

/**
 * Bytes per char of Latin-1 text, measured by JOL over everything each object reaches: a
 * {@code CowString} made from the text (a buffer of exactly its length), one built by appending
 * word by word (with the room its growth leaves), a {@code StringBuilder} built the same way,
 * {@code new StringBuilder(text)} (16 chars of room), and the String itself. A handle, its
 * reference count and the array header cost 64 bytes together, so the goal holds from about
 * 1 300 chars on.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.cowcollections.benchmarks.StringFootprint}
 */
public final class StringFootprint {

    /** The goal of issue 4: Latin-1 text held by a CowString costs at most this many bytes per char. */
    static final double GOAL_BYTES_PER_CHAR = 1.05;

    private StringFootprint() {
    }

    public static void main(String[] args) {
        int[] lengths = {10, 100, 1_000, 2_000, 10_000, 100_000, 1_000_000};
        System.out.printf("%10s %12s %14s %16s %20s %10s%n",
                "chars", "CowString.of", "CowString+app", "StringBuilder+app", "new StringBuilder(s)", "String");
        boolean met = true;
        for (int length : lengths) {
            String text = Texts.text(length, false);
            CowString made = CowString.of(text);
            CowString appended = new CowString();
            StringBuilder builder = new StringBuilder();
            for (String word : Texts.pieces(length, false)) {
                appended.append(word);
                builder.append(word);
            }
            double madePerChar = perChar(made, length);
            System.out.printf("%10d %12.3f %14.3f %16.3f %20.3f %10.3f%n", length, madePerChar,
                    perChar(appended, length), perChar(builder, length), perChar(new StringBuilder(text), length),
                    perChar(text, length));
            if (length >= 2_000) {
                met &= madePerChar <= GOAL_BYTES_PER_CHAR;
            }
        }
        System.out.printf("goal: CowString of Latin-1 text at most %.2f bytes per char from 2 000 chars on: %s%n",
                GOAL_BYTES_PER_CHAR, met ? "met" : "MISSED");
    }

    private static double perChar(Object root, int length) {
        return (double) GraphLayout.parseInstance(root).totalSize() / length;
    }
}
