/**
 * Implicitly shared, copy-on-write value collections: {@link dev.cowcollections.CowList},
 * {@link dev.cowcollections.CowMap}, {@link dev.cowcollections.CowSet},
 * {@link dev.cowcollections.CowString}, {@link dev.cowcollections.CowTreeMap} and
 * {@link dev.cowcollections.CowTreeSet}.
 */
module dev.cowcollections {
    exports dev.cowcollections;
}
