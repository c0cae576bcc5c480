package dev.cowcollections.stress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.cowcollections.CowList;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Two handles on one buffer, each appended to by its own thread at the same moment.
 *
 * <p>Both writers see the count at 3 (the original and two copies), or one sees it drop to 2
 * after the other detached; either way each must end up with a private buffer holding the
 * shared prefix plus its own element. A lost or leaked element, or an original that shows a
 * write, would mean a handle wrote into a buffer it did not own.
 */
@JCStressTest
@Outcome(id = "12, 13, 1", expect = ACCEPTABLE, desc = "each handle shows exactly its own add")
@Outcome(expect = FORBIDDEN, desc = "a write leaked into a sibling or was lost")
@State
public class ListSiblingWritesStress {
    private final CowList<Integer> original = CowList.of(1);
    private final CowList<Integer> first = original.copy();
    private final CowList<Integer> second = original.copy();

    @Actor
    public void addThroughFirst() {
        first.add(2);
    }

    @Actor
    public void addThroughSecond() {
        second.add(3);
    }

    @Arbiter
    public void contents(III_Result r) {
        r.r1 = Digits.of(first);
        r.r2 = Digits.of(second);
        r.r3 = Digits.of(original);
    }
}
