package dev.cowcollections.benchmarks;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Why a benchmark misses its {@link Goal} where it does, found with evidence and written next to
 * the goal, so that the report can print it beside every missed row. A missed row with no stated
 * cause is reported as unexplained: it is work to do, not a known cost.
 *
 * <p>On a row with no goal, an information row such as a peer's, it states why the peer is
 * faster, and the report prints it where the whole interval lies above 1.
 *
 * <p>The cause is checked, not assumed: the report shows it only for rows the run really missed,
 * and a cause whose rows are all met again says nothing.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(MissCause.List.class)
public @interface MissCause {

    /** The implementation after the underscore of the baseline method, e.g. {@code HashMap}. */
    String baseline();

    /**
     * Parameter values the cause applies to, in {@link Goal#where()}'s notation; empty means every
     * run. Where several causes of a method apply, the first counts.
     */
    String[] where() default {};

    /** The cause and its evidence, in a sentence or three a reader can check. */
    String value();

    /** Holds repeated causes. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        MissCause[] value();
    }
}
