package dev.cowcollections;

/**
 * A key whose {@code hashCode} is the same for every instance, so that enough of them in one
 * table move into a {@link CollisionTree}. Keys compare by number, as {@code HashMap} orders a
 * tree bin of one comparable class.
 */
final class CollidingKey implements Comparable<CollidingKey> {

    /** The hash code of every key. */
    static final int HASH = 0x5EED;

    private final int number;

    CollidingKey(int number) {
        this.number = number;
    }

    /** {@code count} keys, numbered from {@code 0}. */
    static CollidingKey[] first(int count) {
        CollidingKey[] keys = new CollidingKey[count];
        for (int i = 0; i < count; i++) {
            keys[i] = new CollidingKey(i);
        }
        return keys;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CollidingKey && ((CollidingKey) o).number == number;
    }

    @Override
    public int hashCode() {
        return HASH;
    }

    @Override
    public int compareTo(CollidingKey other) {
        return Integer.compare(number, other.number);
    }

    @Override
    public String toString() {
        return "k" + number;
    }
}
