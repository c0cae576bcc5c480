package dev.cowcollections.jackson3;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.cowcollections.CowString;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.ser.Serializers;

/** The key serializer of {@code CowString}: the text is the property name. */
final class CowKeySerializers extends Serializers.Base {

    @Override
    public ValueSerializer<?> findSerializer(SerializationConfig config, JavaType type,
            BeanDescription.Supplier beanDesc, JsonFormat.Value formatOverrides) {
        return type.hasRawClass(CowString.class) ? CowStringKeySerializer.INSTANCE : null;
    }
}
