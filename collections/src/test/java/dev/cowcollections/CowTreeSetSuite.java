package dev.cowcollections;

import com.google.common.collect.testing.NavigableSetTestSuiteBuilder;
import com.google.common.collect.testing.TestStringSortedSetGenerator;
import com.google.common.collect.testing.features.CollectionFeature;
import com.google.common.collect.testing.features.CollectionSize;
import com.google.common.collect.testing.features.Feature;
import com.google.common.collect.testing.features.SetFeature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import junit.framework.Test;
import junit.framework.TestSuite;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * guava-testlib's {@code NavigableSet} contract, with its derived suites for every sub-set and
 * descending set, with every feature {@code TreeSet} has: in natural order and with guava's
 * null-friendly comparator, on fresh sets and on sets shared with a live sibling, at the default
 * node width and at the smallest, where every test that adds or removes splits, merges or
 * borrows. After each test of a shared run, every sibling must still hold exactly the elements
 * it was created with.
 */
class CowTreeSetSuite {

    @TestFactory
    DynamicNode contract() {
        return GuavaContracts.dynamic(suite());
    }

    static Test suite() {
        TestSuite suite = new TestSuite("CowTreeSet");
        for (int width : new int[] {BPlusTree.DEFAULT_WIDTH, BPlusTree.MIN_WIDTH}) {
            suite.addTest(fresh(width, null));
            suite.addTest(shared(width, null));
            suite.addTest(fresh(width, NullAsTextOrder.INSTANCE));
            suite.addTest(shared(width, NullAsTextOrder.INSTANCE));
        }
        return suite;
    }

    private static String name(String kind, int width, Comparator<String> comparator) {
        return "CowTreeSet, " + kind + ", width " + width + (comparator == null ? ", natural" : ", null as text");
    }

    static CowTreeSet<String> filled(int width, Comparator<String> comparator, String[] elements) {
        CowTreeSet<String> set = new CowTreeSet<>(comparator, width);
        set.addAll(Arrays.asList(elements));
        return set;
    }

    private static Test fresh(int width, Comparator<String> comparator) {
        return contract(name("fresh", width, comparator), comparator, new Generator(comparator) {
            @Override
            protected SortedSet<String> create(String[] elements) {
                return filled(width, comparator, elements);
            }
        }).createTestSuite();
    }

    private static Test shared(int width, Comparator<String> comparator) {
        SiblingWatch<Set<String>> siblings = new SiblingWatch<>();
        return contract(name("shared with a live sibling", width, comparator), comparator, new Generator(comparator) {
            @Override
            protected SortedSet<String> create(String[] elements) {
                CowTreeSet<String> set = filled(width, comparator, elements);
                TreeSet<String> model = new TreeSet<>(comparator);
                model.addAll(set);
                siblings.watch(set.copy(), model);
                return set;
            }
        }).withTearDown(siblings::assertUnchangedAndForget).createTestSuite();
    }

    /** Orders the samples by the comparator, so that guava-testlib expects the order the set has. */
    private abstract static class Generator extends TestStringSortedSetGenerator {
        private final Comparator<String> comparator;

        Generator(Comparator<String> comparator) {
            this.comparator = comparator;
        }

        @Override
        public List<String> order(List<String> insertionOrder) {
            if (comparator == null) {
                return super.order(insertionOrder);
            }
            List<String> sorted = new ArrayList<>(insertionOrder);
            sorted.sort(comparator);
            return sorted;
        }
    }

    private static NavigableSetTestSuiteBuilder<String> contract(String name, Comparator<String> comparator,
            TestStringSortedSetGenerator generator) {
        List<Feature<?>> features = new ArrayList<>(List.of(
                SetFeature.GENERAL_PURPOSE,
                CollectionFeature.FAILS_FAST_ON_CONCURRENT_MODIFICATION,
                CollectionFeature.KNOWN_ORDER,
                CollectionFeature.SERIALIZABLE,
                CollectionSize.ANY));
        if (comparator != null) {
            features.add(CollectionFeature.ALLOWS_NULL_VALUES);
        }
        NavigableSetTestSuiteBuilder<String> builder = NavigableSetTestSuiteBuilder.using(generator);
        builder.named(name).withFeatures(features);
        return builder;
    }
}
