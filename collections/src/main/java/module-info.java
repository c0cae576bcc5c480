/**
 * Implicitly shared, copy-on-write value collections: {@link dev.cowcollections.CowList},
 * {@link dev.cowcollections.CowMap}, {@link dev.cowcollections.CowSet} and
 * {@link dev.cowcollections.CowString}.
 */
module dev.cowcollections {
    exports dev.cowcollections;
}
