package dev.cowcollections.benchmarks;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A target that a cow-collections benchmark must meet against its {@code java.util} counterpart
 * measured in the same run, stated next to the benchmark so the report can show met or missed.
 *
 * <p>Benchmark methods are named {@code <operation>_<Implementation>}; the report divides the
 * score of {@code op_CowList} by the score of {@code op_<baseline>} for the same parameters.
 * Scores are times per operation, so a ratio below 1 means cow-collections is faster.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Goal.List.class)
public @interface Goal {

    /** The implementation after the underscore of the baseline method, e.g. {@code ArrayList}. */
    String baseline();

    /** The largest acceptable ratio of this benchmark's time to the baseline's. */
    double atMost();

    /**
     * Parameter values the goal applies to, as {@code name=value}, or {@code name>=value} for a
     * number and every larger one; empty means every run. Where several goals of a method name
     * the same baseline, the first that applies counts, so the narrower ones come first.
     */
    String[] where() default {};

    /** Holds repeated goals. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        Goal[] value();
    }
}
