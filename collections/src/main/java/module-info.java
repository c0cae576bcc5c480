/**
 * Implicitly shared, copy-on-write value collections: {@link dev.cowcollections.CowList},
 * {@link dev.cowcollections.CowMap}, {@link dev.cowcollections.CowSet},
 * {@link dev.cowcollections.CowString}, {@link dev.cowcollections.CowTreeMap} and
 * {@link dev.cowcollections.CowTreeSet}.
 */
module dev.cowcollections {
    // Optional: the Detach, Copy and Saturated events exist only where the runtime has jdk.jfr.
    requires static jdk.jfr;

    exports dev.cowcollections;
}
