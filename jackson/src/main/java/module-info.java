/**
 * Jackson 2 support for cow-collections: register
 * {@link dev.cowcollections.jackson.CowCollectionsModule}, or let
 * {@code ObjectMapper.findAndRegisterModules()} find it.
 */
module dev.cowcollections.jackson {
    requires transitive com.fasterxml.jackson.databind;
    requires transitive dev.cowcollections;

    exports dev.cowcollections.jackson;

    provides com.fasterxml.jackson.databind.Module with dev.cowcollections.jackson.CowCollectionsModule;
}
