package dev.cowcollections;

/**
 * One entry of a B+tree, as the single-step navigation of {@link BPlusTree} finds it: the leaf
 * and the index in it. It is read at once and dropped, before the tree changes.
 */
final class TreePosition {
    final TreeLeaf leaf;
    final int index;

    TreePosition(TreeLeaf leaf, int index) {
        this.leaf = leaf;
        this.index = index;
    }

    Object key() {
        return leaf.keys[index];
    }

    Object value() {
        return leaf.values[index];
    }
}
