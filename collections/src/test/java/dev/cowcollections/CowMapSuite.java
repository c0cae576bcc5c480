package dev.cowcollections;

import com.google.common.collect.testing.MapTestSuiteBuilder;
import com.google.common.collect.testing.TestStringMapGenerator;
import com.google.common.collect.testing.features.CollectionFeature;
import com.google.common.collect.testing.features.CollectionSize;
import com.google.common.collect.testing.features.MapFeature;
import java.util.LinkedHashMap;
import java.util.Map;
import junit.framework.Test;
import junit.framework.TestSuite;

/**
 * guava-testlib's {@code Map} contract with every feature {@code LinkedHashMap} has (null keys
 * and values, known order, serialization, fail-fast iterators), run on fresh maps and on maps
 * whose buffer is shared with a live sibling, so that every mutating test goes through a detach.
 * After each test of the shared run, every sibling must still hold exactly the mappings, in the
 * order, it was created with.
 */
public class CowMapSuite {

    public static Test suite() {
        TestSuite suite = new TestSuite("CowMap");
        suite.addTest(contract("CowMap, fresh", new TestStringMapGenerator() {
            @Override
            protected Map<String, String> create(Map.Entry<String, String>[] entries) {
                CowMap<String, String> map = new CowMap<>();
                for (Map.Entry<String, String> e : entries) {
                    map.put(e.getKey(), e.getValue());
                }
                return map;
            }
        }).createTestSuite());

        SiblingWatch<Map<String, String>> siblings = new SiblingWatch<>();
        suite.addTest(contract("CowMap, shared with a live sibling", new TestStringMapGenerator() {
            @Override
            protected Map<String, String> create(Map.Entry<String, String>[] entries) {
                LinkedHashMap<String, String> model = new LinkedHashMap<>();
                for (Map.Entry<String, String> e : entries) {
                    model.put(e.getKey(), e.getValue());
                }
                CowMap<String, String> map = new CowMap<>(model);
                siblings.watch(map.copy(), model);
                return map;
            }
        }).withTearDown(siblings::assertUnchangedAndForget).createTestSuite());
        return suite;
    }

    private static MapTestSuiteBuilder<String, String> contract(String name, TestStringMapGenerator generator) {
        return MapTestSuiteBuilder.using(generator)
                .named(name)
                .withFeatures(
                        MapFeature.GENERAL_PURPOSE,
                        MapFeature.ALLOWS_NULL_KEYS,
                        MapFeature.ALLOWS_NULL_VALUES,
                        MapFeature.ALLOWS_ANY_NULL_QUERIES,
                        MapFeature.FAILS_FAST_ON_CONCURRENT_MODIFICATION,
                        CollectionFeature.SUPPORTS_ITERATOR_REMOVE,
                        CollectionFeature.KNOWN_ORDER,
                        CollectionFeature.SERIALIZABLE,
                        CollectionSize.ANY);
    }
}
