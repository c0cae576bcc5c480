package dev.cowcollections;

/**
 * An inner node of the B+tree: {@code size} children and {@code size - 1} separators. Every key
 * under {@code children[i]} is at least {@code keys[i - 1]} and below {@code keys[i]}. A
 * separator is the smallest key of its right-hand subtree when it is made, and stays a valid
 * bound when that key is later removed, so removals never rewrite the path above a leaf.
 */
final class TreeInner extends TreeNode {

    final TreeNode[] children;

    /** An empty inner node owned by {@code epoch}. */
    TreeInner(RefCount epoch, int width) {
        super(epoch, new Object[width], 0);
        this.children = new TreeNode[width];
    }

    private TreeInner(RefCount epoch, Object[] keys, TreeNode[] children, int size) {
        super(epoch, keys, size);
        this.children = children;
    }

    @Override
    TreeInner copyFor(RefCount epoch) {
        return new TreeInner(epoch, keys.clone(), children.clone(), size);
    }
}
