package dev.cowcollections;

import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;

/**
 * Asks a stream's {@link ObjectInputFilter} about an array that a {@code readObject} is about to
 * build, as the JDK's own collections do, so that limits such as {@code maxarray} apply to our
 * collections too.
 */
final class SerialFilter {

    private SerialFilter() {
    }

    /** @throws InvalidClassException if the filter rejects an array of this type and length */
    static void checkArray(ObjectInputStream in, Class<?> arrayType, int length) throws InvalidClassException {
        ObjectInputFilter filter = in.getObjectInputFilter();
        if (filter != null && filter.checkInput(new ArrayInfo(arrayType, length)) == ObjectInputFilter.Status.REJECTED) {
            throw new InvalidClassException("filter status: REJECTED (" + arrayType.getSimpleName()
                    + " of length " + length + ")");
        }
    }

    /**
     * The array being built. The stream itself checks depth, references and bytes on every
     * object it reads; this check is about the array's length, so those report nothing.
     */
    private record ArrayInfo(Class<?> serialClass, long arrayLength) implements ObjectInputFilter.FilterInfo {
        @Override
        public long depth() {
            return 0;
        }

        @Override
        public long references() {
            return 0;
        }

        @Override
        public long streamBytes() {
            return 0;
        }
    }
}
