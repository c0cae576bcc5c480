package dev.cowcollections.jackson;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.KeyDeserializers;
import dev.cowcollections.CowString;

/** The key deserializer of {@code CowString}: the property name is the text. */
final class CowKeyDeserializers implements KeyDeserializers {

    private static final KeyDeserializer COW_STRING_KEY = new KeyDeserializer() {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) {
            return new CowString(key);
        }
    };

    @Override
    public KeyDeserializer findKeyDeserializer(JavaType type, DeserializationConfig config, BeanDescription beanDesc) {
        return type.hasRawClass(CowString.class) ? COW_STRING_KEY : null;
    }
}
