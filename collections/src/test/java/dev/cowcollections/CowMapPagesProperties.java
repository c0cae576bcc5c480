package dev.cowcollections;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.statistics.Statistics;

/**
 * {@link CowMapProperties}' random histories over a pool of handles that copy each other, some
 * in the middle of a write, at sizes that cross the paging threshold both ways: tables go paged
 * above a capacity of 16 entries, in entry pages of two entries and index pages of four slots,
 * and flat again when their live entries fit in eight. Keys collide in groups, so collision
 * trees form, detach and rebuild on pages too; removals, long runs of them, and the eviction
 * idiom (put, then remove the eldest) leave tombstones that compactions clear. After every step each handle must equal its
 * {@code LinkedHashMap} model, by reference and in order, and share as its copy history says
 * ({@link MapPool}). At least nine in ten of the histories must see a handle move into pages
 * and a handle move out of them (jqwik's coverage check fails the property otherwise).
 */
class CowMapPagesProperties {

    private static final int PAGED_ABOVE = 16;
    private static final int PAGE_SHIFT = 2;
    private static final double PERCENT_CROSSING = 90;

    private static final PoolActions<MapPool, Map<Object, Object>, CowMap<Object, Object>> ACTIONS = new PoolActions<>();

    private int savedPagedAbove;
    private int savedPageShift;
    private int savedIndexPageShift;

    @BeforeProperty
    void smallPages() {
        savedPagedAbove = PageDirectory.pagedAbove();
        savedPageShift = PageDirectory.pageShift();
        savedIndexPageShift = IndexPages.pageShift();
        PageDirectory.setGeometryForTesting(PAGED_ABOVE, PAGE_SHIFT);
        IndexPages.setPageShiftForTesting(PAGE_SHIFT);
    }

    @AfterProperty
    void restoreGeometry() {
        PageDirectory.setGeometryForTesting(savedPagedAbove, savedPageShift);
        IndexPages.setPageShiftForTesting(savedIndexPageShift);
    }

    @Property(tries = 600)
    void handlesThatCrossThePagingThresholdBehaveAsTheirOwnLinkedHashMaps(
            @ForAll("histories") ActionChain<MapPool> chain) {
        MapPool pool = chain.withInvariant("every handle matches its model and its copy history", MapPool::checkEveryHandle)
                .run();
        Statistics.label("crossed the threshold both ways")
                .collect(pool.crossedThePagingThresholdBothWays())
                .coverage(coverage -> coverage.check(true).percentage(p -> p >= PERCENT_CROSSING));
    }

    @Provide
    Arbitrary<ActionChain<MapPool>> histories() {
        List<Action.Independent<MapPool>> actions = new ArrayList<>(CowMapProperties.actions());
        actions.add(ACTIONS.growing(ACTIONS.write("put, then evict the eldest", CowMapProperties.keyValue(), kv -> m -> {
            m.put(kv.key(), kv.value());
            Iterator<Object> eldest = m.keySet().iterator();
            if (m.size() > 10) {
                eldest.next();
                eldest.remove();
            }
            return null;
        })));
        actions.add(ACTIONS.write("remove all but the last few", Arbitraries.integers().between(0, 6), keep -> m -> {
            m.keySet().removeIf(k -> m.size() > keep);
            return null;
        }));
        return ACTIONS.histories(MapPool::new, actions, 80);
    }
}
