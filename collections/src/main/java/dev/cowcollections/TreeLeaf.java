package dev.cowcollections;

/**
 * A leaf of the B+tree: up to {@code width} keys in ascending order, each with its value at the
 * same index of {@link #values}. Slots at and above {@code size} are {@code null}, so that a
 * leaf never keeps a removed key or value reachable.
 */
final class TreeLeaf extends TreeNode {

    final Object[] values;

    /** An empty leaf owned by {@code epoch}. */
    TreeLeaf(RefCount epoch, int width) {
        super(epoch, new Object[width], 0);
        this.values = new Object[width];
    }

    private TreeLeaf(RefCount epoch, Object[] keys, Object[] values, int size) {
        super(epoch, keys, size);
        this.values = values;
    }

    @Override
    TreeLeaf copyFor(RefCount epoch) {
        return new TreeLeaf(epoch, keys.clone(), values.clone(), size);
    }
}
