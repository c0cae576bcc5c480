package dev.cowcollections;

import dev.cowcollections.CollidingKeys.Filter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.statistics.Statistics;

/**
 * Random sequences of every kind of set operation, over a pool of handles that copy each other,
 * some of them in the middle of a write, with the keys of {@link CollidingKeys} as elements so
 * that collision trees form, grow, shrink, detach and are serialized. After every step each
 * handle must equal its own {@code LinkedHashSet} model element for element, by reference and in
 * order, answer {@code contains} as the model does, and share buffers as the copy history says
 * (see {@link SetPool}).
 */
class CowSetProperties {

    private static final PoolActions<SetPool, Set<Object>, CowSet<Object>> ACTIONS = new PoolActions<>();

    @Property(tries = 1500)
    void everyHandleBehavesAsItsOwnLinkedHashSet(@ForAll("histories") ActionChain<SetPool> chain) {
        SetPool pool = chain.withInvariant("every handle matches its model and its copy history", SetPool::checkEveryHandle)
                .run();
        Statistics.label("nine elements of one hash met in a handle").collect(pool.treeFormed());
    }

    @Provide
    Arbitrary<ActionChain<SetPool>> histories() {
        return ACTIONS.histories(SetPool::new, actions(), 60);
    }

    private static List<Action.Independent<SetPool>> actions() {
        List<Action.Independent<SetPool>> actions = new ArrayList<>();
        // Writes
        actions.add(ACTIONS.growing(ACTIONS.write("add", CollidingKeys.keys(), e -> s -> s.add(e))));
        actions.add(ACTIONS.write("add an equal element that is another object", seeds(), seed -> s -> s.isEmpty() ? null
                : s.add(CollidingKeys.equalCopy(elementAt(s, seed)))));
        actions.add(ACTIONS.growing(ACTIONS.write("addAll", CollidingKeys.keyLists(), es -> s -> s.addAll(es))));
        actions.add(ACTIONS.write("remove", CollidingKeys.keys(), e -> s -> s.remove(e)));
        actions.add(ACTIONS.write("remove an equal element that is another object", seeds(), seed -> s -> s.isEmpty() ? null
                : s.remove(CollidingKeys.equalCopy(elementAt(s, seed)))));
        actions.add(ACTIONS.write("removeIf", CollidingKeys.keyFilters(), f -> s -> s.removeIf(f)));
        actions.add(ACTIONS.write("removeIf whose filter throws at its d-th call", Combinators.combine(CollidingKeys.keyFilters(), divisors())
                .as(FilterDivisor::new), fd -> s -> {
                    int[] calls = {0};
                    return s.removeIf(e -> {
                        if (++calls[0] == fd.divisor()) {
                            throw new IllegalStateException("filter throws");
                        }
                        return fd.filter().test(e);
                    });
                }));
        actions.add(ACTIONS.write("removeAll", CollidingKeys.keyLists(), es -> s -> s.removeAll(es)));
        actions.add(ACTIONS.write("retainAll", CollidingKeys.keyLists(), es -> s -> s.retainAll(es)));
        actions.add(withOther("addAll of another handle", Set::addAll));
        actions.add(withOther("removeAll of another handle", Set::removeAll));
        actions.add(withOther("retainAll of another handle", Set::retainAll));
        actions.add(ACTIONS.write("iterator remove every d-th", divisors(), d -> s -> PoolActions.removeEveryDth(s, d)));
        actions.add(ACTIONS.copyingWrite("iteration that copies the set at the d-th element, then removes every other", divisors(),
                d -> (s, copyHere) -> {
                    int i = 0;
                    for (Iterator<Object> it = s.iterator(); it.hasNext(); i++) {
                        it.next();
                        if (i == d - 1) {
                            copyHere.run();
                        }
                        if (i % 2 == 1) {
                            it.remove();
                        }
                    }
                    return null;
                }));
        actions.add(ACTIONS.copyingWrite("removeIf that copies the set at its first match", CollidingKeys.keyFilters(),
                f -> (s, copyHere) -> {
                    boolean[] copied = {false};
                    return s.removeIf(e -> {
                        if (!copied[0] && f.test(e)) {
                            copied[0] = true;
                            copyHere.run();
                        }
                        return f.test(e);
                    });
                }));
        actions.add(ACTIONS.onSlot("clear", slot -> pool -> pool.clear(slot, Set::clear)));
        // Reads
        actions.add(ACTIONS.read("contains, containsAll", CollidingKeys.keyLists(), es -> s -> Arrays.asList(
                es.isEmpty() || s.contains(es.get(0)), s.containsAll(es))));
        // Copies and fresh sets
        actions.add(ACTIONS.copier("copy", CowSet::copy));
        actions.add(ACTIONS.copier("clone", CowSet::clone));
        actions.add(ACTIONS.copier("copyOf", CowSet::copyOf));
        actions.add(ACTIONS.copier("sharing constructor", CowSet::new));
        actions.add(fresh("new CowSet of a LinkedHashSet", contents -> new CowSet<>(new LinkedHashSet<>(contents))));
        actions.add(fresh("new CowSet of a list with every element twice", contents -> {
            List<Object> twice = new ArrayList<>(contents);
            twice.addAll(contents);
            return new CowSet<>(twice);
        }));
        actions.add(fresh("CowSet.of a handle's elements", contents -> CowSet.of(contents.toArray())));
        actions.add(fresh("new CowSet(expectedSize), then addAll", contents -> {
            CowSet<Object> set = new CowSet<>(contents.size());
            set.addAll(contents);
            return set;
        }));
        actions.add(ACTIONS.onSlot("serialization round trip", slot -> pool -> {
            CowSet<Object> read = HandlePool.roundTrip(pool.handle(slot));
            SetPool.checkRoundTrip(pool.model(slot), read);
            // Deserialization makes new element objects: the model adopts them.
            pool.replaceWithFresh(slot, read, new LinkedHashSet<>(read));
        }));
        return actions;
    }

    /** An operation whose argument is another handle of the pool (maybe this one), or its model for the model. */
    private static Action.Independent<SetPool> withOther(String name, BiFunction<Set<Object>, Collection<Object>, Object> operation) {
        return ACTIONS.onTwoSlots(name, (slot, other) -> pool -> {
            Set<Object> otherModel = new LinkedHashSet<>(pool.model(other));
            CowSet<Object> otherHandle = pool.handle(other);
            pool.write(slot, s -> operation.apply(s, s instanceof CowSet ? otherHandle : otherModel));
        });
    }

    /** Replaces a slot with a new, unshared set that {@code maker} builds from the slot's elements. */
    private static Action.Independent<SetPool> fresh(String name, Function<Set<Object>, CowSet<Object>> maker) {
        return ACTIONS.onSlot(name, slot -> pool -> {
            Set<Object> contents = new LinkedHashSet<>(pool.model(slot));
            pool.replaceWithFresh(slot, maker.apply(contents), contents);
        });
    }

    private static Object elementAt(Set<Object> set, int seed) {
        Iterator<Object> it = set.iterator();
        for (int i = seed % set.size(); i > 0; i--) {
            it.next();
        }
        return it.next();
    }

    private static Arbitrary<Integer> seeds() {
        return Arbitraries.integers().between(0, 1000);
    }

    private static Arbitrary<Integer> divisors() {
        return Arbitraries.integers().between(1, 5);
    }

    private record FilterDivisor(Filter filter, int divisor) {
    }
}
