package dev.cowcollections;

import com.google.common.collect.testing.ListTestSuiteBuilder;
import com.google.common.collect.testing.TestStringListGenerator;
import com.google.common.collect.testing.features.CollectionFeature;
import com.google.common.collect.testing.features.CollectionSize;
import com.google.common.collect.testing.features.ListFeature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import junit.framework.Test;
import junit.framework.TestSuite;

/**
 * guava-testlib's {@code List} contract with every feature {@code ArrayList} has, run on fresh
 * lists and on lists whose buffer is shared with a live sibling, so that every mutating test goes
 * through a detach. After each test of the shared run, every sibling must still hold exactly the
 * elements it was created with.
 */
public class CowListSuite {

    public static Test suite() {
        TestSuite suite = new TestSuite("CowList");
        suite.addTest(contract("CowList, fresh", new TestStringListGenerator() {
            @Override
            protected List<String> create(String[] elements) {
                return new CowList<>(Arrays.asList(elements));
            }
        }).createTestSuite());

        SiblingWatch<List<String>> siblings = new SiblingWatch<>();
        suite.addTest(contract("CowList, shared with a live sibling", new TestStringListGenerator() {
            @Override
            protected List<String> create(String[] elements) {
                CowList<String> list = CowList.of(elements);
                siblings.watch(list.copy(), new ArrayList<>(list));
                return list;
            }
        }).withTearDown(siblings::assertUnchangedAndForget).createTestSuite());
        return suite;
    }

    private static ListTestSuiteBuilder<String> contract(String name, TestStringListGenerator generator) {
        return ListTestSuiteBuilder.using(generator)
                .named(name)
                .withFeatures(
                        ListFeature.GENERAL_PURPOSE,
                        CollectionFeature.ALLOWS_NULL_VALUES,
                        CollectionFeature.SERIALIZABLE,
                        CollectionFeature.FAILS_FAST_ON_CONCURRENT_MODIFICATION,
                        CollectionSize.ANY);
    }
}
