package dev.cowcollections;

import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.ActionChainArbitrary;
import net.jqwik.api.state.Transformer;

/**
 * The kinds of jqwik action that {@link CowMapProperties} and {@link CowSetProperties} build their
 * histories from, over a {@link HandlePool} {@code P} whose handles {@code H} and models share
 * the interface {@code C}. Each names its arguments and slots, so a shrunk failure reads as a
 * list of calls.
 */
final class PoolActions<P extends HandlePool<C, H>, C, H extends C> {

    /** How much more often a {@link #growing} action is drawn, so that nine keys of one hash meet. */
    private static final int GROWING_WEIGHT = 4;

    /** An action that adds keys, drawn {@link #GROWING_WEIGHT} times as often as the others. */
    private record Growing<P>(Action.Independent<P> action) implements Action.Independent<P> {
        @Override
        public Arbitrary<Transformer<P>> transformer() {
            return action.transformer();
        }
    }

    /** Sequences of up to {@code maxTransformations} of {@code actions}, from a new pool. */
    ActionChainArbitrary<P> histories(Supplier<P> start, List<Action.Independent<P>> actions, int maxTransformations) {
        ActionChainArbitrary<P> chain = ActionChain.startWith(start);
        for (Action.Independent<P> action : actions) {
            chain = chain.withAction(action instanceof Growing ? GROWING_WEIGHT : 1, action);
        }
        return chain.withMaxTransformations(maxTransformations);
    }

    /** {@code action}, drawn more often: it adds keys. */
    Action.Independent<P> growing(Action.Independent<P> action) {
        return new Growing<>(action);
    }

    /** {@link HandlePool#write(int, Function)} on a random slot. */
    <T> Action.Independent<P> write(String name, Arbitrary<T> arguments, Function<T, Function<C, Object>> operation) {
        return onSlotWith(name, arguments, (slot, argument) -> pool -> pool.write(slot, operation.apply(argument)));
    }

    /** {@link HandlePool#read} on a random slot. */
    <T> Action.Independent<P> read(String name, Arbitrary<T> arguments, Function<T, Function<C, Object>> query) {
        return onSlotWith(name, arguments, (slot, argument) -> pool -> pool.read(slot, query.apply(argument)));
    }

    /** A write that may copy its handle, part-way, into another slot. */
    <T> Action.Independent<P> copyingWrite(String name, Arbitrary<T> arguments, Function<T, HandlePool.Write<C>> operation) {
        return () -> {
            Arbitrary<Integer> offsets = Arbitraries.integers().between(1, HandlePool.HANDLES - 1);
            return Combinators.combine(slots(), offsets, arguments).as((slot, offset, argument) -> {
                int target = (slot + offset) % HandlePool.HANDLES;
                return Transformer.mutate(name + "(" + argument + ") on handle " + slot + ", copying into slot " + target,
                        pool -> pool.write(slot, target, operation.apply(argument)));
            });
        };
    }

    /** A step on a random slot and a random argument. */
    <T> Action.Independent<P> onSlotWith(
            String name, Arbitrary<T> arguments, BiFunction<Integer, T, Consumer<P>> step) {
        return () -> Combinators.combine(slots(), arguments).as((slot, argument) -> Transformer.mutate(
                name + "(" + argument + ") on handle " + slot, step.apply(slot, argument)));
    }

    /** A step on a random slot. */
    Action.Independent<P> onSlot(String name, Function<Integer, Consumer<P>> step) {
        return () -> slots().map(slot -> Transformer.mutate(name + " on handle " + slot, step.apply(slot)));
    }

    /** A step on two random slots, maybe the same. */
    Action.Independent<P> onTwoSlots(String name, BiFunction<Integer, Integer, Consumer<P>> step) {
        return () -> Combinators.combine(slots(), slots()).as((slot, other) -> Transformer.mutate(
                name + " on handles " + slot + " and " + other, step.apply(slot, other)));
    }

    /** Replaces a random slot with {@code copier}'s copy of a random handle. */
    Action.Independent<P> copier(String name, UnaryOperator<H> copier) {
        return () -> Combinators.combine(slots(), slots()).as((source, target) -> Transformer.mutate(
                name + " of handle " + source + " into slot " + target, pool -> pool.share(source, target, copier)));
    }

    /** Removes the first element of {@code view} and every d-th after it, through its iterator. */
    static Object removeEveryDth(Collection<?> view, int d) {
        int i = 0;
        for (Iterator<?> it = view.iterator(); it.hasNext(); i++) {
            it.next();
            if (i % d == 0) {
                it.remove();
            }
        }
        return null;
    }

    static Arbitrary<Integer> slots() {
        return Arbitraries.integers().between(0, HandlePool.HANDLES - 1);
    }
}
