package dev.cowcollections;

/**
 * A node of the B+tree behind {@link CowTreeMap} and {@link CowTreeSet}: a {@link TreeLeaf} or
 * a {@link TreeInner}. Every array of a node has the tree's width as its length, allocated
 * once; {@link #size} says how much of it is in use.
 *
 * <p>{@link #owner} is the sharing epoch (see {@link BPlusTree}) of the handle that made this
 * node. A handle writes a node in place only when the node's owner is its own epoch and that
 * epoch's count says the handle is its only holder; every other node it must change is copied
 * first, and the copy gets the handle's epoch.
 */
abstract class TreeNode {

    /** The epoch of the handle that made this node; never changed once the node is shared. */
    final RefCount owner;

    /** Keys in a leaf; separators in an inner node, of which there are {@code size - 1}. */
    final Object[] keys;

    /** Entries in a leaf, children in an inner node. */
    int size;

    TreeNode(RefCount owner, Object[] keys, int size) {
        this.owner = owner;
        this.keys = keys;
        this.size = size;
    }

    /** A copy of this node with the same contents, owned by {@code epoch}. */
    abstract TreeNode copyFor(RefCount epoch);

    /** The number of slots of each array: the width of the tree. */
    final int width() {
        return keys.length;
    }
}
