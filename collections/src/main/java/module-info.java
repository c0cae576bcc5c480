/**
 * Implicitly shared, copy-on-write value collections: {@link dev.cowcollections.CowList},
 * {@link dev.cowcollections.CowMap}, {@link dev.cowcollections.CowSet} and
 * {@link dev.cowcollections.CowString}.
 */
module dev.cowcollections {
    // Optional: the Detach, Copy and Saturated events exist only where the runtime has jdk.jfr.
    requires static jdk.jfr;

    exports dev.cowcollections;
}
