package dev.cowcollections.benchmarks;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A limit on the bytes a cow-collections benchmark allocates per operation ({@code -prof gc}'s
 * {@code gc.alloc.rate.norm}): at most the baseline's bytes from the same run plus
 * {@link #plusBytes()}. A first write after a copy must allocate no more than the defensive copy
 * it replaces, plus the handle and count it adds. Allocation is counted exactly, so this verdict
 * has no interval.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AllocationGoal {

    /** The implementation after the underscore of the baseline method, e.g. {@code ArrayList}. */
    String baseline();

    /** The bytes per operation allowed above the baseline's. */
    int plusBytes() default 48;
}
