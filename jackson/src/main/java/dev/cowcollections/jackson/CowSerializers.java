package dev.cowcollections.jackson;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.ser.Serializers;
import dev.cowcollections.CowString;

/**
 * The serializers of the types Jackson would otherwise write as beans: {@code CowString}. The
 * collections implement {@code List}, {@code Set} and {@code Map}, so Jackson's own serializers
 * write them.
 */
final class CowSerializers extends Serializers.Base {

    @Override
    public JsonSerializer<?> findSerializer(SerializationConfig config, JavaType type, BeanDescription beanDesc) {
        return type.hasRawClass(CowString.class) ? CowStringSerializer.INSTANCE : null;
    }
}
