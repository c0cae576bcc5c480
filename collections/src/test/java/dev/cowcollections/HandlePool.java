package dev.cowcollections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A few handles of one copy-on-write collection type that copy each other, each with a
 * {@code java.util} model of type {@code C} that is copied eagerly, and the {@link ShareModel}
 * of their buffers: the state shared by {@link MapPool} and {@link SetPool}.
 *
 * <p>When a call "changed" a handle. A call changed the contents exactly when the model's
 * contents afterwards differ from its contents before <em>by reference</em>: a different size, or
 * a position in iteration order that holds another key or value object, equal or not. So putting
 * an equal value that is another object is a change (and detaches a shared handle), putting the
 * very value already there is not, and a call that adds and removes so that the same references
 * end up in the same order counts as no change (no operation here does that). The model, a
 * {@code LinkedHashMap} or {@code LinkedHashSet}, decides what the call does; the handle must
 * then hold the same references in the same order, and must have detached exactly when the call
 * changed it while it was shared (SPEC.md, "Sharing semantics", rules 2 to 5).
 *
 * @param <C> the interface both the handles and the models implement
 * @param <H> the handle type
 */
class HandlePool<C, H extends C> {
    static final int HANDLES = 4;

    /** A write that may copy its handle into another slot part-way, by running {@code copyHere}. */
    interface Write<C> {
        Object apply(C collection, Runnable copyHere);
    }

    private final List<H> handles = new ArrayList<>();
    private final List<C> models = new ArrayList<>();
    private final ShareModel shares;
    private final UnaryOperator<H> copy;
    private final Function<C, List<Object>> contents;
    private final UnaryOperator<C> copyModel;

    /**
     * {@code HANDLES} handles on the buffer of {@code first}, which must be unshared.
     *
     * @param copy {@code copy()}, for the first handles and for copies in the middle of a write
     * @param countOf the handle's count
     * @param layoutOf what comes with the count, for {@link ShareModel}
     * @param contents every reference the collection holds, in iteration order (keys and values
     *     alternating for a map)
     * @param copyModel a new model with the same contents
     */
    HandlePool(H first, UnaryOperator<H> copy, Function<H, RefCount> countOf, Function<H, Object> layoutOf,
            Function<C, List<Object>> contents, UnaryOperator<C> copyModel) {
        this.copy = copy;
        this.contents = contents;
        this.copyModel = copyModel;
        for (int i = 0; i < HANDLES; i++) {
            handles.add(i == 0 ? first : copy.apply(first));
            models.add(copyModel.apply(first));
        }
        shares = new ShareModel(HANDLES, slot -> countOf.apply(handles.get(slot)),
                slot -> layoutOf.apply(handles.get(slot)));
    }

    H handle(int slot) {
        return handles.get(slot);
    }

    C model(int slot) {
        return models.get(slot);
    }

    ShareModel shares() {
        return shares;
    }

    List<Object> contents(C collection) {
        return contents.apply(collection);
    }

    /** Whether {@code operation} changed the model in {@code slot}, by the rule in the class comment. */
    boolean changes(int slot, Consumer<C> operation) {
        List<Object> before = contents(models.get(slot));
        operation.accept(models.get(slot));
        return !sameReferences(before, contents(models.get(slot)));
    }

    /** {@link #write(int, int, Write)} of an operation that copies nothing. */
    void write(int slot, Function<C, Object> operation) {
        write(slot, -1, (collection, copyHere) -> operation.apply(collection));
    }

    /**
     * Applies {@code operation} to the model, then to the handle: both must return the same
     * references, or throw the same exception, and the handle must detach exactly when SPEC says.
     * When the operation runs {@code copyHere} (at most once, at the same point on both), the
     * handle is copied into slot {@code copyTarget} at that moment, with the model as it then
     * was, and the two halves of the call are judged separately.
     */
    void write(int slot, int copyTarget, Write<C> operation) {
        C model = models.get(slot);
        H handle = handles.get(slot);
        List<Object> before = contents(model);
        List<C> atCopy = new ArrayList<>(1);
        Outcome expected = Outcome.of(() -> operation.apply(model, () -> {
            assertTrue(atCopy.isEmpty(), "an operation copies at most once");
            atCopy.add(copyModel.apply(model));
        }));
        boolean[] copied = {false};
        Outcome actual = Outcome.of(() -> operation.apply(handle, () -> {
            assertEquals(1, atCopy.size(), "the handle copies where its model did");
            List<Object> then = contents(atCopy.get(0));
            assertTrue(sameReferences(then, contents(handle)), "at the copy, the handle matches its model");
            shares.expectDetach(slot, !sameReferences(before, then), false);
            copied[0] = true;
            put(copyTarget, copy.apply(handle), copyModel.apply(atCopy.get(0)));
            shares.copied(slot, copyTarget);
        }));
        expected.assertSameAs(actual);
        assertEquals(!atCopy.isEmpty(), copied[0], "the handle copies where its model did");
        List<Object> base = atCopy.isEmpty() ? before : contents(atCopy.get(0));
        shares.expectDetach(slot, !sameReferences(base, contents(model)), false);
    }

    /** {@code clear()}, through {@code clearer}, which moves a shared handle to the immortal empty buffer. */
    void clear(int slot, Consumer<C> clearer) {
        boolean changed = changes(slot, clearer);
        clearer.accept(handles.get(slot));
        shares.expectDetach(slot, changed, true);
    }

    /** A read through {@code query}: the model and the handle answer alike, and nothing detaches. */
    void read(int slot, Function<C, Object> query) {
        Outcome.of(() -> query.apply(models.get(slot))).assertSameAs(Outcome.of(() -> query.apply(handles.get(slot))));
        shares.expectDetach(slot, false, false);
    }

    /** Replaces the handle in {@code target} (dropping it) with one that shares {@code source}'s buffer. */
    void share(int source, int target, UnaryOperator<H> copier) {
        put(target, copier.apply(handles.get(source)), copyModel.apply(models.get(source)));
        shares.copied(source, target);
    }

    /** Replaces the handle in {@code target} (dropping it) with an unshared one holding {@code contents}. */
    void replaceWithFresh(int target, H fresh, C contents) {
        put(target, fresh, contents);
        shares.replacedWithFresh(target, contents(contents).isEmpty());
    }

    void put(int slot, H handle, C model) {
        handles.set(slot, handle);
        models.set(slot, model);
    }

    static boolean sameReferences(List<?> expected, List<?> actual) {
        if (expected.size() != actual.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            if (expected.get(i) != actual.get(i)) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    static <T> T roundTrip(T value) {
        try {
            return (T) CowListSerializationTest.deserialize(CowListSerializationTest.serialize(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    /** What a call returned, or the class of what it threw. */
    record Outcome(Object result, Class<? extends RuntimeException> thrown) {
        static Outcome of(Supplier<Object> call) {
            try {
                return new Outcome(call.get(), null);
            } catch (RuntimeException e) {
                return new Outcome(null, e.getClass());
            }
        }

        /** The same exception class, or results that are the same reference (lists: element by element). */
        void assertSameAs(Outcome actual) {
            assertEquals(thrown, actual.thrown, "the model and the handle throw the same, or neither throws");
            if (result instanceof List<?> expectedList && actual.result instanceof List<?> actualList) {
                if (!sameReferences(expectedList, actualList)) {
                    fail("results differ: expected " + expectedList + " but was " + actualList);
                }
            } else if (result != actual.result) {
                if (result == null) {
                    assertNull(actual.result, "result of the call");
                }
                fail("result of the call: expected the very object " + result + " but was " + actual.result);
            }
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + models;
    }
}
