/** A consumer of cow-collections on the module path, as an application would be. */
module dev.cowcollections.consumer {
    requires dev.cowcollections;
    requires dev.cowcollections.jackson;
}
