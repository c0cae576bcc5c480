package dev.cowcollections;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import junit.framework.AssertionFailedError;
import junit.framework.Test;
import junit.framework.TestCase;
import junit.framework.TestListener;
import junit.framework.TestResult;
import junit.framework.TestSuite;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs a guava-testlib suite as JUnit 5 dynamic tests, one per group of test cases (the cases
 * of one derived suite: the map, a sub-map, its key set, ...), each failing with the names of
 * its failed cases and the first failure as the cause. The sorted suites derive a sub-map suite
 * from every sub-map, some 61 000 cases per configuration; reported one by one they would
 * not fit Surefire's 512 MB heap, in groups they do, and every case still runs.
 */
final class GuavaContracts {

    private GuavaContracts() {
    }

    static DynamicNode dynamic(Test test) {
        TestSuite suite = (TestSuite) test;
        List<Test> cases = new ArrayList<>();
        List<DynamicNode> nodes = new ArrayList<>();
        for (Test child : Collections.list(suite.tests())) {
            if (child instanceof TestCase || isTesterSuite(child)) {
                cases.add(child);
            } else {
                nodes.add(dynamic(child));
            }
        }
        if (!cases.isEmpty()) {
            int count = cases.stream().mapToInt(Test::countTestCases).sum();
            nodes.add(0, DynamicTest.dynamicTest(suite.getName() + " (" + count + " cases)", () -> runAll(cases)));
        }
        return DynamicContainer.dynamicContainer(suite.getName(), nodes);
    }

    private static boolean isTesterSuite(Test test) {
        return test instanceof TestSuite && Collections.list(((TestSuite) test).tests()).stream().allMatch(t -> t instanceof TestCase);
    }

    private static void runAll(List<Test> cases) {
        List<String> failed = new ArrayList<>();
        Throwable[] first = {null};
        TestResult result = new TestResult();
        result.addListener(new TestListener() {
            @Override
            public void addError(Test test, Throwable e) {
                note(test, e);
            }

            @Override
            public void addFailure(Test test, AssertionFailedError e) {
                note(test, e);
            }

            private void note(Test test, Throwable e) {
                failed.add(test + ": " + e);
                if (first[0] == null) {
                    first[0] = e;
                }
            }

            @Override
            public void startTest(Test test) {
            }

            @Override
            public void endTest(Test test) {
            }
        });
        for (Test test : cases) {
            test.run(result);
        }
        if (!failed.isEmpty()) {
            throw new AssertionError(failed.size() + " failed:\n" + String.join("\n", failed.subList(0, Math.min(20, failed.size()))),
                    first[0]);
        }
    }
}
