package dev.cowcollections;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The state of {@link CowSetProperties}: a few {@code CowSet} handles that copy each other, each
 * with a {@code LinkedHashSet} model, and the {@link ShareModel} of their buffers. A call changed
 * a handle when its model's elements afterwards differ from before by reference (see
 * {@link HandlePool}); adding an element equal to a present one keeps the present object in
 * both, so it changes nothing.
 *
 * <p>It also notes, for the property's statistics, whether nine elements of one hash met in one
 * handle, which is when {@code CompactHashTable} moves them into a collision tree.
 */
final class SetPool extends HandlePool<Set<Object>, CowSet<Object>> {

    /** Elements that no set ever holds, beside the ones of {@link CollidingKeys#UNIVERSE} a set lacks. */
    private static final List<Object> NEVER_PRESENT = List.of(
            new CollidingKeys.Plain(99, 7), new CollidingKeys.Ordered(99, 0), 1000, "0", "\u0007");

    private int largestGroup;

    SetPool() {
        super(initial(), CowSet::copy, CowSet::refCount, set -> MapPool.layout(set.elementMap()), ArrayList::new,
                LinkedHashSet::new);
    }

    /** Eight elements of hash 7, one short of a tree, four of hash 0 (null among them), and two more. */
    private static CowSet<Object> initial() {
        return CowSet.of(7, new CollidingKeys.Plain(0, 7), new CollidingKeys.Ordered(0, 7), new CollidingKeys.Plain(1, 7),
                null, new CollidingKeys.Ordered(1, 7), new CollidingKeys.Plain(2, 7), 0, new CollidingKeys.Ordered(2, 7),
                new CollidingKeys.Plain(3, 7), new CollidingKeys.Plain(0, 0), 1, new CollidingKeys.Ordered(0, 0), 2);
    }

    /** The invariant checked after every step. */
    void checkEveryHandle() {
        for (int i = 0; i < HANDLES; i++) {
            CowSet<Object> handle = handle(i);
            Set<Object> model = model(i);
            String which = "handle " + i;
            assertEquals(model, handle, which);
            assertEquals(handle, model, which);
            List<Object> elements = new ArrayList<>(model);
            assertTrue(sameReferences(elements, new ArrayList<>(handle)), which + " holds the very same elements, in order");
            assertTrue(sameReferences(elements, Arrays.asList(handle.toArray())), which + " toArray()");
            assertTrue(sameReferences(elements, Arrays.asList(handle.toArray(new Object[0]))), which + " toArray(T[])");
            assertTrue(sameReferences(elements, handle.stream().toList()), which + " stream order");
            List<Object> visited = new ArrayList<>();
            handle.forEach(visited::add);
            assertTrue(sameReferences(elements, visited), which + " forEach order");
            assertEquals(model.size(), handle.size(), which);
            assertEquals(model.isEmpty(), handle.isEmpty(), which);
            assertEquals(model.hashCode(), handle.hashCode(), which + " hashCode");
            assertEquals(model.toString(), handle.toString(), which + " toString");
            for (Object element : CollidingKeys.UNIVERSE) {
                assertEquals(model.contains(element), handle.contains(element), which + " contains(" + element + ")");
                Object copy = CollidingKeys.equalCopy(element);
                assertEquals(model.contains(copy), handle.contains(copy), which + " contains(an equal " + copy + ")");
            }
            for (Object element : NEVER_PRESENT) {
                assertEquals(false, handle.contains(element), which + " contains(" + element + ")");
            }
            assertTrue(handle.containsAll(model), which + " containsAll of its model");
            shares().check(i, handle.isShared(), handle.elementMap().isPaged(), which);
            for (int j = 0; j < i; j++) {
                assertEquals(model(j).equals(model), handle(j).equals(handle), "handles " + j + " and " + i + " are equal as their models are");
            }
            for (int hash : CollidingKeys.GROUP_HASHES) {
                largestGroup = Math.max(largestGroup, (int) model.stream().filter(e -> Objects.hashCode(e) == hash).count());
            }
        }
    }

    /** Whether nine elements of one hash met in one handle in this sequence, so that a tree formed. */
    boolean treeFormed() {
        return largestGroup > CompactHashTable.TREEIFY_THRESHOLD;
    }

    /** Checks a set read back from a stream, before the slot adopts it. */
    static void checkRoundTrip(Set<Object> model, CowSet<Object> read) {
        assertEquals(model, read);
        assertArrayEquals(model.toArray(), read.toArray(), "the order survives serialization");
        assertTrue(!read.isShared() || read.isEmpty(), "a deserialized set owns its buffer");
    }
}
