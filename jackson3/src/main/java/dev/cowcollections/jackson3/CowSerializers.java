package dev.cowcollections.jackson3;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.cowcollections.CowString;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.ser.Serializers;

/**
 * The serializers of the types Jackson would otherwise write as beans: {@code CowString}. The
 * collections implement {@code List}, {@code Set} and {@code Map}, so Jackson's own serializers
 * write them.
 */
final class CowSerializers extends Serializers.Base {

    @Override
    public ValueSerializer<?> findSerializer(SerializationConfig config, JavaType type,
            BeanDescription.Supplier beanDesc, JsonFormat.Value formatOverrides) {
        return type.hasRawClass(CowString.class) ? CowStringSerializer.INSTANCE : null;
    }
}
