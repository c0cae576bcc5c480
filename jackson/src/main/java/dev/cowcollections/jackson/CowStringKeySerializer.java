package dev.cowcollections.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.cowcollections.CowString;
import java.io.IOException;

/** Writes a {@code CowString} map key as the property name of its text. */
final class CowStringKeySerializer extends StdSerializer<CowString> {

    private static final long serialVersionUID = 1L;

    static final CowStringKeySerializer INSTANCE = new CowStringKeySerializer();

    private CowStringKeySerializer() {
        super(CowString.class);
    }

    @Override
    public void serialize(CowString value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeFieldName(value.toString());
    }
}
