package dev.cowcollections;

import com.google.common.collect.testing.SetTestSuiteBuilder;
import com.google.common.collect.testing.TestStringSetGenerator;
import com.google.common.collect.testing.features.CollectionFeature;
import com.google.common.collect.testing.features.CollectionSize;
import com.google.common.collect.testing.features.SetFeature;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import junit.framework.Test;
import junit.framework.TestSuite;

/**
 * guava-testlib's {@code Set} contract with every feature {@code LinkedHashSet} has, run on fresh
 * sets and on sets whose buffer is shared with a live sibling, so that every mutating test goes
 * through a detach. After each test of the shared run, every sibling must still hold exactly the
 * elements, in the order, it was created with.
 */
public class CowSetSuite {

    public static Test suite() {
        TestSuite suite = new TestSuite("CowSet");
        suite.addTest(contract("CowSet, fresh", new TestStringSetGenerator() {
            @Override
            protected Set<String> create(String[] elements) {
                return new CowSet<>(Arrays.asList(elements));
            }
        }).createTestSuite());

        SiblingWatch<Set<String>> siblings = new SiblingWatch<>();
        suite.addTest(contract("CowSet, shared with a live sibling", new TestStringSetGenerator() {
            @Override
            protected Set<String> create(String[] elements) {
                LinkedHashSet<String> model = new LinkedHashSet<>(Arrays.asList(elements));
                CowSet<String> set = new CowSet<>(model);
                siblings.watch(set.copy(), model);
                return set;
            }
        }).withTearDown(siblings::assertUnchangedAndForget).createTestSuite());
        return suite;
    }

    private static SetTestSuiteBuilder<String> contract(String name, TestStringSetGenerator generator) {
        return SetTestSuiteBuilder.using(generator)
                .named(name)
                .withFeatures(
                        SetFeature.GENERAL_PURPOSE,
                        CollectionFeature.ALLOWS_NULL_VALUES,
                        CollectionFeature.KNOWN_ORDER,
                        CollectionFeature.SERIALIZABLE,
                        CollectionFeature.FAILS_FAST_ON_CONCURRENT_MODIFICATION,
                        CollectionSize.ANY);
    }
}
