package dev.cowcollections;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.ActionChainArbitrary;
import net.jqwik.api.state.Transformer;

/**
 * Random sequences of every kind of list operation, over a pool of handles that copy each other.
 * After every step each handle must equal its own {@code ArrayList} model, element for element
 * and reference for reference, and its sharing must agree with the copy history (see
 * {@link ListPool}).
 */
class CowListProperties {

    /**
     * One successor object per value: an operation runs once on the model and once on the
     * handle, and both must receive the very same references.
     */
    private static final Map<Integer, Integer> SUCCESSORS = new ConcurrentHashMap<>();

    private static final Comparator<Integer> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

    @Property(tries = 1000)
    void everyHandleBehavesAsItsOwnArrayList(@ForAll("histories") ActionChain<ListPool> chain) {
        chain.withInvariant("every handle matches its model and its copy history", ListPool::checkEveryHandle)
                .run();
    }

    @Provide
    Arbitrary<ActionChain<ListPool>> histories() {
        ActionChainArbitrary<ListPool> chain = ActionChain.startWith(ListPool::new);
        for (Action<ListPool> action : actions()) {
            chain = chain.withAction(action);
        }
        return chain.withMaxTransformations(60);
    }

    static List<Action<ListPool>> actions() {
        List<Action<ListPool>> actions = new ArrayList<>();
        actions.add(write("add", elements(), e -> l -> l.add(e)));
        actions.add(write("add at", positionAndElement(), pe -> l -> {
            l.add(position(pe.seed(), l.size() + 1), pe.element());
            return null;
        }));
        actions.add(write("set", positionAndElement(), pe -> l -> l.isEmpty() ? null
                : l.set(position(pe.seed(), l.size()), pe.element())));
        actions.add(write("set the same reference", seeds(), seed -> l -> l.isEmpty() ? null
                : l.set(position(seed, l.size()), l.get(position(seed, l.size())))));
        actions.add(write("remove at", seeds(), seed -> l -> l.isEmpty() ? null : l.remove(position(seed, l.size()))));
        actions.add(write("remove object", elements(), e -> l -> l.remove(e)));
        actions.add(write("addAll", elementLists(), es -> l -> l.addAll(es)));
        actions.add(write("addAll at", Combinators.combine(seeds(), elementLists()).as(Positioned::new),
                pe -> l -> l.addAll(position(pe.seed(), l.size() + 1), pe.elements())));
        actions.add(write("removeIf", divisors(), d -> l -> l.removeIf(e -> e != null && e % d == 0)));
        actions.add(write("removeAll", elementLists(), es -> l -> l.removeAll(es)));
        actions.add(write("retainAll", elementLists(), es -> l -> l.retainAll(es)));
        actions.add(write("replaceAll every d-th value", divisors(), d -> l -> {
            l.replaceAll(e -> e != null && e % d == 0 ? SUCCESSORS.computeIfAbsent(e, v -> v + 1) : e);
            return null;
        }));
        actions.add(write("sort", Arbitraries.of(NULLS_FIRST, NULLS_FIRST.reversed()), c -> l -> {
            l.sort(c);
            return null;
        }));
        actions.add(write("subList clear", ranges(), r -> l -> {
            l.subList(r.from(l.size()), r.to(l.size())).clear();
            return null;
        }));
        actions.add(write("subList add", Combinators.combine(ranges(), elements()).as(RangedElement::new),
                re -> l -> l.subList(re.range().from(l.size()), re.range().to(l.size())).add(re.element())));
        actions.add(write("subList removeIf", Combinators.combine(ranges(), divisors()).as(RangedDivisor::new),
                rd -> l -> l.subList(rd.range().from(l.size()), rd.range().to(l.size()))
                        .removeIf(e -> e == null || e % rd.divisor() == 0)));
        actions.add(write("nested subList set and remove", ranges(), r -> l -> {
            List<Integer> outer = l.subList(r.from(l.size()), l.size());
            List<Integer> inner = outer.subList(0, Math.min(outer.size(), r.to(l.size()) - r.from(l.size())));
            if (inner.isEmpty()) {
                return null;
            }
            inner.set(0, 7);
            return inner.remove(inner.size() - 1);
        }));
        actions.add(write("iterator remove every d-th", divisors(), d -> l -> {
            int i = 0;
            for (Iterator<Integer> it = l.iterator(); it.hasNext(); i++) {
                it.next();
                if (i % d == 0) {
                    it.remove();
                }
            }
            return null;
        }));
        actions.add(write("listIterator set and add", Combinators.combine(divisors(), elements()).as(DivisorElement::new),
                de -> l -> {
                    int i = 0;
                    for (ListIterator<Integer> it = l.listIterator(); it.hasNext(); i++) {
                        Integer e = it.next();
                        if (i % de.divisor() == 0) {
                            it.set(de.element());
                        } else if (e != null && e % de.divisor() == 0) {
                            it.add(e);
                        }
                    }
                    return null;
                }));
        actions.add(write("listIterator backwards remove", divisors(), d -> l -> {
            ListIterator<Integer> it = l.listIterator(l.size());
            while (it.hasPrevious()) {
                if (it.previousIndex() % d == 0) {
                    it.previous();
                    it.remove();
                } else {
                    it.previous();
                }
            }
            return null;
        }));
        actions.add(write("ensureCapacity below the size and trimToSize", seeds(), seed -> l -> {
            if (l instanceof CowList) {
                ((CowList<Integer>) l).ensureCapacity(position(seed, l.size() + 1));
                ((CowList<Integer>) l).trimToSize();
            }
            return null;
        }));
        actions.add(onSlot("clear", slot -> pool -> pool.clear(slot)));
        actions.add(copier("copy", CowList::copy));
        actions.add(copier("clone", CowList::clone));
        actions.add(copier("copyOf", l -> (CowList<Integer>) CowList.copyOf(l)));
        actions.add(copier("sharing constructor", CowList::new));
        actions.add(onSlot("copy of an ArrayList", slot -> pool -> {
            List<Integer> contents = new ArrayList<>(pool.model(slot));
            pool.replaceWithFresh(slot, new CowList<>(contents), contents);
        }));
        actions.add(onSlot("serialization round trip", slot -> pool -> {
            CowList<Integer> read = HandlePool.roundTrip(pool.handle(slot));
            assertEquals(pool.model(slot), read);
            // Deserialization makes new element objects: the model adopts them.
            pool.replaceWithFresh(slot, read, new ArrayList<>(read));
        }));
        return actions;
    }

