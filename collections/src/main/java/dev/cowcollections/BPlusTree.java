package dev.cowcollections;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The copy-on-write B+tree behind {@link CowTreeMap} (and, through it, {@link CowTreeSet}): the
 * nodes of one handle, the sharing state that says which of them it may write in place, the
 * search and navigation helpers every view reuses, and the path-copying insert and remove.
 *
 * <h2>Implementation notes</h2>
 *
 * <p>Layout. Entries live in {@link TreeLeaf leaves} of up to {@code width} keys in ascending
 * order with their values in a parallel array; {@link TreeInner inner nodes} hold up to
 * {@code width} children and the separators between them. All leaves are at the same depth,
 * {@link #height} levels below the root; every node but the root holds at least half its width
 * (the rightmost leaf may hold less after an append, see below). An empty tree has no root.
 * <pre>
 *                 [ 40 | 80 ]                         inner: 3 children, 2 separators
 *          /           |            \
 *   [10 20 30]    [40 50 60 70]    [80 90]            leaves: keys, and values beside them
 * </pre>
 * There are no links between leaves: a path copy would have to copy the neighbours they point
 * to. Iteration keeps the path from the root instead ({@link TreePath}).
 *
 * <p>Width. {@link #DEFAULT_WIDTH} is 32. Measured with JOL on 100 000 random {@code Integer}
 * keys (JDK 17, compressed oops), beyond the keys and values: 18.8 bytes per entry at width 16,
 * 15.0 at 32, 13.2 at 64 (leaves about 70 % full at every width), against 40 for
 * {@code TreeMap}. The first put after a copy copies one node per level: 320 bytes a node at
 * width 32 (four levels at 100 000 entries, 1 440 bytes retained in all), 576 at width 64 (three
 * levels, about 1.7 KB by arithmetic); both are within issue 30's 2 KB. Speed at 16 and 64 is
 * not measured yet. Tests force
 * widths down to {@link #MIN_WIDTH} through the package-private constructors, so that small
 * collections split, merge and borrow on every path.
 *
 * <p>Inserting. A full leaf splits in two halves, except at the edges of the tree: a key
 * appended after the last key of the tree leaves the full leaf as it is and starts a new leaf
 * (and a key before the first one likewise), so keys inserted in ascending order, as time
 * series arrive, fill their leaves completely. The separator of a new right-hand node is its
 * smallest key; a full parent splits in turn, and a full root grows the tree by one level.
 *
 * <p>Removing. A leaf or inner node left below half its width merges with a neighbour when
 * both fit in one node, and otherwise takes entries from it so that the two hold half each; a
 * merge can leave the parent below half, which is mended the same way, and a root left with
 * one child gives its place to that child. Separators are never rewritten by a removal: a
 * separator whose key is gone still bounds its two subtrees correctly.
 *
 * <p>Sharing: epochs, after btrfs generations and Clojure's transients. Each handle holds an
 * epoch, a {@link RefCount}, and every node carries the epoch of the handle that made it
 * ({@link TreeNode#owner}). {@code copy()} retains the epoch and hands the same root to the new
 * handle: O(1). A handle writes a node in place only when the node's owner is its epoch and the
 * epoch is unique (a count of one, read with acquire ordering, or cached as in
 * {@link CompactHashTable}); any other node on the path of a write is copied first, stamped with
 * the handle's epoch, and linked into a parent that is already the handle's own, so the first
 * write after a copy copies one path, O(log n) nodes, and later writes along it are in place. A
 * handle whose epoch is shared first moves to a new epoch of its own.
 *
 * <p>Why a write never shows in another handle. A node stamped with epoch E is reachable only
 * from handles that hold a share of E: it is made by a handle holding E, and a handle that
 * reaches it can only pass it on by {@code copy()}, which retains E (and the inherited share
 * below). A handle that moves to a new epoch still reaches the nodes of E it did not copy, so
 * it keeps its share of E instead of releasing it: E then stays shared, and nobody writes its
 * nodes in place again. The share is released only when the handle lets go of every node,
 * which {@code clear()} does: it releases its epoch and the one it moved away from (kept in
 * {@link #inheritedShare}), so that after {@code b = a.copy(); b.put(..); b.clear()} the handle
 * {@code a} is unique again and writes in place. Shares of older epochs a handle moved away
 * from are never released: a handle dropped without {@code clear()} costs its siblings one
 * path copy per path they write, never a wrong result.
 *
 * <p>Memory ordering. Nodes are plain objects, written without atomics: a node is written only
 * by the one handle that may write it, and no other handle can reach it (above). The only
 * cross-thread edge is the one {@link RefCount} documents: a handle releases a share with
 * release ordering after its last read of the nodes, and a handle that sees the count at one
 * with acquire ordering, and then writes those nodes in place, writes after those reads. Two
 * handles that path-copy at the same time only read the shared nodes, and each links its
 * copies into nodes of its own. Copies handed to another thread need a safe publication, as
 * for any object.
 *
 * <p>{@link #isSharedTree()} is exact for what it can know: the handle counts its nodes and
 * the ones stamped with its epoch, and answers false only when the epoch is unique and every
 * node is its own. A node of an old epoch whose other holders are all gone still counts as
 * shared, since nothing tells the handle so.
 *
 * <p>Writes record the child index taken at each level in {@link #path} during the search, and
 * a second pass over those indices makes the path writable only once the write is known to
 * change something, so a call that changes nothing (a put of the value already there, the
 * removal of an absent key) never copies, and a comparator that throws during the search
 * leaves every handle as it was.
 */
abstract class BPlusTree<K, V> {

    /** Keys per leaf and children per inner node, chosen by measurement (see the notes). */
    static final int DEFAULT_WIDTH = 32;

    /** The smallest width that splits into two nodes of at least two each. */
    static final int MIN_WIDTH = 4;

    /** The largest width the package-private constructors accept. */
    static final int MAX_WIDTH = 1024;

    /** The comparator, or {@code null} for natural ordering. */
    Comparator<? super K> comparator;

    /** The width of the nodes this handle makes. */
    int nodeWidth;

    /** The root, or {@code null} when the tree is empty. */
    TreeNode root;

    /** The number of inner levels above the leaves. */
    int height;

    int size;

    /** Counts additions and removals of keys, for fail-fast iterators. */
    int modCount;

    /**
     * Counts the writes that copied nodes. A walk that holds nodes ({@link TreeCursor}, which
     * every iterator and {@code forEach} use) finds its place again in the current tree when
     * this moved, so that it reads values written since. The root alone does not tell: once a
     * write has made the root this handle's own, a later write copies only the nodes below it
     * that it does not own.
     */
    int pathCopies;

    /** The epoch whose nodes this handle may write in place while it is unique. */
    RefCount epoch = RefCount.IMMORTAL;

    /** The epoch this handle last moved away from, whose share it holds until {@code clear()}. */
    RefCount inheritedShare;

    /** Whether {@link #epoch} was seen unique; only this handle's own {@code copy()} undoes it. */
    boolean knownUnique;

    /** Nodes in this tree, and those among them stamped with {@link #epoch}. */
    int nodeCount;
    int ownNodes;

    /** Scratch of one write: the child index taken at each level, and the writable inner nodes. */
    private int[] path;
    private TreeInner[] pathNodes;

    /** For deserialization, which fills the fields in. */
    BPlusTree() {
        this.nodeWidth = DEFAULT_WIDTH;
    }

    BPlusTree(Comparator<? super K> comparator, int nodeWidth) {
        this.comparator = comparator;
        this.nodeWidth = checkWidth(nodeWidth);
    }

    static int checkWidth(int width) {
        if (width < MIN_WIDTH || width > MAX_WIDTH) {
            throw new IllegalArgumentException("node width: " + width + " (expected: " + MIN_WIDTH + " to " + MAX_WIDTH + ")");
        }
        return width;
    }

    // Comparison and search

    @SuppressWarnings("unchecked")
    final int compare(Object a, Object b) {
        Comparator<? super K> c = comparator;
        return c == null ? ((Comparable<Object>) a).compareTo(b) : c.compare((K) a, (K) b);
    }

    /** The index of {@code key} in {@code leaf}, or {@code -(insertion point) - 1}. */
    @SuppressWarnings("unchecked")
    final int searchLeaf(TreeNode leaf, Object key) {
        Object[] keys = leaf.keys;
        int lo = 0;
        int hi = leaf.size - 1;
        Comparator<? super K> c = comparator;
        if (c == null) {
            Comparable<Object> k = (Comparable<Object>) key;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int cmp = k.compareTo(keys[mid]);
                if (cmp > 0) {
                    lo = mid + 1;
                } else if (cmp < 0) {
                    hi = mid - 1;
                } else {
                    return mid;
                }
            }
        } else {
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int cmp = c.compare((K) key, (K) keys[mid]);
                if (cmp > 0) {
                    lo = mid + 1;
                } else if (cmp < 0) {
                    hi = mid - 1;
                } else {
                    return mid;
                }
            }
        }
        return -(lo + 1);
    }

    /** The child of {@code node} whose range holds {@code key}: the number of separators at or below it. */
    @SuppressWarnings("unchecked")
    final int childIndex(TreeInner node, Object key) {
        Object[] keys = node.keys;
        int lo = 0;
        int hi = node.size - 2;
        Comparator<? super K> c = comparator;
        if (c == null) {
            Comparable<Object> k = (Comparable<Object>) key;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (k.compareTo(keys[mid]) >= 0) {
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
        } else {
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (c.compare((K) key, (K) keys[mid]) >= 0) {
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
        }
        return lo;
    }

    /** The leaf whose range holds {@code key}; the tree must not be empty. */
    final TreeLeaf leafFor(Object key) {
        TreeNode n = root;
        for (int level = height; level > 0; level--) {
            TreeInner inner = (TreeInner) n;
            n = inner.children[childIndex(inner, key)];
        }
        return (TreeLeaf) n;
    }

    /** The position of {@code key}, or {@code null}; natural ordering rejects a null key, as {@code TreeMap} does. */
    final TreePosition exactPosition(Object key) {
        if (root == null) {
            if (comparator == null && key == null) {
                throw new NullPointerException();
            }
            return null;
        }
        TreeLeaf leaf = leafFor(key);
        int i = searchLeaf(leaf, key);
        return i >= 0 ? new TreePosition(leaf, i) : null;
    }

    // Navigation, shared by the map and every view

    final TreePosition firstPosition() {
        TreeNode n = root;
        if (n == null) {
            return null;
        }
        for (int level = height; level > 0; level--) {
            n = ((TreeInner) n).children[0];
        }
        return new TreePosition((TreeLeaf) n, 0);
    }

    final TreePosition lastPosition() {
        TreeNode n = root;
        if (n == null) {
            return null;
        }
        for (int level = height; level > 0; level--) {
            n = ((TreeInner) n).children[n.size - 1];
        }
        return new TreePosition((TreeLeaf) n, n.size - 1);
    }

    /**
     * The least entry whose key is at least {@code key} ({@code inclusive}) or above it, or
     * {@code null}.
     */
    final TreePosition ceilingPosition(Object key, boolean inclusive) {
        return (TreePosition) ceiling(key, inclusive, false);
    }

    /** The key of {@link #ceilingPosition}, or {@code null}, with nothing allocated. */
    final Object ceilingKey(Object key, boolean inclusive) {
        return ceiling(key, inclusive, true);
    }

    /** The greatest entry whose key is at most {@code key} ({@code inclusive}) or below it, or {@code null}. */
    final TreePosition floorPosition(Object key, boolean inclusive) {
        return (TreePosition) floor(key, inclusive, false);
    }

    /** The key of {@link #floorPosition}, or {@code null}, with nothing allocated. */
    final Object floorKey(Object key, boolean inclusive) {
        return floor(key, inclusive, true);
    }

    /**
     * The ceiling entry's key when {@code keyOnly}, otherwise its position; {@code null} when
     * there is none. A key query gets the key itself rather than a position to read it from:
     * C2 compiles this method apart from its callers once it is large, as it is with
     * {@code String} keys ("already compiled into a big method"), and the position it returned
     * then escaped, 24 bytes a call ({@code TreeReadBenchmark}, JFR allocation samples); even
     * inlined, a position that may be {@code null} merges two values, and C2 (JDK 17) allocates
     * it. The descent remembers the nearest subtree to the right of its path, where the answer
     * lies when the leaf holds nothing above {@code key}.
     */
    private Object ceiling(Object key, boolean inclusive, boolean keyOnly) {
        TreeNode n = root;
        if (n == null) {
            return null;
        }
        TreeNode right = null;
        for (int level = height; level > 0; level--) {
            TreeInner inner = (TreeInner) n;
            int i = childIndex(inner, key);
            if (i + 1 < inner.size) {
                right = inner.children[i + 1];
            }
            n = inner.children[i];
        }
        int i = searchLeaf(n, key);
        int at = i >= 0 ? (inclusive ? i : i + 1) : -(i + 1);
        if (at >= n.size) {
            if (right == null) {
                return null;
            }
            while (right instanceof TreeInner) {
                right = ((TreeInner) right).children[0];
            }
            n = right;
            at = 0;
        }
        return keyOnly ? ((TreeLeaf) n).keys[at] : new TreePosition((TreeLeaf) n, at);
    }

    /** The floor entry's key or position, as {@link #ceiling} gives the ceiling's. */
    private Object floor(Object key, boolean inclusive, boolean keyOnly) {
        TreeNode n = root;
        if (n == null) {
            return null;
        }
        TreeNode left = null;
        for (int level = height; level > 0; level--) {
            TreeInner inner = (TreeInner) n;
            int i = childIndex(inner, key);
            if (i > 0) {
                left = inner.children[i - 1];
            }
            n = inner.children[i];
        }
        int i = searchLeaf(n, key);
        int at = i >= 0 ? (inclusive ? i : i - 1) : -(i + 1) - 1;
        if (at < 0) {
            if (left == null) {
                return null;
            }
            while (left instanceof TreeInner) {
                left = ((TreeInner) left).children[left.size - 1];
            }
            n = left;
            at = left.size - 1;
        }
        return keyOnly ? ((TreeLeaf) n).keys[at] : new TreePosition((TreeLeaf) n, at);
    }

    /** A path at the first entry, or {@code null} when the tree is empty. */
    final TreePath firstPath() {
        TreeNode n = root;
        if (n == null) {
            return null;
        }
        TreePath p = new TreePath(height);
        for (int level = 0; level < height; level++) {
            p.set(level, (TreeInner) n, 0);
            n = ((TreeInner) n).children[0];
        }
        p.leaf = (TreeLeaf) n;
        p.index = 0;
        return p;
    }

    /** A path at the last entry, or {@code null} when the tree is empty. */
    final TreePath lastPath() {
        TreeNode n = root;
        if (n == null) {
            return null;
        }
        TreePath p = new TreePath(height);
        for (int level = 0; level < height; level++) {
            p.set(level, (TreeInner) n, n.size - 1);
            n = ((TreeInner) n).children[n.size - 1];
        }
        p.leaf = (TreeLeaf) n;
        p.index = n.size - 1;
        return p;
    }

    /**
     * A path at the least entry at or above ({@code inclusive}) or above {@code key}, or at the
     * greatest at or below or below it ({@code ascending} false); {@code null} if there is none.
     */
    final TreePath pathNear(Object key, boolean inclusive, boolean ascending) {
        TreeNode n = root;
        if (n == null) {
            return null;
        }
        TreePath p = new TreePath(height);
        for (int level = 0; level < height; level++) {
            TreeInner inner = (TreeInner) n;
            int i = childIndex(inner, key);
            p.set(level, inner, i);
            n = inner.children[i];
        }
        p.leaf = (TreeLeaf) n;
        int i = searchLeaf(n, key);
        if (ascending) {
            int at = i >= 0 ? (inclusive ? i : i + 1) : -(i + 1);
            p.index = at - 1;
            return p.next() ? p : null;
        }
        int at = i >= 0 ? (inclusive ? i : i - 1) : -(i + 1) - 1;
        p.index = at + 1;
        return p.previous() ? p : null;
    }

    // Sharing

    /** Whether any node of this tree may be shared with another handle; the empty tree always is. */
    final boolean isSharedTree() {
        return (!knownUnique && !epoch.isUniqueAcquire()) || ownNodes != nodeCount;
    }

    /** Whether this handle holds the only share of its epoch. */
    final boolean isUnique() {
        return knownUnique || (knownUnique = epoch.isUniqueAcquire());
    }

    /** Makes {@code copy}, a new handle, share this tree, in O(1). */
    final void shareInto(BPlusTree<K, V> copy) {
        if (knownUnique) {
            knownUnique = false;
        }
        epoch.retain();
        if (inheritedShare != null) {
            inheritedShare.retain();
        }
        copy.comparator = comparator;
        copy.nodeWidth = nodeWidth;
        copy.root = root;
        copy.height = height;
        copy.size = size;
        copy.epoch = epoch;
        copy.inheritedShare = inheritedShare;
        copy.knownUnique = false;
        copy.nodeCount = nodeCount;
        copy.ownNodes = ownNodes;
    }

    /** Whether this handle and {@code other} hold the same tree, so that their contents are equal. */
    final boolean sameTreeAs(BPlusTree<?, ?> other) {
        return root == other.root;
    }

    /**
     * Makes the epoch this handle's own before a write. A handle on a shared epoch moves to a new
     * one and keeps its share of the old, whose nodes it still reaches (see the notes).
     */
    private void prepareWrite() {
        if (!isUnique()) {
            inheritedShare = epoch == RefCount.IMMORTAL ? null : epoch;
            epoch = new RefCount();
            knownUnique = true;
            ownNodes = 0;
        }
    }

    /** Removes every entry: gives the shares back and drops the nodes, in O(1). */
    final void clearTree() {
        if (inheritedShare != null) {
            inheritedShare.release();
            inheritedShare = null;
        }
        if (!isUnique()) {
            RefCount old = epoch;
            epoch = RefCount.IMMORTAL;
            knownUnique = false;
            old.release();
        }
        root = null;
        height = 0;
        size = 0;
        nodeCount = 0;
        ownNodes = 0;
        modCount++;
    }

    /** Takes the tree of {@code source}, a private handle about to be dropped. */
    final void takeTreeOf(BPlusTree<K, V> source) {
        comparator = source.comparator;
        root = source.root;
        height = source.height;
        size = source.size;
        epoch = source.epoch;
        inheritedShare = source.inheritedShare;
        knownUnique = source.knownUnique;
        nodeCount = source.nodeCount;
        ownNodes = source.ownNodes;
    }

    // Writes

    /**
     * Descends to the leaf whose range holds {@code key}, recording the child index taken at each
     * level for a write that may follow; the tree must not be empty.
     */
    final TreeLeaf descendRecording(Object key) {
        int[] p = path;
        if (p == null || p.length < height) {
            p = path = new int[Math.max(height, 4)];
            pathNodes = new TreeInner[p.length];
        }
        TreeNode n = root;
        for (int level = 0; level < height; level++) {
            TreeInner inner = (TreeInner) n;
            int i = childIndex(inner, key);
            p[level] = i;
            n = inner.children[i];
        }
        return (TreeLeaf) n;
    }

    /** Records the path to the first ({@code first}) or the last leaf. */
    final TreeLeaf descendRecordingEdge(boolean first) {
        int[] p = path;
        if (p == null || p.length < height) {
            p = path = new int[Math.max(height, 4)];
            pathNodes = new TreeInner[p.length];
        }
        TreeNode n = root;
        for (int level = 0; level < height; level++) {
            int i = first ? 0 : n.size - 1;
            p[level] = i;
            n = ((TreeInner) n).children[i];
        }
        return (TreeLeaf) n;
    }

    /**
     * Makes every node on the recorded path this handle's own, copying the ones it does not
     * own (each into a parent that already is), and returns the leaf.
     */
    final TreeLeaf writablePath() {
        prepareWrite();
        RefCount mine = epoch;
        TreeNode n = root;
        RefCount from = n.owner;
        int copied = 0;
        if (n.owner != mine) {
            n = root = n.copyFor(mine);
            copied++;
        }
        for (int level = 0; level < height; level++) {
            TreeInner inner = (TreeInner) n;
            pathNodes[level] = inner;
            int i = path[level];
            TreeNode child = inner.children[i];
            if (child.owner != mine) {
                child = inner.children[i] = child.copyFor(mine);
                copied++;
            }
            n = child;
        }
        if (copied > 0) {
            ownNodes += copied;
            pathCopies++;
            // A path copy is this layout's detach, as a page copy is CowList's: no element is
            // copied one by one; the bytes are the nodes' two arrays each (keys, and values or children).
            CopyEvents.detached(CowTreeMap.class, CopyEvents.PAGES, from, 0, CopyEvents.referenceBytes(2L * nodeWidth * copied));
        }
        return (TreeLeaf) n;
    }

    /** Sets the value at index {@code i} of the leaf on the recorded path. */
    final void setValueOnPath(int i, Object value) {
        writablePath().values[i] = value;
    }

    /** Puts the first entry into an empty tree. */
    final void insertFirst(Object key, Object value) {
        prepareWrite();
        TreeLeaf leaf = new TreeLeaf(epoch, nodeWidth);
        leaf.keys[0] = key;
        leaf.values[0] = value;
        leaf.size = 1;
        root = leaf;
        height = 0;
        nodeCount = 1;
        ownNodes = 1;
        size = 1;
        modCount++;
    }

    /** Inserts a new entry at index {@code at} of the leaf on the recorded path. */
    final void insertOnPath(int at, Object key, Object value) {
        TreeLeaf leaf = writablePath();
        modCount++;
        size++;
        int width = leaf.width();
        if (leaf.size < width) {
            insertIntoLeaf(leaf, at, key, value);
            return;
        }
        int leftSize = (width + 1) >>> 1;
        if (at == width && onEdge(false)) {
            leftSize = width;
        } else if (at == 0 && onEdge(true)) {
            leftSize = 1;
        }
        TreeLeaf right = new TreeLeaf(epoch, width);
        nodeCount++;
        ownNodes++;
        int kept = at < leftSize ? leftSize - 1 : leftSize;
        int moved = width - kept;
        System.arraycopy(leaf.keys, kept, right.keys, 0, moved);
        System.arraycopy(leaf.values, kept, right.values, 0, moved);
        Arrays.fill(leaf.keys, kept, width, null);
        Arrays.fill(leaf.values, kept, width, null);
        leaf.size = kept;
        right.size = moved;
        if (at < leftSize) {
            insertIntoLeaf(leaf, at, key, value);
        } else {
            insertIntoLeaf(right, at - kept, key, value);
        }
        insertChild(right.keys[0], right);
    }

    /** Whether the recorded path runs along the left ({@code first}) or the right edge of the tree. */
    private boolean onEdge(boolean first) {
        for (int level = 0; level < height; level++) {
            if (path[level] != (first ? 0 : pathNodes[level].size - 1)) {
                return false;
            }
        }
        return true;
    }

    private static void insertIntoLeaf(TreeLeaf leaf, int at, Object key, Object value) {
        int tail = leaf.size - at;
        System.arraycopy(leaf.keys, at, leaf.keys, at + 1, tail);
        System.arraycopy(leaf.values, at, leaf.values, at + 1, tail);
        leaf.keys[at] = key;
        leaf.values[at] = value;
        leaf.size++;
    }

    /**
     * Links {@code child}, the new right-hand half of the node at the bottom of the recorded
     * path, into its parent, splitting full parents up to the root.
     */
    private void insertChild(Object separator, TreeNode child) {
        for (int level = height - 1; level >= 0; level--) {
            TreeInner parent = pathNodes[level];
            int at = path[level] + 1;
            int width = parent.width();
            if (parent.size < width) {
                insertIntoInner(parent, at, separator, child);
                return;
            }
            // Lay the w + 1 children and w separators out in order, then cut them in two.
            TreeNode[] children = Arrays.copyOf(parent.children, width + 1);
            Object[] separators = Arrays.copyOf(parent.keys, width);
            System.arraycopy(children, at, children, at + 1, width - at);
            children[at] = child;
            System.arraycopy(separators, at - 1, separators, at, width - at);
            separators[at - 1] = separator;
            int leftSize = (width + 1) >>> 1;
            TreeInner right = new TreeInner(epoch, width);
            nodeCount++;
            ownNodes++;
            Arrays.fill(parent.children, null);
            Arrays.fill(parent.keys, null);
            System.arraycopy(children, 0, parent.children, 0, leftSize);
            System.arraycopy(separators, 0, parent.keys, 0, leftSize - 1);
            parent.size = leftSize;
            System.arraycopy(children, leftSize, right.children, 0, width + 1 - leftSize);
            System.arraycopy(separators, leftSize, right.keys, 0, width - leftSize);
            right.size = width + 1 - leftSize;
            separator = separators[leftSize - 1];
            child = right;
        }
        TreeInner newRoot = new TreeInner(epoch, nodeWidth);
        newRoot.children[0] = root;
        newRoot.children[1] = child;
        newRoot.keys[0] = separator;
        newRoot.size = 2;
        root = newRoot;
        height++;
        nodeCount++;
        ownNodes++;
        if (path.length < height) {
            path = Arrays.copyOf(path, height);
            pathNodes = Arrays.copyOf(pathNodes, height);
        }
    }

    private static void insertIntoInner(TreeInner parent, int at, Object separator, TreeNode child) {
        System.arraycopy(parent.children, at, parent.children, at + 1, parent.size - at);
        System.arraycopy(parent.keys, at - 1, parent.keys, at, parent.size - at);
        parent.children[at] = child;
        parent.keys[at - 1] = separator;
        parent.size++;
    }

    /** Removes the entry at index {@code at} of the leaf on the recorded path, and mends the tree. */
    final void removeOnPath(int at) {
        TreeLeaf leaf = writablePath();
        modCount++;
        size--;
        int tail = leaf.size - at - 1;
        System.arraycopy(leaf.keys, at + 1, leaf.keys, at, tail);
        System.arraycopy(leaf.values, at + 1, leaf.values, at, tail);
        leaf.size--;
        leaf.keys[leaf.size] = null;
        leaf.values[leaf.size] = null;
        if (height == 0) {
            if (leaf.size == 0) {
                root = null;
                nodeCount = 0;
                ownNodes = 0;
            }
            return;
        }
        int min = leaf.width() >>> 1;
        for (int level = height - 1; level >= 0; level--) {
            TreeInner parent = pathNodes[level];
            int i = path[level];
            if (parent.children[i].size >= min) {
                break;
            }
            if (!mendChild(parent, i)) {
                break;
            }
        }
        if (height > 0 && root.size == 1) {
            root = ((TreeInner) root).children[0];
            height--;
            nodeCount--;
            ownNodes--;
        }
    }

    /**
     * Mends child {@code i} of {@code parent}, below half its width, with a neighbour: merges
     * the two when they fit in one node (and returns true: the parent lost a child), otherwise
     * shares their entries out evenly (and returns false).
     */
    private boolean mendChild(TreeInner parent, int i) {
        int li = i > 0 ? i - 1 : i;
        TreeNode right = parent.children[li + 1];
        TreeNode left = writableChild(parent, li);
        int width = left.width();
        if (left.size + right.size <= width) {
            mergeInto(left, parent.keys[li], right);
            int tail = parent.size - li - 2;
            System.arraycopy(parent.children, li + 2, parent.children, li + 1, tail);
            System.arraycopy(parent.keys, li + 1, parent.keys, li, tail);
            parent.size--;
            parent.children[parent.size] = null;
            parent.keys[parent.size - 1] = null;
            nodeCount--;
            if (right.owner == epoch) {
                ownNodes--;
            }
            return true;
        }
        parent.keys[li] = shareOut(left, parent.keys[li], writableChild(parent, li + 1));
        return false;
    }

    private TreeNode writableChild(TreeInner parent, int i) {
        TreeNode child = parent.children[i];
        if (child.owner != epoch) {
            child = parent.children[i] = child.copyFor(epoch);
            ownNodes++;
        }
        return child;
    }

    private static void mergeInto(TreeNode left, Object separator, TreeNode right) {
        if (left instanceof TreeLeaf) {
            System.arraycopy(right.keys, 0, left.keys, left.size, right.size);
            System.arraycopy(((TreeLeaf) right).values, 0, ((TreeLeaf) left).values, left.size, right.size);
        } else {
            left.keys[left.size - 1] = separator;
            System.arraycopy(right.keys, 0, left.keys, left.size, right.size - 1);
            System.arraycopy(((TreeInner) right).children, 0, ((TreeInner) left).children, left.size, right.size);
        }
        left.size += right.size;
    }

    /** Shares the entries of two neighbours out evenly and returns the separator between them. */
    private static Object shareOut(TreeNode left, Object separator, TreeNode right) {
        int total = left.size + right.size;
        int leftSize = total >>> 1;
        if (left instanceof TreeLeaf) {
            Object[] keys = new Object[total];
            Object[] values = new Object[total];
            System.arraycopy(left.keys, 0, keys, 0, left.size);
            System.arraycopy(right.keys, 0, keys, left.size, right.size);
            System.arraycopy(((TreeLeaf) left).values, 0, values, 0, left.size);
            System.arraycopy(((TreeLeaf) right).values, 0, values, left.size, right.size);
            refill(left.keys, keys, 0, leftSize);
            refill(((TreeLeaf) left).values, values, 0, leftSize);
            refill(right.keys, keys, leftSize, total - leftSize);
            refill(((TreeLeaf) right).values, values, leftSize, total - leftSize);
            left.size = leftSize;
            right.size = total - leftSize;
            return right.keys[0];
        }
        TreeNode[] children = new TreeNode[total];
        Object[] separators = new Object[total - 1];
        System.arraycopy(((TreeInner) left).children, 0, children, 0, left.size);
        System.arraycopy(((TreeInner) right).children, 0, children, left.size, right.size);
        System.arraycopy(left.keys, 0, separators, 0, left.size - 1);
        separators[left.size - 1] = separator;
        System.arraycopy(right.keys, 0, separators, left.size, right.size - 1);
        refill(((TreeInner) left).children, children, 0, leftSize);
        refill(left.keys, separators, 0, leftSize - 1);
        refill(((TreeInner) right).children, children, leftSize, total - leftSize);
        refill(right.keys, separators, leftSize, total - leftSize - 1);
        left.size = leftSize;
        right.size = total - leftSize;
        return separators[leftSize - 1];
    }

    private static void refill(Object[] target, Object[] source, int from, int count) {
        System.arraycopy(source, from, target, 0, count);
        Arrays.fill(target, count, target.length, null);
    }

    // Building from sorted entries in O(n)

    /**
     * Builds a tree of this handle's width from entries already in strictly ascending order,
     * filling every node but the last two of each level, which share out what is left so that
     * both hold at least half. The handle must be empty.
     */
    final class SortedBuilder {
        private final List<TreeNode> leaves = new ArrayList<>();
        private TreeLeaf current;
        private final RefCount mine;

        SortedBuilder() {
            prepareWrite();
            mine = epoch;
        }

        void add(Object key, Object value) {
            if (current == null || current.size == nodeWidth) {
                current = new TreeLeaf(mine, nodeWidth);
                leaves.add(current);
            }
            current.keys[current.size] = key;
            current.values[current.size] = value;
            current.size++;
        }

        /** Makes the entries added so far the contents of the handle. */
        void finish() {
            int count = 0;
            for (TreeNode leaf : leaves) {
                count += leaf.size;
            }
            if (count == 0) {
                return;
            }
            List<TreeNode> level = leaves;
            List<Object> lowestKeys = new ArrayList<>(leaves.size());
            for (TreeNode leaf : leaves) {
                lowestKeys.add(leaf.keys[0]);
            }
            int nodes = level.size();
            int levels = 0;
            balanceLast(level, lowestKeys);
            while (level.size() > 1) {
                List<TreeNode> parents = new ArrayList<>();
                List<Object> parentLowest = new ArrayList<>();
                TreeInner parent = null;
                for (int i = 0; i < level.size(); i++) {
                    if (parent == null || parent.size == nodeWidth) {
                        parent = new TreeInner(mine, nodeWidth);
                        parents.add(parent);
                        parentLowest.add(lowestKeys.get(i));
                    } else {
                        parent.keys[parent.size - 1] = lowestKeys.get(i);
                    }
                    parent.children[parent.size++] = level.get(i);
                }
                balanceLast(parents, parentLowest);
                level = parents;
                lowestKeys = parentLowest;
                nodes += level.size();
                levels++;
            }
            root = level.get(0);
            height = levels;
            size = count;
            nodeCount = nodes;
            ownNodes = nodes;
            modCount++;
        }

        /** Shares out the last two nodes of a level when the last holds less than half. */
        private void balanceLast(List<TreeNode> level, List<Object> lowestKeys) {
            int n = level.size();
            if (n < 2 || level.get(n - 1).size >= nodeWidth >>> 1) {
                return;
            }
            TreeNode left = level.get(n - 2);
            TreeNode right = level.get(n - 1);
            Object separator = shareOut(left, lowestKeys.get(n - 1), right);
            lowestKeys.set(n - 1, separator);
        }
    }
}
