package dev.cowcollections.benchmarks;

import dev.cowcollections.CowString;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Retained bytes per char of Latin-1 text, measured with JOL over everything each object
 * reaches: a {@code CowString} and a {@code StringBuilder} built by the same word-by-word
 * appends (each with the room its growth leaves), and {@code CowString.of(text)} (a buffer of
 * exactly its length) against the {@code String} itself.
 *
 * <p>A handle, its reference count and the array header cost 64 bytes together, so the goal of
 * issue 4, at most 1.05 bytes per char, can only hold from about 1 300 chars on: it is checked
 * at the lengths from {@link #GOAL_FROM_LENGTH} on.
 *
 * <p>Run: {@code java -Djdk.attach.allowAttachSelf=true -cp benchmarks/target/benchmarks.jar
 * dev.cowcollections.benchmarks.StringFootprint}
 */
public final class StringFootprint {

    /** The goal of issue 4: Latin-1 text held by a CowString costs at most this many bytes per char. */
    static final double GOAL_BYTES_PER_CHAR = 1.05;

    /** The shortest text the goal is checked at: below it the fixed 64 bytes are more than 0.05 per char. */
    static final int GOAL_FROM_LENGTH = 2_000;

    private StringFootprint() {
    }

    public static List<FootprintRow> measure() {
        List<FootprintRow> rows = new ArrayList<>();
        for (int length : new int[] {10, 1_000, 1_000_000}) {
            CowString appended = new CowString();
            StringBuilder builder = new StringBuilder();
            for (String word : Texts.pieces(length, false)) {
                appended.append(word);
                builder.append(word);
            }
            rows.add(FootprintRow.measure(appended, builder, 0, "char", length, Optional.empty()));
            String text = Texts.text(length, false);
            Optional<FootprintGoal> goal = length >= GOAL_FROM_LENGTH
                    ? Optional.of(FootprintGoal.bytesPerUnitAtMost(GOAL_BYTES_PER_CHAR))
                    : Optional.empty();
            rows.add(FootprintRow.measure("CowString.of", CowString.of(text), "String", text, 0, "char", length,
                    goal));
        }
        return rows;
    }

    public static void main(String[] args) {
        FootprintRow.print(measure());
    }
}
