package dev.cowcollections;

import java.util.Objects;
import java.util.Spliterator;
import java.util.function.IntConsumer;

/** The chars of a {@link CowString} buffer in {@code [index, fence)}, for {@code chars()}. */
final class CharSpliterator implements Spliterator.OfInt {

    static final int CHARACTERISTICS = Spliterator.ORDERED | Spliterator.SIZED | Spliterator.SUBSIZED;

    private final byte[] value;
    private final byte coder;
    private int index;
    private final int fence;

    CharSpliterator(byte[] value, byte coder, int index, int fence) {
        this.value = value;
        this.coder = coder;
        this.index = index;
        this.fence = fence;
    }

    @Override
    public OfInt trySplit() {
        int lo = index;
        int mid = (lo + fence) >>> 1;
        return lo >= mid ? null : new CharSpliterator(value, coder, lo, index = mid);
    }

    @Override
    public boolean tryAdvance(IntConsumer action) {
        Objects.requireNonNull(action);
        if (index < fence) {
            action.accept(CowString.charAt(value, coder, index++));
            return true;
        }
        return false;
    }

    @Override
    public void forEachRemaining(IntConsumer action) {
        Objects.requireNonNull(action);
        byte[] v = value;
        int hi = fence;
        int i = index;
        index = hi;
        if (coder == CowString.LATIN1) {
            for (; i < hi; i++) {
                action.accept(v[i] & 0xff);
            }
        } else {
            for (; i < hi; i++) {
                action.accept(Utf16Bytes.getChar(v, i));
            }
        }
    }

    @Override
    public long estimateSize() {
        return fence - index;
    }

    @Override
    public int characteristics() {
        return CHARACTERISTICS;
    }
}
