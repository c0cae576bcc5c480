package dev.cowcollections;

/** How far an array grows: by half its length, as {@code ArrayList}'s and {@code StringBuilder}'s do. */
final class ArrayGrowth {

    /**
     * The longest array requested for ordinary growth. Some VMs reserve header words in arrays,
     * so lengths close to {@code Integer.MAX_VALUE} can fail even with free memory.
     */
    static final int SOFT_MAX_LENGTH = Integer.MAX_VALUE - 8;

    private ArrayGrowth() {
    }

    /**
     * A new length for an array of {@code length} that must hold {@code minGrowth} more
     * elements: normally 1.5 times the old length, never less than required.
     *
     * @param length the current length, {@code >= 0}
     * @param minGrowth how many more elements are required, {@code > 0}
     * @throws OutOfMemoryError if {@code length + minGrowth} does not fit in an {@code int}
     */
    static int grow(int length, int minGrowth) {
        int preferred = length + Math.max(minGrowth, length >> 1);
        if (0 < preferred && preferred <= SOFT_MAX_LENGTH) {
            return preferred;
        }
        int minLength = length + minGrowth;
        if (minLength < 0) {
            throw new OutOfMemoryError(
                    "Required array length " + length + " + " + minGrowth + " is too large");
        }
        return Math.max(minLength, SOFT_MAX_LENGTH);
    }
}