    // Operations on one handle and its model

    static <T> Action<ListPool> write(
            String name, Arbitrary<T> arguments, Function<T, Function<List<Integer>, Object>> operation) {
        return new Action.Independent<>() {
            @Override
            public Arbitrary<Transformer<ListPool>> transformer() {
                return Combinators.combine(slots(), arguments).as((slot, argument) -> Transformer.mutate(
                        name + "(" + argument + ") on handle " + slot,
                        pool -> pool.write(slot, operation.apply(argument))));
            }
        };
    }

    private static Action<ListPool> onSlot(String name, Function<Integer, Consumer<ListPool>> step) {
        return new Action.Independent<>() {
            @Override
            public Arbitrary<Transformer<ListPool>> transformer() {
                return slots().map(slot -> Transformer.mutate(name + " on handle " + slot, step.apply(slot)));
            }
        };
    }

    private static Action<ListPool> copier(String name, Function<CowList<Integer>, CowList<Integer>> copier) {
        return new Action.Independent<>() {
            @Override
            public Arbitrary<Transformer<ListPool>> transformer() {
                return Combinators.combine(slots(), slots()).as((source, target) -> Transformer.mutate(
                        name + " of handle " + source + " into slot " + target,
                        pool -> pool.share(source, target, copier)));
            }
        };
    }

    // Arguments

    private static Arbitrary<Integer> slots() {
        return Arbitraries.integers().between(0, ListPool.HANDLES - 1);
    }

    /** Small values, some beyond the Integer cache so that equal values can be distinct references. */
    static Arbitrary<Integer> elements() {
        return Arbitraries.integers().between(-3, 300).injectNull(0.05);
    }

    private static Arbitrary<List<Integer>> elementLists() {
        return elements().list().ofMaxSize(12);
    }

    static Arbitrary<Integer> seeds() {
        return Arbitraries.integers().between(0, 1000);
    }

    private static Arbitrary<Integer> divisors() {
        return Arbitraries.integers().between(1, 5);
    }

    private static Arbitrary<Range> ranges() {
        return Combinators.combine(seeds(), seeds()).as(Range::new);
    }

    private static Arbitrary<PositionedElement> positionAndElement() {
        return Combinators.combine(seeds(), elements()).as(PositionedElement::new);
    }

    /** An index into a list of the size met at run time, from a size-independent seed. */
    static int position(int seed, int bound) {
        return bound == 0 ? 0 : seed % bound;
    }

    private record PositionedElement(int seed, Integer element) {
    }

    private record Positioned(int seed, List<Integer> elements) {
    }

    private record DivisorElement(int divisor, Integer element) {
    }

    private record RangedElement(Range range, Integer element) {
    }

    private record RangedDivisor(Range range, int divisor) {
    }

    /** A sub-range of a list of the size met at run time, from two size-independent seeds. */
    private record Range(int first, int second) {
        int from(int size) {
            return Math.min(position(first, size + 1), position(second, size + 1));
        }

        int to(int size) {
            return Math.max(position(first, size + 1), position(second, size + 1));
        }
    }
}
