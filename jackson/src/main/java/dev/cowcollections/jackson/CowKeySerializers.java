package dev.cowcollections.jackson;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.ser.Serializers;
import dev.cowcollections.CowString;

/** The key serializer of {@code CowString}: the text is the property name. */
final class CowKeySerializers extends Serializers.Base {

    @Override
    public JsonSerializer<?> findSerializer(SerializationConfig config, JavaType type, BeanDescription beanDesc) {
        return type.hasRawClass(CowString.class) ? CowStringKeySerializer.INSTANCE : null;
    }
}
