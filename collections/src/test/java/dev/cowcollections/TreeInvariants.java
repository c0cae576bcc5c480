package dev.cowcollections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks the shape of a handle's B+tree against the implementation notes of {@link BPlusTree}:
 * keys ascending within and across leaves, separators bounding their subtrees, every leaf at
 * the same depth, nodes at least half full except the root and the first and last leaves,
 * no stale references beyond {@code size}, and the size and node counts the handle keeps.
 */
final class TreeInvariants {

    private TreeInvariants() {
    }

    static void check(BPlusTree<?, ?> tree) {
        if (tree.root == null) {
            assertEquals(0, tree.size, "an empty tree has size 0");
            assertEquals(0, tree.height, "an empty tree has height 0");
            assertEquals(0, tree.nodeCount, "an empty tree has no nodes");
            return;
        }
        Counts counts = new Counts();
        walk(tree, tree.root, 0, null, null, true, true, true, counts);
        assertEquals(tree.size, counts.entries, "size counts the entries of the leaves");
        assertEquals(tree.nodeCount, counts.nodes, "nodeCount counts the nodes");
        if (tree.isUnique()) {
            assertEquals(tree.ownNodes, counts.own, "ownNodes counts the nodes of the handle's epoch");
        }
    }

    private static final class Counts {
        int entries;
        int nodes;
        int own;
        Object lastKey;
        boolean any;
    }

    private static void walk(BPlusTree<?, ?> tree, TreeNode node, int depth, Object lo, Object hi,
            boolean isRoot, boolean leftmost, boolean rightmost, Counts counts) {
        counts.nodes++;
        if (node.owner == tree.epoch) {
            counts.own++;
        }
        int width = node.width();
        assertTrue(node.size >= 1 && node.size <= width, "node size " + node.size + " within 1.." + width);
        if (!isRoot && !(node instanceof TreeLeaf && (leftmost || rightmost))) {
            assertTrue(node.size >= width / 2, "a node that is not the root or an edge leaf is half full: " + node.size + " of " + width);
        }
        if (node instanceof TreeLeaf) {
            assertEquals(tree.height, depth, "every leaf is at depth height");
            TreeLeaf leaf = (TreeLeaf) node;
            for (int i = 0; i < leaf.size; i++) {
                Object key = leaf.keys[i];
                if (counts.any) {
                    assertTrue(tree.compare(counts.lastKey, key) < 0, "keys ascend: " + counts.lastKey + " then " + key);
                }
                if (lo != null) {
                    assertTrue(tree.compare(lo, key) <= 0, "key " + key + " at or above its separator " + lo);
                }
                if (hi != null) {
                    assertTrue(tree.compare(key, hi) < 0, "key " + key + " below its separator " + hi);
                }
                counts.lastKey = key;
                counts.any = true;
                counts.entries++;
            }
            for (int i = leaf.size; i < width; i++) {
                assertNull(leaf.keys[i], "no key beyond size");
                assertNull(leaf.values[i], "no value beyond size");
            }
            return;
        }
        TreeInner inner = (TreeInner) node;
        if (isRoot) {
            assertTrue(inner.size >= 2, "an inner root has two children at least");
        }
        for (int i = 0; i < inner.size; i++) {
            Object childLo = i == 0 ? lo : inner.keys[i - 1];
            Object childHi = i == inner.size - 1 ? hi : inner.keys[i];
            walk(tree, inner.children[i], depth + 1, childLo, childHi, false, leftmost && i == 0, rightmost && i == inner.size - 1, counts);
        }
        for (int i = inner.size - 1; i < width; i++) {
            assertNull(inner.keys[i], "no separator beyond size - 1");
        }
        for (int i = inner.size; i < width; i++) {
            assertNull(inner.children[i], "no child beyond size");
        }
    }
}
