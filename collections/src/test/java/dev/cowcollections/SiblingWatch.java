package dev.cowcollections;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Remembers handles that share a buffer with the collection under test, with their contents at
 * the time, so that a suite's tear-down can check that no test changed them.
 */
final class SiblingWatch<C> {
    private final List<C> siblings = new ArrayList<>();
    private final List<C> expected = new ArrayList<>();

    void watch(C sibling, C contents) {
        siblings.add(sibling);
        expected.add(contents);
    }

    void assertUnchangedAndForget() {
        try {
            for (int i = 0; i < siblings.size(); i++) {
                if (!Objects.equals(siblings.get(i), expected.get(i))
                        || !Objects.equals(siblings.get(i).toString(), expected.get(i).toString())) {
                    throw new AssertionError("a sibling handle changed: expected "
                            + expected.get(i) + " but was " + siblings.get(i));
                }
            }
        } finally {
            siblings.clear();
            expected.clear();
        }
    }
}
