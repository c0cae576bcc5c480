package dev.cowcollections;

import com.google.common.collect.testing.NavigableMapTestSuiteBuilder;
import com.google.common.collect.testing.TestStringSortedMapGenerator;
import com.google.common.collect.testing.features.CollectionFeature;
import com.google.common.collect.testing.features.CollectionSize;
import com.google.common.collect.testing.features.Feature;
import com.google.common.collect.testing.features.MapFeature;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import junit.framework.Test;
import junit.framework.TestSuite;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * guava-testlib's {@code NavigableMap} contract, with its derived suites for every sub-map,
 * descending map and key set, with every feature {@code TreeMap} has: in natural order (null
 * keys rejected) and with the null-friendly comparator of guava-testlib's own TreeMap suite (null keys and queries
 * allowed), on fresh maps and on maps shared with a live sibling, at the default node width and
 * at the smallest, where the five sample entries already fill two leaves and every test that
 * adds or removes splits, merges or borrows. After each test of a shared run, every sibling
 * must still hold exactly the mappings it was created with.
 */
class CowTreeMapSuite {

    static final int TINY = BPlusTree.MIN_WIDTH;

    @TestFactory
    DynamicNode contract() {
        return GuavaContracts.dynamic(suite());
    }

    static Test suite() {
        TestSuite suite = new TestSuite("CowTreeMap");
        for (int width : new int[] {BPlusTree.DEFAULT_WIDTH, TINY}) {
            suite.addTest(fresh(width, null));
            suite.addTest(shared(width, null));
            suite.addTest(fresh(width, NullAsTextOrder.INSTANCE));
            suite.addTest(shared(width, NullAsTextOrder.INSTANCE));
        }
        return suite;
    }

    private static String name(String kind, int width, Comparator<String> comparator) {
        return "CowTreeMap, " + kind + ", width " + width + (comparator == null ? ", natural" : ", null as text");
    }

    static CowTreeMap<String, String> filled(int width, Comparator<String> comparator, Map.Entry<String, String>[] entries) {
        CowTreeMap<String, String> map = new CowTreeMap<>(comparator, width);
        for (Map.Entry<String, String> e : entries) {
            map.put(e.getKey(), e.getValue());
        }
        return map;
    }

    private static Test fresh(int width, Comparator<String> comparator) {
        return contract(name("fresh", width, comparator), comparator, new Generator(comparator) {
            @Override
            protected SortedMap<String, String> create(Map.Entry<String, String>[] entries) {
                return filled(width, comparator, entries);
            }
        }).createTestSuite();
    }

    private static Test shared(int width, Comparator<String> comparator) {
        SiblingWatch<Map<String, String>> siblings = new SiblingWatch<>();
        return contract(name("shared with a live sibling", width, comparator), comparator, new Generator(comparator) {
            @Override
            protected SortedMap<String, String> create(Map.Entry<String, String>[] entries) {
                CowTreeMap<String, String> map = filled(width, comparator, entries);
                TreeMap<String, String> model = new TreeMap<>(comparator);
                model.putAll(map);
                siblings.watch(map.copy(), model);
                return map;
            }
        }).withTearDown(siblings::assertUnchangedAndForget).createTestSuite();
    }

    /** Orders the samples by the comparator, so that guava-testlib expects the order the map has. */
    private abstract static class Generator extends TestStringSortedMapGenerator {
        private final Comparator<String> comparator;

        Generator(Comparator<String> comparator) {
            this.comparator = comparator;
        }

        @Override
        public Iterable<Map.Entry<String, String>> order(List<Map.Entry<String, String>> insertionOrder) {
            if (comparator == null) {
                return super.order(insertionOrder);
            }
            List<Map.Entry<String, String>> sorted = new ArrayList<>(insertionOrder);
            sorted.sort(Map.Entry.comparingByKey(comparator));
            return sorted;
        }
    }

    private static NavigableMapTestSuiteBuilder<String, String> contract(
            String name, Comparator<String> comparator, TestStringSortedMapGenerator generator) {
        List<Feature<?>> features = new ArrayList<>(List.of(
                MapFeature.GENERAL_PURPOSE,
                MapFeature.ALLOWS_NULL_VALUES,
                MapFeature.FAILS_FAST_ON_CONCURRENT_MODIFICATION,
                CollectionFeature.SUPPORTS_ITERATOR_REMOVE,
                CollectionFeature.KNOWN_ORDER,
                CollectionFeature.SERIALIZABLE,
                CollectionSize.ANY));
        if (comparator != null) {
            features.add(MapFeature.ALLOWS_NULL_KEYS);
            features.add(MapFeature.ALLOWS_ANY_NULL_QUERIES);
        }
        NavigableMapTestSuiteBuilder<String, String> builder = NavigableMapTestSuiteBuilder.using(generator);
        builder.named(name).withFeatures(features);
        return builder;
    }
}
