package dev.cowcollections;

/**
 * A place in a B+tree that can step to the next or the previous entry in amortized O(1): the
 * leaf and the index in it, and above it the inner node and the child index taken at every
 * level, root first. Iterators walk the leaves with it; stepping off a leaf climbs the path to
 * the nearest inner node with a child beside the one taken and descends from there.
 *
 * <p>It reads the nodes it was positioned on, so it is valid only while the tree keeps them:
 * {@link TreeCursor} positions a new path whenever a write copied nodes since
 * ({@link BPlusTree#pathCopies}), and fails fast on a change of keys.
 */
final class TreePath {
    private final TreeInner[] inners;
    private final int[] indices;
    TreeLeaf leaf;
    int index;

    TreePath(int height) {
        inners = new TreeInner[height];
        indices = new int[height];
    }

    /** Records that the descent took child {@code child} of {@code node} at {@code level}. */
    void set(int level, TreeInner node, int child) {
        inners[level] = node;
        indices[level] = child;
    }

    Object key() {
        return leaf.keys[index];
    }

    Object value() {
        return leaf.values[index];
    }

    /** Moves to the next entry; false, leaving the place undefined, when there is none. */
    boolean next() {
        return ++index < leaf.size || nextLeaf();
    }

    /**
     * Moves to the first entry of the next leaf ({@code step} +1) or the last entry of the
     * previous leaf ({@code step} -1); false, leaving the place undefined, when there is none.
     */
    boolean nextLeaf(int step) {
        return step > 0 ? nextLeaf() : previousLeaf();
    }

    /** Moves to the first entry of the next leaf; false, leaving the place undefined, when there is none. */
    boolean nextLeaf() {
        for (int level = inners.length - 1; level >= 0; level--) {
            TreeInner node = inners[level];
            int child = indices[level] + 1;
            if (child < node.size) {
                indices[level] = child;
                TreeNode n = node.children[child];
                for (int below = level + 1; below < inners.length; below++) {
                    inners[below] = (TreeInner) n;
                    indices[below] = 0;
                    n = ((TreeInner) n).children[0];
                }
                leaf = (TreeLeaf) n;
                index = 0;
                return true;
            }
        }
        return false;
    }

    /** Moves to the previous entry; false, leaving the place undefined, when there is none. */
    boolean previous() {
        return --index >= 0 || previousLeaf();
    }

    /** Moves to the last entry of the previous leaf; false, leaving the place undefined, when there is none. */
    boolean previousLeaf() {
        for (int level = inners.length - 1; level >= 0; level--) {
            TreeInner node = inners[level];
            int child = indices[level] - 1;
            if (child >= 0) {
                indices[level] = child;
                TreeNode n = node.children[child];
                for (int below = level + 1; below < inners.length; below++) {
                    TreeInner inner = (TreeInner) n;
                    inners[below] = inner;
                    indices[below] = inner.size - 1;
                    n = inner.children[inner.size - 1];
                }
                leaf = (TreeLeaf) n;
                index = leaf.size - 1;
                return true;
            }
        }
        return false;
    }
}
