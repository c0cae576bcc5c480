/**
 * Jackson 3 support for cow-collections: register
 * {@link dev.cowcollections.jackson3.CowCollectionsModule}, or let
 * {@code MapperBuilder.findAndAddModules()} find it.
 */
@SuppressWarnings("module") // the name SPEC.md gives ends in a digit, as the artifact's does
module dev.cowcollections.jackson3 {
    requires transitive tools.jackson.databind;
    requires transitive dev.cowcollections;

    exports dev.cowcollections.jackson3;

    provides tools.jackson.databind.JacksonModule with dev.cowcollections.jackson3.CowCollectionsModule;
}
