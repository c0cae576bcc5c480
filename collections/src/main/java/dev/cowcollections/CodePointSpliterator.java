package dev.cowcollections;

import java.util.Objects;
import java.util.Spliterator;
import java.util.function.IntConsumer;

/**
 * The code points of a UTF-16 {@link CowString} buffer in {@code [index, fence)}, for
 * {@code codePoints()}: a surrogate pair is one code point, a lone surrogate is its own. A split
 * never falls inside a pair.
 */
final class CodePointSpliterator implements Spliterator.OfInt {

    private final byte[] value;
    private int index;
    private final int fence;

    CodePointSpliterator(byte[] value, int index, int fence) {
        this.value = value;
        this.index = index;
        this.fence = fence;
    }

    @Override
    public OfInt trySplit() {
        int lo = index;
        int mid = (lo + fence) >>> 1;
        if (lo >= mid) {
            return null;
        }
        if (Character.isLowSurrogate(Utf16Bytes.getChar(value, mid))
                && Character.isHighSurrogate(Utf16Bytes.getChar(value, mid - 1))) {
            mid--;
            if (lo >= mid) {
                return null;
            }
        }
        return new CodePointSpliterator(value, lo, index = mid);
    }

    @Override
    public boolean tryAdvance(IntConsumer action) {
        Objects.requireNonNull(action);
        if (index < fence) {
            index = advance(index, action);
            return true;
        }
        return false;
    }

    @Override
    public void forEachRemaining(IntConsumer action) {
        Objects.requireNonNull(action);
        int hi = fence;
        int i = index;
        index = hi;
        while (i < hi) {
            i = advance(i, action);
        }
    }

    /** Passes the code point at {@code i} to {@code action} and returns the index after it. */
    private int advance(int i, IntConsumer action) {
        char high = Utf16Bytes.getChar(value, i++);
        int codePoint = high;
        if (Character.isHighSurrogate(high) && i < fence) {
            char low = Utf16Bytes.getChar(value, i);
            if (Character.isLowSurrogate(low)) {
                i++;
                codePoint = Character.toCodePoint(high, low);
            }
        }
        action.accept(codePoint);
        return i;
    }

    @Override
    public long estimateSize() {
        return fence - index;
    }

    @Override
    public int characteristics() {
        return Spliterator.ORDERED;
    }
}
