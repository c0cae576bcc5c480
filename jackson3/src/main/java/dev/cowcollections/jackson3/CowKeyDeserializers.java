package dev.cowcollections.jackson3;

import dev.cowcollections.CowString;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.KeyDeserializers;

/** The key deserializer of {@code CowString}: the property name is the text. */
final class CowKeyDeserializers implements KeyDeserializers {

    private static final KeyDeserializer COW_STRING_KEY = new KeyDeserializer() {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) {
            return new CowString(key);
        }
    };

    @Override
    public KeyDeserializer findKeyDeserializer(JavaType type, DeserializationConfig config, BeanDescription.Supplier beanDesc) {
        return type.hasRawClass(CowString.class) ? COW_STRING_KEY : null;
    }
}
