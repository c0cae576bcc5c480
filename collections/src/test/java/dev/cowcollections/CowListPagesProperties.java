package dev.cowcollections;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.ActionChainArbitrary;
import net.jqwik.api.statistics.Statistics;

/**
 * Random histories over a pool of handles that copy each other, at sizes that cross the paging
 * threshold both ways: lists go paged above 16 elements, in pages of four, and flat again at
 * eight. After every step each handle must equal its {@code ArrayList} model, reference for
 * reference, and a write through one handle must have left every other handle's pages the very
 * same arrays holding the very same references ({@link ListPool}). At least four in five of the
 * histories must see a handle move into pages and a handle move out of them (jqwik's coverage
 * check fails the property otherwise).
 */
class CowListPagesProperties {

    private static final int PAGED_ABOVE = 16;
    private static final int PAGE_SHIFT = 2;
    private static final double PERCENT_CROSSING = 80;

    private int savedPagedAbove;
    private int savedPageShift;

    @BeforeProperty
    void smallPages() {
        savedPagedAbove = PageDirectory.pagedAbove();
        savedPageShift = PageDirectory.pageShift();
        PageDirectory.setGeometryForTesting(PAGED_ABOVE, PAGE_SHIFT);
    }

    @AfterProperty
    void restoreGeometry() {
        PageDirectory.setGeometryForTesting(savedPagedAbove, savedPageShift);
    }

    @Property(tries = 600)
    void handlesThatCrossThePagingThresholdBehaveAsTheirOwnArrayLists(
            @ForAll("histories") ActionChain<ListPool> chain) {
        ListPool pool = chain
                .withInvariant("every handle matches its model, and writes leave siblings' pages alone",
                        ListPool::checkEveryHandle)
                .run();
        Statistics.label("crossed the threshold both ways")
                .collect(pool.crossedThePagingThresholdBothWays())
                .coverage(coverage -> coverage.check(true).percentage(p -> p >= PERCENT_CROSSING));
    }

    @Provide
    Arbitrary<ActionChain<ListPool>> histories() {
        ActionChainArbitrary<ListPool> chain = ActionChain.startWith(
                () -> new ListPool(IntStream.range(0, PAGED_ABOVE - 2).mapToObj(i -> 1000 + i).collect(Collectors.toList())));
        for (Action<ListPool> action : CowListProperties.actions()) {
            chain = chain.withAction(action);
        }
        return chain
                .withAction(4, CowListProperties.write("addAll of many", manyElements(), es -> l -> l.addAll(es)))
                .withAction(4, CowListProperties.write("addAll of many at", Combinators.combine(
                        CowListProperties.seeds(), manyElements()).as(SeededElements::new),
                        se -> l -> l.addAll(CowListProperties.position(se.seed(), l.size() + 1), se.elements())))
                .withAction(3, CowListProperties.write("remove a long range", CowListProperties.seeds(), seed -> l -> {
                    int keep = CowListProperties.position(seed, 6);
                    int from = Math.min(keep, l.size());
                    l.subList(from, Math.max(from, l.size() - keep)).clear();
                    return null;
                }))
                .withMaxTransformations(60);
    }

    private static Arbitrary<List<Integer>> manyElements() {
        return CowListProperties.elements().list().ofMinSize(4).ofMaxSize(24).map(ArrayList::new);
    }

    private record SeededElements(int seed, List<Integer> elements) {
    }
}
